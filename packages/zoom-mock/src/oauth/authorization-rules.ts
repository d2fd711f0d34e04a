import {
  ACCESS_TOKEN_EXPIRES_IN_SECONDS,
  AUTHORIZATION_CODE_LIFETIME_MS,
  type GrantRecord,
  type MockApp,
  type MockUser,
  type ZoomMockState,
} from "../state.js";
import { DEVICE_CODE_GRANT_TYPE, pollDeviceAuthorization } from "./device-authorization-rules.js";
import { oauthFailures, type ZoomOAuthFailure } from "./oauth-errors.js";

/**
 * The rules of Zoom's authorization server, independent of HTTP: the msw handlers, the consent page
 * and `zoom.approve()` / `zoom.deny()` all go through these functions, so there is one place for them.
 */

/** A checked authorization request. */
export interface AuthorizationRequest {
  app: MockApp;
  redirectUri: string;
  state: string | null;
  codeChallenge: string | null;
  codeChallengeMethod: "S256" | "plain" | null;
}

/** The outcome of an authorization step: redirect the browser, or show a page and redirect nowhere. */
export type AuthorizationOutcome =
  | { kind: "redirect"; location: URL }
  | { kind: "error-page"; status: 400; message: string }
  | { kind: "consent"; request: AuthorizationRequest };

/** The user's answer on the consent page. */
export type ConsentDecision = { allow: true; userId?: string } | { allow: false };

/** The JSON body of a successful token response. */
export interface TokenResponseBody {
  access_token: string;
  token_type: "bearer";
  refresh_token?: string;
  expires_in: number;
  scope: string;
  api_url: string;
}

/** The outcome of a token or revoke call. */
export type TokenOutcome = { ok: true; body: TokenResponseBody } | { ok: false; failure: ZoomOAuthFailure };

/** Sends the browser back to the app with `error` (and `state`), as RFC 6749 section 4.1.2.1 asks. */
export function errorRedirect(request: { redirectUri: string; state: string | null }, error: string): Extract<AuthorizationOutcome, { kind: "redirect" }> {
  const location = new URL(request.redirectUri);
  location.searchParams.set("error", error);
  if (request.state !== null) location.searchParams.set("state", request.state);
  return { kind: "redirect", location };
}

/**
 * Checks the parameters of an authorization request. An unknown client or an unregistered redirect URI
 * gives an error page (redirecting there would hand the answer to whoever wrote the link); other
 * problems are reported to the redirect URI, as RFC 6749 section 4.1.2.1 asks.
 */
export function checkAuthorizationRequest(state: ZoomMockState, params: URLSearchParams): AuthorizationOutcome {
  const clientId = params.get("client_id");
  const app = clientId ? state.apps.get(clientId) : undefined;
  if (!app) return { kind: "error-page", status: 400, message: "The app is unknown: client_id is missing or not registered." };
  const redirectUri = params.get("redirect_uri");
  if (!redirectUri || !state.acceptsRedirectUri(app, redirectUri)) {
    return { kind: "error-page", status: 400, message: "The redirect_uri is missing or not registered for this app." };
  }
  const request = { redirectUri, state: params.get("state") };
  if (params.get("response_type") !== "code") return errorRedirect(request, "unsupported_response_type");
  // Zoom's PKCE: optional for a confidential client, required for a public one (it has no secret to prove
  // itself with at the exchange); a challenge without a method is `plain`.
  const codeChallenge = params.get("code_challenge");
  if (codeChallenge === null && app.clientSecret === null) return errorRedirect(request, "invalid_request");
  const method = params.get("code_challenge_method") ?? (codeChallenge === null ? null : "plain");
  if (method !== null && method !== "S256" && method !== "plain") return errorRedirect(request, "invalid_request");
  if (method !== null && codeChallenge === null) return errorRedirect(request, "invalid_request");
  return {
    kind: "consent",
    request: { app, redirectUri, state: request.state, codeChallenge, codeChallengeMethod: method },
  };
}

/** Applies the user's decision to an authorization request: a code, `access_denied`, or an error page. */
export function decideAuthorization(state: ZoomMockState, params: URLSearchParams, decision: ConsentDecision): AuthorizationOutcome {
  const checked = checkAuthorizationRequest(state, params);
  if (checked.kind !== "consent") return checked;
  const { request } = checked;
  if (!decision.allow) return errorRedirect(request, "access_denied");
  const userId = decision.userId ?? state.defaultUserId;
  const user = userId === null ? undefined : state.users.get(userId);
  if (!user) return { kind: "error-page", status: 400, message: "The user who consents is unknown." };
  const issuedAt = state.now();
  const code = state.randomString();
  state.authorizationCodes.set(code, {
    code,
    clientId: request.app.clientId,
    redirectUri: request.redirectUri,
    codeChallenge: request.codeChallenge,
    codeChallengeMethod: request.codeChallengeMethod,
    userId: user.id,
    // Zoom grants the scopes configured on the app, whatever the request's `scope` says.
    scopes: request.app.scopes,
    issuedAt,
    expiresAt: issuedAt + AUTHORIZATION_CODE_LIFETIME_MS,
    consumedAt: null,
    grantId: null,
  });
  const location = new URL(request.redirectUri);
  location.searchParams.set("code", code);
  if (request.state !== null) location.searchParams.set("state", request.state);
  return { kind: "redirect", location };
}

async function s256(verifier: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier)));
  let binary = "";
  for (const byte of digest) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The token response of a grant: a new access token, and a refresh token for a user's grant. */
export function tokenBody(state: ZoomMockState, grant: GrantRecord): TokenResponseBody {
  const access = state.issueAccessToken(grant);
  const body: TokenResponseBody = {
    access_token: access.token,
    token_type: "bearer",
    expires_in: ACCESS_TOKEN_EXPIRES_IN_SECONDS,
    scope: grant.scopes.join(" "),
    api_url: state.apiUrl,
  };
  if ((grant.kind === "authorization_code" || grant.kind === "device_code") && grant.userId !== null) {
    body.refresh_token = state.issueRefreshToken({ ...grant, userId: grant.userId }).token;
  }
  return body;
}

const fail = (failure: ZoomOAuthFailure): TokenOutcome => ({ ok: false, failure });

/**
 * `grant_type=authorization_code`: a code works once, within 5 minutes, for its client and redirect URI,
 * and with the verifier of its challenge when the authorization request had one.
 */
export async function exchangeAuthorizationCode(state: ZoomMockState, app: MockApp, form: URLSearchParams): Promise<TokenOutcome> {
  const record = state.authorizationCodes.get(form.get("code") ?? "");
  if (!record || record.clientId !== app.clientId) return fail(oauthFailures.invalidCode);
  if (record.consumedAt !== null) {
    // A replayed code may be stolen: end what the first exchange started (RFC 6749 section 4.1.2).
    if (record.grantId !== null) state.revokeGrant(record.grantId);
    return fail(oauthFailures.invalidCode);
  }
  if (state.now() >= record.expiresAt) return fail(oauthFailures.expiredCode);
  if (form.get("redirect_uri") !== record.redirectUri) return fail(oauthFailures.redirectUriMismatch);
  if (record.codeChallenge !== null) {
    const verifier = form.get("code_verifier");
    if (verifier === null) return fail(oauthFailures.invalidCodeVerifier);
    const computed = record.codeChallengeMethod === "S256" ? await s256(verifier) : verifier;
    if (computed !== record.codeChallenge) return fail(oauthFailures.invalidCodeVerifier);
  }
  const user = state.users.get(record.userId);
  if (!user) return fail(oauthFailures.invalidCode);
  record.consumedAt = state.now();
  const grant = state.createGrant({
    kind: "authorization_code",
    clientId: app.clientId,
    userId: user.id,
    accountId: user.account_id,
    scopes: record.scopes,
  });
  record.grantId = grant.id;
  return { ok: true, body: tokenBody(state, grant) };
}

/** `grant_type=refresh_token`: every refresh rotates; the replaced token then answers `Invalid Token!`. */
export function refreshAccessToken(state: ZoomMockState, app: MockApp, form: URLSearchParams): TokenOutcome {
  const record = state.refreshTokens.get(form.get("refresh_token") ?? "");
  if (!record || record.clientId !== app.clientId || record.rotatedAt !== null || record.revokedAt !== null) {
    return fail(oauthFailures.invalidRefreshToken);
  }
  const grant = state.grants.get(record.grantId);
  if (!grant || grant.revokedAt !== null || !state.users.has(record.userId)) return fail(oauthFailures.invalidRefreshToken);
  record.rotatedAt = state.now();
  return { ok: true, body: tokenBody(state, grant) };
}

/** `grant_type=account_credentials` (Server-to-Server OAuth): a token for the app's own account, no refresh token. */
export function issueAccountToken(state: ZoomMockState, app: MockApp, form: URLSearchParams): TokenOutcome {
  if (form.get("account_id") !== app.accountId) return fail(oauthFailures.unknownAccount);
  // `me` on an S2S token is the account's owner; the mock's owner is its seeded user.
  const owner: MockUser | undefined = state.defaultUserId === null ? undefined : state.users.get(state.defaultUserId);
  const grant = state.createGrant({
    kind: "account_credentials",
    clientId: app.clientId,
    userId: owner?.id ?? null,
    accountId: app.accountId,
    // No user grants these: the token carries what the app itself was given.
    scopes: app.appTokenScopes,
  });
  return { ok: true, body: tokenBody(state, grant) };
}

/** `grant_type=client_credentials`: an app-only token, no user, no refresh token. */
export function issueClientToken(state: ZoomMockState, app: MockApp): TokenOutcome {
  const grant = state.createGrant({
    kind: "client_credentials",
    clientId: app.clientId,
    userId: null,
    accountId: app.accountId,
    scopes: app.appTokenScopes,
  });
  return { ok: true, body: tokenBody(state, grant) };
}

/** Dispatches a token request on its `grant_type`. */
export async function handleTokenRequest(state: ZoomMockState, app: MockApp, form: URLSearchParams): Promise<TokenOutcome> {
  switch (form.get("grant_type")) {
    case "authorization_code":
      return exchangeAuthorizationCode(state, app, form);
    case "refresh_token":
      return refreshAccessToken(state, app, form);
    case "account_credentials":
      return issueAccountToken(state, app, form);
    case "client_credentials":
      return issueClientToken(state, app);
    case DEVICE_CODE_GRANT_TYPE:
      return pollDeviceAuthorization(state, app, form);
    default:
      return fail(oauthFailures.unsupportedGrantType);
  }
}

/**
 * Revokes an access or refresh token and, with it, the whole grant. An unknown token counts as revoked
 * (RFC 7009 section 2.2); a token of another client is refused.
 */
export function revokeToken(
  state: ZoomMockState,
  app: MockApp,
  token: string,
): { ok: true } | { ok: false; failure: ZoomOAuthFailure } {
  const record = state.accessTokens.get(token) ?? state.refreshTokens.get(token);
  if (!record) return { ok: true };
  if (record.clientId !== app.clientId) return { ok: false, failure: oauthFailures.tokenOfAnotherClient };
  state.revokeGrant(record.grantId);
  return { ok: true };
}

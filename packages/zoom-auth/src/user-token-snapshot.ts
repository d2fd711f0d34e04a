import type { ZoomTokens } from "./zoom-tokens.js";

/**
 * A user's Zoom tokens as plain JSON, for storage between runs: what
 * {@link UserTokenSource.snapshot} returns, what `onTokens` receives after each refresh,
 * and what `createUserTokenSource({ snapshot })` starts from.
 *
 * It holds live credentials: store it as you would a password (encrypted at rest), and never
 * log it.
 */
export interface UserTokenSnapshot {
  /** The access token (Zoom's live for one hour). */
  accessToken: string;
  /** The refresh token. Zoom rotates it on every refresh: only the latest one works. */
  refreshToken: string;
  /** When the access token expires, as an ISO 8601 date-time (`Date.prototype.toISOString()`). */
  expiresAt: string;
  /** The granted scopes. */
  scopes: string[];
  /** Zoom's `api_url`, the account's regional API origin (append `/v2`), or `null` when Zoom sent none. */
  apiUrl: string | null;
}

/** The source's working copy of a snapshot, with the expiry as a number. */
export interface UserTokenState {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresAtMs: number;
  readonly scopes: readonly string[];
  readonly apiUrl: string | null;
}

/** The fields of a {@link ZoomTokens} that the state is read from. */
type TokenResponseReader = Pick<
  ZoomTokens,
  | "accessToken"
  | "hasRefreshToken"
  | "refreshToken"
  | "accessTokenExpiresAt"
  | "hasScopes"
  | "scopes"
  | "hasApiUrl"
  | "apiUrl"
  | "data"
  | "receivedAt"
>;

/** The latest instant a `Date` can hold, in ms: an expiry past it could never be stored as a snapshot. */
const MAX_DATE_MS = 8.64e15;

function hasExpiresIn(tokens: TokenResponseReader): boolean {
  const value: unknown = (tokens.data as { expires_in?: unknown }).expires_in;
  // Token responses are validated at receipt; tokens built by hand are held to the same bound here,
  // so that no state is ever made whose snapshot would throw.
  return (
    typeof value === "number" &&
    value > 0 &&
    Math.abs(tokens.receivedAt.getTime() + value * 1000) <= MAX_DATE_MS
  );
}

/**
 * Reads a token response into state. Fields the response leaves out are taken from
 * `previous`: RFC 6749 section 6 lets a refresh response omit the refresh token (keep the old
 * one) and section 5.1 lets it omit `scope` when unchanged.
 *
 * @param tokens - The token response.
 * @param previous - The state the response replaces, or `null` for the first tokens.
 * @returns The new state. Without `expires_in`, the access token counts as expired at receipt.
 * @throws {TypeError} When there is no refresh token, neither in the response nor before.
 */
export function stateFromTokens(tokens: TokenResponseReader, previous: UserTokenState | null): UserTokenState {
  let refreshToken: string;
  if (tokens.hasRefreshToken()) {
    refreshToken = tokens.refreshToken();
  } else if (previous !== null) {
    refreshToken = previous.refreshToken;
  } else {
    throw new TypeError("tokens has no refresh_token: a user token source needs one (Server-to-Server tokens have none)");
  }
  return {
    accessToken: tokens.accessToken(),
    refreshToken,
    // Zoom always sends expires_in; without it the token is used once and refreshed on the next call.
    expiresAtMs: hasExpiresIn(tokens) ? tokens.accessTokenExpiresAt().getTime() : tokens.receivedAt.getTime(),
    scopes: tokens.hasScopes() ? tokens.scopes() : [...(previous?.scopes ?? [])],
    apiUrl: tokens.hasApiUrl() ? tokens.apiUrl() : (previous?.apiUrl ?? null),
  };
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === "string" && value !== "";
}

/**
 * Checks a stored snapshot (for example one read back with `JSON.parse`) and turns it into
 * state.
 *
 * @param snapshot - The snapshot.
 * @returns The state.
 * @throws {TypeError} Naming the first field that is missing or malformed (never its value).
 */
export function stateFromSnapshot(snapshot: unknown): UserTokenState {
  if (snapshot === null || typeof snapshot !== "object" || Array.isArray(snapshot)) {
    throw new TypeError("snapshot must be an object { accessToken, refreshToken, expiresAt, scopes, apiUrl }");
  }
  const { accessToken, refreshToken, expiresAt, scopes, apiUrl } = snapshot as Record<string, unknown>;
  if (!isNonEmptyString(accessToken)) throw new TypeError("snapshot.accessToken must be a non-empty string");
  if (!isNonEmptyString(refreshToken)) throw new TypeError("snapshot.refreshToken must be a non-empty string");
  const expiresAtMs = typeof expiresAt === "string" ? Date.parse(expiresAt) : Number.NaN;
  if (Number.isNaN(expiresAtMs)) {
    throw new TypeError("snapshot.expiresAt must be an ISO 8601 date-time string, as Date.prototype.toISOString() writes");
  }
  if (!Array.isArray(scopes) || !scopes.every((scope) => typeof scope === "string")) {
    throw new TypeError("snapshot.scopes must be an array of strings");
  }
  if (apiUrl !== null && !isNonEmptyString(apiUrl)) {
    throw new TypeError("snapshot.apiUrl must be a non-empty string or null");
  }
  return { accessToken, refreshToken, expiresAtMs, scopes: [...scopes], apiUrl };
}

/**
 * Turns state into a fresh snapshot (the caller may change it freely).
 *
 * @param state - The state.
 * @returns The snapshot.
 */
export function snapshotFromState(state: UserTokenState): UserTokenSnapshot {
  return {
    accessToken: state.accessToken,
    refreshToken: state.refreshToken,
    expiresAt: new Date(state.expiresAtMs).toISOString(),
    scopes: [...state.scopes],
    apiUrl: state.apiUrl,
  };
}

import type { OAuth2Client, OAuth2ClientOptions } from "@org/oauth-core";
import {
  type DeviceAuthorization,
  type DeviceFlowClient,
  type PollDeviceAuthorizationOptions,
  pollDeviceAuthorization,
  requestDeviceAuthorization,
} from "./device-authorization.js";
import { assertNonEmptyString, createZoomOAuth2Client } from "./zoom-oauth-client.js";
import type { ZoomTokens } from "./zoom-tokens.js";

/** Options of {@link Zoom}: where Zoom is, and how requests are sent. */
export interface ZoomOptions extends OAuth2ClientOptions {
  /**
   * The origin of the authorization server. Defaults to `https://zoom.us`; point it at a
   * local mock in tests and demos.
   */
  authorizationServer?: string;
}

/**
 * "Sign in with Zoom": Zoom's OAuth 2.0 authorization code flow with PKCE, as a drop-in
 * replacement for arctic's `Zoom` provider (same names, same call shapes).
 *
 * @example
 * ```ts
 * import { Zoom, generateState, generateCodeVerifier } from "@org/zoom-auth";
 *
 * const zoom = new Zoom(clientId, clientSecret, "https://app.example/login/zoom/callback");
 * const state = generateState();
 * const codeVerifier = generateCodeVerifier();
 * const url = zoom.createAuthorizationURL(state, codeVerifier);
 * // ...later, in the callback:
 * const tokens = await zoom.validateAuthorizationCode(code, codeVerifier);
 * ```
 */
export class Zoom {
  readonly #client: OAuth2Client<ZoomTokens>;
  readonly #deviceFlow: DeviceFlowClient;
  readonly #hasRedirectURI: boolean;

  /**
   * @param clientId - The app's client id.
   * @param clientSecret - The app's client secret, or `null` for a public client (PKCE
   *   only: `client_id` goes in the body and no `Authorization` header is sent).
   * @param redirectURI - The redirect URL registered on the Zoom app; must be absolute. `null` for an
   *   app that only signs users in with the device flow (a CLI, a TV): the redirect-based methods then throw.
   * @param options - `authorizationServer` origin, `fetch`, `timeoutMs`, `signal`, `userAgent`, `clock`.
   * @throws {TypeError} At once, naming the argument that is wrong.
   */
  constructor(clientId: string, clientSecret: string | null, redirectURI: string | null, options: ZoomOptions = {}) {
    assertNonEmptyString(clientId, "clientId");
    if (clientSecret !== null) {
      assertNonEmptyString(clientSecret, "clientSecret (use null for a public client)");
    }
    if (redirectURI !== null) assertNonEmptyString(redirectURI, "redirectURI");
    const { client, origin, clientOptions } = createZoomOAuth2Client({ clientId, clientSecret, redirectURI }, options ?? {});
    this.#client = client;
    this.#hasRedirectURI = redirectURI !== null;
    this.#deviceFlow = {
      authentication:
        clientSecret === null ? { method: "none", clientId } : { method: "client_secret_basic", clientId, clientSecret },
      deviceAuthorizationEndpoint: new URL(`${origin}/oauth/devicecode`),
      tokenEndpoint: new URL(`${origin}/oauth/token`),
      options: { ...clientOptions },
    };
  }

  #assertRedirectURI(method: string): void {
    if (!this.#hasRedirectURI) {
      throw new TypeError(`${method} needs a redirectURI: this Zoom was created with null (device flow only)`);
    }
  }

  /**
   * Builds the URL of Zoom's consent page (`/oauth/authorize`) with `response_type=code`,
   * `client_id`, `redirect_uri`, `state` and an S256 PKCE challenge. Synchronous.
   *
   * @param state - From `generateState()`; store it to compare with the callback's `state`.
   * @param codeVerifier - From `generateCodeVerifier()`; store it for the code exchange.
   * @param scopes - Optional. Zoom takes scopes from the app's settings; `scope` is only
   *   added when this is non-empty.
   * @returns The URL to redirect the user to.
   * @throws {TypeError} When `state` is empty, `codeVerifier` is not a valid RFC 7636
   *   verifier, or a scope is empty or contains a space.
   */
  createAuthorizationURL(state: string, codeVerifier: string, scopes?: readonly string[]): URL {
    this.#assertRedirectURI("createAuthorizationURL");
    return this.#client.createAuthorizationURLWithPKCE(state, codeVerifier, scopes ?? []);
  }

  /**
   * Exchanges the callback's `code` for tokens (`POST /oauth/token`,
   * `grant_type=authorization_code`, with `redirect_uri` and `code_verifier`).
   *
   * @param code - The `code` query parameter of the callback.
   * @param codeVerifier - The verifier used for {@link Zoom.createAuthorizationURL}.
   * @returns The tokens: access token (1 hour), refresh token, scopes, `api_url`.
   * @throws {OAuth2RequestError} Zoom refused: invalid, expired or reused code, wrong
   *   verifier or redirect URI, bad client credentials (`code` is `invalid_grant`, `invalid_client`, ...).
   * @throws {OAuth2FetchError} No answer: network failure, timeout, abort.
   * @throws {UnexpectedResponseError} An answer that is not a token response (HTML, a 200 without `access_token`).
   * @throws {UnexpectedErrorResponseBodyError} An error status with JSON that is not an OAuth error.
   */
  validateAuthorizationCode(code: string, codeVerifier: string): Promise<ZoomTokens> {
    this.#assertRedirectURI("validateAuthorizationCode");
    return this.#client.validateAuthorizationCode(code, codeVerifier);
  }

  /**
   * Gets new tokens with a refresh token (`grant_type=refresh_token`). Zoom rotates refresh
   * tokens: store the new one from the result; the old one then fails with `invalid_grant`.
   *
   * @param refreshToken - The current refresh token.
   * @returns The new tokens.
   * @throws The same errors as {@link Zoom.validateAuthorizationCode}. `invalid_grant`
   *   means the user has to sign in again.
   */
  refreshAccessToken(refreshToken: string): Promise<ZoomTokens> {
    return this.#client.refreshAccessToken(refreshToken);
  }

  /**
   * Revokes an access token (`POST /oauth/revoke` with `token`). Zoom answers
   * `{"status":"success"}`.
   *
   * @param token - The access token to revoke.
   * @throws The same errors as {@link Zoom.validateAuthorizationCode}.
   */
  async revokeToken(token: string): Promise<void> {
    await this.#client.revokeToken(token);
  }

  /**
   * Starts the device authorization grant (RFC 8628), for apps that run where a browser redirect
   * cannot reach them: a CLI, a TV, a kiosk. `POST /oauth/devicecode` answers a `userCode` to show the
   * user and a `verificationURI` where they enter it; then call {@link Zoom.pollDeviceAuthorization}.
   * Zoom enables the device flow per app, on request.
   *
   * @returns The codes and the polling interval.
   * @throws {OAuth2RequestError} Zoom refused (bad client credentials, device flow not enabled).
   * @throws {OAuth2FetchError} No answer: network failure, timeout, abort.
   * @throws {UnexpectedResponseError} An answer without `device_code`, `user_code` and `verification_uri`.
   */
  requestDeviceAuthorization(): Promise<DeviceAuthorization> {
    return requestDeviceAuthorization(this.#deviceFlow);
  }

  /**
   * Waits for the user to approve a device authorization, polling Zoom's token endpoint every
   * `interval` seconds (five more after each `slow_down`), and returns the same tokens as
   * {@link Zoom.validateAuthorizationCode}: access token, rotating refresh token, scopes, `api_url`.
   *
   * @param authorization - What {@link Zoom.requestDeviceAuthorization} returned.
   * @param options - `signal` to stop waiting, `testing.sleep` to control time in tests, `onPending` to show progress.
   * @returns The user's tokens.
   * @throws {DeviceAuthorizationError} The user denied (`access_denied`) or the codes expired (`expired_token`).
   * @throws {OAuth2RequestError} Any other refusal (`invalid_client`, `invalid_grant`, ...).
   * @throws The signal's reason, when `signal` aborts.
   */
  pollDeviceAuthorization(authorization: DeviceAuthorization, options?: PollDeviceAuthorizationOptions): Promise<ZoomTokens> {
    return pollDeviceAuthorization(this.#deviceFlow, authorization, options);
  }
}

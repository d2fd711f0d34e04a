import type { OAuth2ClientOptions } from "@org/oauth-core";
import { AppTokenCache } from "./app-token-cache.js";
import { refreshMarginOption } from "./refresh-margin.js";
import { assertTokenStore, type ServerToServerTokenStore } from "./server-to-server-token-store.js";
import { assertNonEmptyString, createZoomOAuth2Client } from "./zoom-oauth-client.js";
import type { ZoomTokens } from "./zoom-tokens.js";

/** Options of {@link ZoomServerToServer}. */
export interface ZoomServerToServerOptions extends OAuth2ClientOptions {
  /** The origin of the authorization server. Defaults to `https://zoom.us`. */
  authorizationServer?: string;
  /**
   * How long before its expiry, in milliseconds, a cached token is replaced, so that a token handed
   * out is still valid when the API call it is for arrives. Defaults to 60 000 (one minute), like
   * `createUserTokenSource`'s option of the same name.
   */
  refreshMarginMs?: number;
  /**
   * Shares the token with other instances of the app (processes, servers), so that they make one token
   * request per expiry between them, for example `createRedisTokenStore(...).serverToServer` from
   * `@org/zoom-token-store-redis`. Defaults to none: the token is cached in this instance's memory.
   */
  store?: ServerToServerTokenStore | undefined;
}

/**
 * Zoom Server-to-Server OAuth: app-level access tokens for one account
 * (`grant_type=account_credentials`), with no user and no refresh token.
 *
 * Tokens are cached until shortly before they expire, and concurrent callers share one
 * request: a burst of API calls at start-up costs one token request, not one each.
 *
 * @example
 * ```ts
 * const s2s = new ZoomServerToServer(accountId, clientId, clientSecret);
 * const response = await fetch("https://api.zoom.us/v2/users/me", {
 *   headers: { Authorization: `Bearer ${await s2s.getAccessToken()}` },
 * });
 * ```
 */
export class ZoomServerToServer {
  readonly #cache: AppTokenCache;

  /**
   * @param accountId - The Zoom account id of the Server-to-Server OAuth app.
   * @param clientId - The app's client id.
   * @param clientSecret - The app's client secret.
   * @param options - `authorizationServer`, `refreshMarginMs`, and the request options
   *   (`fetch`, `timeoutMs`, `signal`, `userAgent`, `clock`).
   * @throws {TypeError} At once, naming the argument that is wrong.
   */
  constructor(accountId: string, clientId: string, clientSecret: string, options: ZoomServerToServerOptions = {}) {
    assertNonEmptyString(accountId, "accountId");
    assertNonEmptyString(clientId, "clientId");
    assertNonEmptyString(clientSecret, "clientSecret");
    const { refreshMarginMs, store, ...rest } = options;
    assertTokenStore(store);
    const margin = refreshMarginOption(refreshMarginMs);
    const { client, clientOptions } = createZoomOAuth2Client({ clientId, clientSecret, redirectURI: null }, rest);
    this.#cache = new AppTokenCache({
      request: () => client.requestTokens("account_credentials", { account_id: accountId }),
      clock: clientOptions.clock ?? Date.now,
      refreshMarginMs: margin,
      shared: store === undefined ? undefined : { store, key: `${accountId}:${clientId}` },
    });
  }

  /**
   * An access token valid for at least `refreshMarginMs` more: the cached one, or a
   * new one (requested once, however many callers are waiting).
   *
   * @returns The access token.
   * @throws The errors of the token request (`OAuth2RequestError`, `OAuth2FetchError`, ...).
   *   A failed request is not cached: the next call tries again.
   */
  async getAccessToken(): Promise<string> {
    return (await this.getTokens()).accessToken();
  }

  /**
   * Like {@link ZoomServerToServer.getAccessToken}, but returns the whole token response
   * (for `apiUrl()`, `scopes()`, `accessTokenExpiresAt()`).
   *
   * @returns The current tokens.
   */
  getTokens(): Promise<ZoomTokens> {
    return this.#cache.get();
  }

  /**
   * Forgets the cached token, so that the next call requests a new one. Call it when the
   * API rejects a token (for example after the app's credentials were rotated).
   */
  invalidate(): void {
    this.#cache.invalidate();
  }
}

import { AppTokenCache } from "./app-token-cache.js";
import { refreshMarginOption } from "./refresh-margin.js";
import { assertTokenStore } from "./server-to-server-token-store.js";
import type { ZoomServerToServerOptions } from "./server-to-server.js";
import { assertNonEmptyString, createZoomOAuth2Client } from "./zoom-oauth-client.js";
import type { ZoomTokens } from "./zoom-tokens.js";

/**
 * Options of {@link ZoomClientCredentials}: the same as {@link ZoomServerToServerOptions}
 * (`authorizationServer`, `refreshMarginMs`, `store`, and the request options). With a `store`, the
 * app's instances share one token, stored under `client_credentials:<clientId>`.
 */
export type ZoomClientCredentialsOptions = ZoomServerToServerOptions;

/**
 * App-only tokens (`grant_type=client_credentials`): the token a chatbot or a Marketplace app uses for
 * its own scopes (`imchat:bot`, say), with no user and no account id. One hour, no refresh token.
 *
 * Like {@link ZoomServerToServer}, tokens are cached until shortly before they expire and concurrent
 * callers share one request. It is a token source for `@org/zoom-api`: `createZoomClient({ tokens: app })`.
 *
 * @example
 * ```ts
 * const app = new ZoomClientCredentials(clientId, clientSecret);
 * const token = await app.getAccessToken();
 * ```
 */
export class ZoomClientCredentials {
  readonly #cache: AppTokenCache;

  /**
   * @param clientId - The app's client id.
   * @param clientSecret - The app's client secret.
   * @param options - `authorizationServer`, `refreshMarginMs`, `store`, and the request options
   *   (`fetch`, `timeoutMs`, `signal`, `userAgent`, `clock`).
   * @throws {TypeError} At once, naming the argument that is wrong.
   */
  constructor(clientId: string, clientSecret: string, options: ZoomClientCredentialsOptions = {}) {
    assertNonEmptyString(clientId, "clientId");
    assertNonEmptyString(clientSecret, "clientSecret");
    if (options === null || typeof options !== "object") throw new TypeError("options must be an object");
    const { refreshMarginMs, store, ...rest } = options;
    assertTokenStore(store);
    const margin = refreshMarginOption(refreshMarginMs);
    const { client, clientOptions } = createZoomOAuth2Client({ clientId, clientSecret, redirectURI: null }, rest);
    this.#cache = new AppTokenCache({
      request: () => client.requestTokens("client_credentials"),
      clock: clientOptions.clock ?? Date.now,
      refreshMarginMs: margin,
      // An app token has no account: the key names the grant so it cannot meet a Server-to-Server key.
      shared: store === undefined ? undefined : { store, key: `client_credentials:${clientId}` },
    });
  }

  /**
   * An access token valid for at least `refreshMarginMs` more: the cached one, or a new one
   * (requested once, however many callers are waiting).
   *
   * @returns The access token.
   * @throws The errors of the token request (`OAuth2RequestError`, `OAuth2FetchError`, ...).
   *   A failed request is not cached: the next call tries again.
   */
  async getAccessToken(): Promise<string> {
    return (await this.#cache.get()).accessToken();
  }

  /**
   * Like {@link ZoomClientCredentials.getAccessToken}, but returns the whole token response
   * (for `scopes()`, `apiUrl()`, `accessTokenExpiresAt()`).
   *
   * @returns The current tokens.
   */
  getTokens(): Promise<ZoomTokens> {
    return this.#cache.get();
  }

  /**
   * Forgets the cached token, so that the next call requests a new one. Call it when the API
   * rejects a token (`createZoomClient({ tokens })` does, after a 401).
   */
  invalidate(): void {
    this.#cache.invalidate();
  }
}

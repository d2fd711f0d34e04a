import { OAuth2Client } from "@org/oauth-core";
import { AppTokenCache } from "./app-token-cache.js";
import { parseAuthorizationServer, ZOOM_AUTHORIZATION_SERVER } from "./authorization-server.js";
import type { ZoomServerToServerOptions } from "./server-to-server.js";
import { ZoomTokens } from "./zoom-tokens.js";

/**
 * Options of {@link ZoomClientCredentials}: the same as {@link ZoomServerToServerOptions}
 * (`authorizationServer`, `refreshMarginMs`, and the request options).
 */
export type ZoomClientCredentialsOptions = ZoomServerToServerOptions;

function assertNonEmptyString(value: unknown, name: string): asserts value is string {
  if (typeof value !== "string" || value === "") {
    throw new TypeError(`${name} must be a non-empty string`);
  }
}

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
   * @param options - `authorizationServer`, `refreshMarginMs`, and the request options
   *   (`fetch`, `timeoutMs`, `signal`, `userAgent`, `clock`).
   * @throws {TypeError} At once, naming the argument that is wrong.
   */
  constructor(clientId: string, clientSecret: string, options: ZoomClientCredentialsOptions = {}) {
    assertNonEmptyString(clientId, "clientId");
    assertNonEmptyString(clientSecret, "clientSecret");
    if (options === null || typeof options !== "object") throw new TypeError("options must be an object");
    const { authorizationServer = ZOOM_AUTHORIZATION_SERVER, refreshMarginMs = 60_000, ...clientOptions } = options;
    if (!(typeof refreshMarginMs === "number" && Number.isFinite(refreshMarginMs) && refreshMarginMs >= 0)) {
      throw new TypeError("options.refreshMarginMs must be a number of milliseconds, zero or more");
    }
    const origin = parseAuthorizationServer(authorizationServer);
    const client = new OAuth2Client<ZoomTokens>(
      {
        clientId,
        clientSecret,
        redirectURI: null,
        authorizationEndpoint: `${origin}/oauth/authorize`,
        tokenEndpoint: `${origin}/oauth/token`,
        revocationEndpoint: `${origin}/oauth/revoke`,
      },
      clientOptions,
      (data, receivedAt) => new ZoomTokens(data, { receivedAt }),
    );
    this.#cache = new AppTokenCache(() => client.requestTokens("client_credentials"), clientOptions.clock ?? Date.now, refreshMarginMs);
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

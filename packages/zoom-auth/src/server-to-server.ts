import { OAuth2Client, type OAuth2ClientOptions } from "@org/oauth-core";
import { parseAuthorizationServer, ZOOM_AUTHORIZATION_SERVER } from "./authorization-server.js";
import { type ServerToServerTokenStore, tokensThroughStore } from "./server-to-server-token-store.js";
import { SingleFlight } from "./single-flight.js";
import { ZoomTokens } from "./zoom-tokens.js";

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

function assertNonEmptyString(value: unknown, name: string): asserts value is string {
  if (typeof value !== "string" || value === "") {
    throw new TypeError(`${name} must be a non-empty string`);
  }
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
  readonly #client: OAuth2Client<ZoomTokens>;
  readonly #accountId: string;
  readonly #clock: () => number;
  readonly #refreshMarginMs: number;
  #cached: ZoomTokens | null = null;
  readonly #store: ServerToServerTokenStore | null;
  /** The access token `invalidate()` dropped: never taken back from the shared store. */
  #rejected: string | null = null;
  readonly #request = new SingleFlight<ZoomTokens>();

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
    const {
      authorizationServer = ZOOM_AUTHORIZATION_SERVER,
      refreshMarginMs = 60_000,
      store,
      ...clientOptions
    } = options;
    const notAStore = (value: ServerToServerTokenStore | null) =>
      value === null ||
      typeof value.load !== "function" ||
      typeof value.save !== "function" ||
      (value.lock !== undefined && typeof value.lock !== "function");
    if (store !== undefined && notAStore(store)) {
      throw new TypeError("options.store must be a ServerToServerTokenStore { load, save, lock? }");
    }
    if (!(typeof refreshMarginMs === "number" && Number.isFinite(refreshMarginMs) && refreshMarginMs >= 0)) {
      throw new TypeError("options.refreshMarginMs must be a number of milliseconds, zero or more");
    }
    const origin = parseAuthorizationServer(authorizationServer);
    this.#client = new OAuth2Client<ZoomTokens>(
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
    this.#accountId = accountId;
    this.#clock = clientOptions.clock ?? Date.now;
    this.#refreshMarginMs = refreshMarginMs;
    this.#store = store ?? null;
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
    if (this.#cached !== null && this.#isFresh(this.#cached)) {
      return Promise.resolve(this.#cached);
    }
    return this.#request.run(async (isCurrent) => {
      const tokens = await this.#requestOrShare();
      // A request that invalidate() detached must not refill the cache.
      if (isCurrent()) this.#cached = tokens;
      return tokens;
    });
  }

  /**
   * Forgets the cached token, so that the next call requests a new one. Call it when the
   * API rejects a token (for example after the app's credentials were rotated).
   */
  invalidate(): void {
    if (this.#cached !== null) this.#rejected = this.#cached.accessToken();
    this.#cached = null;
    this.#request.forget();
  }

  #requestOrShare(): Promise<ZoomTokens> {
    const request = () => this.#client.requestTokens("account_credentials", { account_id: this.#accountId });
    if (this.#store === null) return request();
    const usable = (tokens: ZoomTokens) => this.#isFresh(tokens) && tokens.accessToken() !== this.#rejected;
    return tokensThroughStore(this.#store, `${this.#accountId}:${this.#client.clientId}`, request, usable);
  }

  #isFresh(tokens: ZoomTokens): boolean {
    // Zoom always sends expires_in; a response without it is used once and not cached.
    if (typeof (tokens.data as { expires_in?: unknown }).expires_in !== "number") return false;
    return tokens.accessTokenExpiresAt().getTime() - this.#refreshMarginMs > this.#clock();
  }
}

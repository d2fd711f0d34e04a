import { isFreshFor } from "./refresh-margin.js";
import { type ServerToServerTokenStore, tokensThroughStore } from "./server-to-server-token-store.js";
import { SingleFlight } from "./single-flight.js";
import type { ZoomTokens } from "./zoom-tokens.js";

/** Options of {@link AppTokenCache}. */
export interface AppTokenCacheOptions {
  /** Requests a new token from Zoom. */
  request: () => Promise<ZoomTokens>;
  /** The current time in ms. */
  clock: () => number;
  /** How long before expiry a cached token is replaced. */
  refreshMarginMs: number;
  /** Shares the token with other instances through a store, under `key` (no secret in it). */
  shared?: { store: ServerToServerTokenStore; key: string } | undefined;
}

/**
 * The cache of an app's own token (no user, no refresh token: a new one is simply requested), behind
 * both `ZoomServerToServer` and `ZoomClientCredentials`. It hands out the cached token until
 * `refreshMarginMs` before its expiry; concurrent callers share one request; with a shared store,
 * instances share one token per expiry, and a token `invalidate()` dropped is never taken back from it.
 *
 * @internal Not exported from the package.
 */
export class AppTokenCache {
  readonly #request: () => Promise<ZoomTokens>;
  readonly #clock: () => number;
  readonly #refreshMarginMs: number;
  readonly #shared: AppTokenCacheOptions["shared"];
  readonly #flight = new SingleFlight<ZoomTokens>();
  #cached: ZoomTokens | null = null;
  /** The access token `invalidate()` dropped: never taken back from the shared store. */
  #rejected: string | null = null;

  constructor(options: AppTokenCacheOptions) {
    this.#request = options.request;
    this.#clock = options.clock;
    this.#refreshMarginMs = options.refreshMarginMs;
    this.#shared = options.shared;
  }

  /** The cached tokens while fresh, else new ones (one request however many callers wait). */
  get(): Promise<ZoomTokens> {
    if (this.#cached !== null && this.#isFresh(this.#cached)) return Promise.resolve(this.#cached);
    return this.#flight.run(async (isCurrent) => {
      const tokens = await this.#requestOrShare();
      // A request that invalidate() detached must not refill the cache.
      if (isCurrent()) this.#cached = tokens;
      return tokens;
    });
  }

  /** Forgets the cached tokens and any request under way. */
  invalidate(): void {
    if (this.#cached !== null) this.#rejected = this.#cached.accessToken();
    this.#cached = null;
    this.#flight.forget();
  }

  #requestOrShare(): Promise<ZoomTokens> {
    if (this.#shared === undefined) return this.#request();
    const usable = (tokens: ZoomTokens) => this.#isFresh(tokens) && tokens.accessToken() !== this.#rejected;
    return tokensThroughStore(this.#shared.store, this.#shared.key, this.#request, usable);
  }

  #isFresh(tokens: ZoomTokens): boolean {
    // Zoom always sends expires_in; a response without it is used once and not cached.
    if (typeof (tokens.data as { expires_in?: unknown }).expires_in !== "number") return false;
    return isFreshFor(tokens.accessTokenExpiresAt().getTime(), this.#refreshMarginMs, this.#clock());
  }
}

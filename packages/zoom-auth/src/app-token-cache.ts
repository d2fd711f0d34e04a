import { SingleFlight } from "./single-flight.js";
import type { ZoomTokens } from "./zoom-tokens.js";

/**
 * The cache of an app-level token (no refresh token: a new one is simply requested): it hands out the
 * cached token until `refreshMarginMs` before its expiry, and concurrent callers share one request.
 *
 * @internal Used by {@link ZoomClientCredentials}; not exported.
 */
export class AppTokenCache {
  readonly #request: () => Promise<ZoomTokens>;
  readonly #clock: () => number;
  readonly #refreshMarginMs: number;
  readonly #flight = new SingleFlight<ZoomTokens>();
  #cached: ZoomTokens | null = null;

  /**
   * @param request - Requests a new token.
   * @param clock - The current time in ms.
   * @param refreshMarginMs - How long before expiry a cached token is replaced.
   */
  constructor(request: () => Promise<ZoomTokens>, clock: () => number, refreshMarginMs: number) {
    this.#request = request;
    this.#clock = clock;
    this.#refreshMarginMs = refreshMarginMs;
  }

  /** The cached tokens while fresh, else new ones (one request however many callers wait). */
  get(): Promise<ZoomTokens> {
    if (this.#cached !== null && this.#isFresh(this.#cached)) return Promise.resolve(this.#cached);
    return this.#flight.run(async (isCurrent) => {
      const tokens = await this.#request();
      // A request that invalidate() detached must not refill the cache.
      if (isCurrent()) this.#cached = tokens;
      return tokens;
    });
  }

  /** Forgets the cached tokens and any request under way. */
  invalidate(): void {
    this.#cached = null;
    this.#flight.forget();
  }

  #isFresh(tokens: ZoomTokens): boolean {
    // Zoom always sends expires_in; a response without it is used once and not cached.
    if (typeof (tokens.data as { expires_in?: unknown }).expires_in !== "number") return false;
    return tokens.accessTokenExpiresAt().getTime() - this.#refreshMarginMs > this.#clock();
  }
}

import {
  OAuth2RequestError,
  UnexpectedErrorResponseBodyError,
  UnexpectedResponseError,
} from "@org/oauth-core";
import { isFreshFor, refreshMarginOption } from "./refresh-margin.js";
import { SingleFlight } from "./single-flight.js";
import { ReauthorizationRequiredError, TokenLoadError, TokenPersistenceError } from "./user-token-source-errors.js";
import {
  snapshotFromState,
  stateFromSnapshot,
  stateFromTokens,
  type UserTokenSnapshot,
  type UserTokenState,
} from "./user-token-snapshot.js";
import type { Zoom } from "./zoom.js";
import type { ZoomTokens } from "./zoom-tokens.js";

/** Options of {@link createUserTokenSource}. Give exactly one of `tokens` and `snapshot`. */
export interface UserTokenSourceOptions {
  /** The `Zoom` client that signed the user in; its `refreshAccessToken` is used. */
  zoom: Pick<Zoom, "refreshAccessToken">;
  /** The tokens from `zoom.validateAuthorizationCode()` (they must have a refresh token). */
  tokens?: ZoomTokens | undefined;
  /** Tokens stored earlier from {@link UserTokenSource.snapshot} or `onTokens`. */
  snapshot?: UserTokenSnapshot | undefined;
  /**
   * Stores the tokens after each refresh. Awaited before the new access token is handed out:
   * Zoom has already invalidated the previous refresh token, so what this stores is the only
   * way back in after a restart. If it throws, see {@link TokenPersistenceError}.
   */
  onTokens: (next: UserTokenSnapshot) => void | Promise<void>;
  /**
   * Reads the stored tokens back: what `onTokens` last stored, by this process or another, or `null`
   * when nothing is stored. Give it when several processes (servers, workers, serverless instances)
   * use the same stored tokens. Before a refresh, and again if Zoom refuses the refresh token, the
   * source looks there for tokens another process refreshed meanwhile and uses them, instead of
   * losing the user to a race. If it throws, see {@link TokenLoadError}.
   */
  load?: (() => UserTokenSnapshot | null | Promise<UserTokenSnapshot | null>) | undefined;
  /**
   * Runs a refresh under your cross-process lock (a database row lock, a Redis lock, ...), so that
   * processes sharing the stored tokens refresh one at a time: inside it, the source reads the
   * stored tokens with `load` (required with `lock`) and refreshes only if they are not fresh.
   * Without a lock, `load` still rescues the loser of a race in most cases; with one, always.
   */
  lock?: (<T>(critical: () => Promise<T>) => Promise<T>) | undefined;
  /** How long before expiry the access token is refreshed, in ms. Defaults to 60 000. */
  refreshMarginMs?: number | undefined;
  /**
   * The current time in ms (defaults to `Date.now`). A token's expiry is fixed by the `Zoom`
   * client's own `clock` when it arrives: in tests, give both the same clock.
   */
  clock?: (() => number) | undefined;
}

/** Whether the token endpoint said a definite "no" to this request (a 4xx other than 429). */
function isRefusal(error: unknown): boolean {
  const refused =
    error instanceof OAuth2RequestError ||
    error instanceof UnexpectedErrorResponseBodyError ||
    error instanceof UnexpectedResponseError;
  return refused && error.status >= 400 && error.status < 500 && error.status !== 429;
}

function isDeadRefreshToken(error: unknown): error is OAuth2RequestError {
  return error instanceof OAuth2RequestError && error.code === "invalid_grant";
}

/**
 * A user's access token that stays valid for as long as the user's grant does: refreshed
 * shortly before it expires, with each rotated refresh token handed to `onTokens` for storage.
 * Create it with {@link createUserTokenSource}.
 *
 * What it guarantees:
 * - **One refresh at a time.** Concurrent callers share one refresh request. Zoom rotates
 *   refresh tokens, so a second parallel refresh would be refused and lose the session.
 * - **Stored before used.** After a refresh, `onTokens` is awaited before any caller gets the
 *   new access token. If it throws, the new tokens stay in memory, every waiting caller gets
 *   a {@link TokenPersistenceError}, and the next call offers them to `onTokens` again
 *   (without a new refresh while the access token is fresh).
 * - **A failed refresh keeps what works.** When the token endpoint cannot be reached or
 *   answers 5xx, 429 or something unreadable, the current access token is returned while it
 *   has not expired (and not been invalidated), and the next call tries the refresh again;
 *   once expired, the error is thrown and the refresh token kept for the next call. Other 4xx
 *   answers (for example `invalid_client`) are thrown, with the tokens kept.
 * - **A dead refresh token is final.** `invalid_grant` becomes a
 *   {@link ReauthorizationRequiredError}, thrown by this call and every later one without
 *   another request.
 * - **No secrets on show, no timers.** Tokens live in private fields: `JSON.stringify` and
 *   `console.log` of the source show none. Nothing runs between calls.
 *
 * One source per user per process. Processes that share stored tokens should give `load`
 * (and, better, `lock`): otherwise two of them refreshing the same stored refresh token race,
 * and the loser gets `invalid_grant`.
 */
export class UserTokenSource {
  readonly #zoom: Pick<Zoom, "refreshAccessToken">;
  readonly #onTokens: (next: UserTokenSnapshot) => void | Promise<void>;
  readonly #load: (() => UserTokenSnapshot | null | Promise<UserTokenSnapshot | null>) | null;
  readonly #lock: (<T>(critical: () => Promise<T>) => Promise<T>) | null;
  readonly #refreshMarginMs: number;
  readonly #clock: () => number;
  readonly #flight = new SingleFlight<string>();
  #state: UserTokenState;
  #stored = true;
  #invalidated = false;
  #reauthorizationRequired: ReauthorizationRequiredError | null = null;

  /**
   * @param options - See {@link UserTokenSourceOptions}.
   * @throws {TypeError} At once, naming the option that is wrong.
   */
  constructor(options: UserTokenSourceOptions) {
    if (options === null || typeof options !== "object") {
      throw new TypeError("createUserTokenSource: options must be an object { zoom, tokens | snapshot, onTokens }");
    }
    const { zoom, tokens, snapshot, onTokens, load, lock, refreshMarginMs, clock = Date.now } = options;
    if (zoom === null || typeof zoom !== "object" || typeof zoom.refreshAccessToken !== "function") {
      throw new TypeError("createUserTokenSource: options.zoom must be a Zoom instance");
    }
    if (typeof onTokens !== "function") {
      throw new TypeError("createUserTokenSource: options.onTokens must be a function that stores the tokens");
    }
    if (load !== undefined && typeof load !== "function") {
      throw new TypeError("createUserTokenSource: options.load must be a function that reads the stored tokens");
    }
    if (lock !== undefined && typeof lock !== "function") {
      throw new TypeError("createUserTokenSource: options.lock must be a function that runs its argument under a lock");
    }
    if (lock !== undefined && load === undefined) {
      throw new TypeError("createUserTokenSource: options.lock needs options.load, to read what the lock's previous holder stored");
    }
    const margin = refreshMarginOption(refreshMarginMs, "createUserTokenSource: options.refreshMarginMs");
    if (typeof clock !== "function") {
      throw new TypeError("createUserTokenSource: options.clock must be a function returning milliseconds");
    }
    if ((tokens === undefined) === (snapshot === undefined)) {
      throw new TypeError("createUserTokenSource: give exactly one of options.tokens and options.snapshot");
    }
    if (tokens !== undefined && (tokens === null || typeof tokens.accessToken !== "function")) {
      throw new TypeError("createUserTokenSource: options.tokens must be the ZoomTokens of a sign-in");
    }
    this.#state = tokens !== undefined ? stateFromTokens(tokens, null) : stateFromSnapshot(snapshot);
    this.#zoom = zoom;
    this.#onTokens = onTokens;
    this.#load = load ?? null;
    this.#lock = lock ?? null;
    this.#refreshMarginMs = margin;
    this.#clock = clock;
  }

  /**
   * An access token valid for at least `refreshMarginMs` more, refreshing first if needed
   * (one refresh, however many callers are waiting).
   *
   * @returns The access token.
   * @throws {ReauthorizationRequiredError} The refresh token is dead (now or before).
   * @throws {TokenPersistenceError} `onTokens` failed; the tokens are kept and offered again next call.
   * @throws {TokenLoadError} `load` failed; the tokens are kept and the next call tries again.
   * @throws The refresh's own error (`OAuth2FetchError`, `OAuth2RequestError`, ...) when it
   *   failed and the current access token cannot be used instead.
   */
  getAccessToken(): Promise<string> {
    if (this.#reauthorizationRequired !== null) return Promise.reject(this.#reauthorizationRequired);
    if (this.#stored && this.#isUsable()) return Promise.resolve(this.#state.accessToken);
    return this.#flight.run(() => this.#bringUpToDate());
  }

  /**
   * Marks the current access token as unusable, so that the next
   * {@link UserTokenSource.getAccessToken} refreshes. Call it when the API answers 401 with
   * a token from this source. A refresh already under way is kept (its tokens are newer).
   */
  invalidate(): void {
    this.#invalidated = true;
  }

  /**
   * The current tokens as plain JSON for storage, including tokens that `onTokens` failed to
   * store. It holds live credentials: never log it.
   *
   * @returns A new snapshot on every call.
   */
  snapshot(): UserTokenSnapshot {
    return snapshotFromState(this.#state);
  }

  #isUsable(): boolean {
    return !this.#invalidated && isFreshFor(this.#state.expiresAtMs, this.#refreshMarginMs, this.#clock());
  }

  async #bringUpToDate(): Promise<string> {
    if (!this.#stored) await this.#store();
    if (this.#isUsable()) return this.#state.accessToken;
    return this.#lock === null ? this.#refresh() : this.#lock(() => this.#refresh());
  }

  /** Refreshes, unless the store already holds fresh tokens; runs under `lock` when there is one. */
  async #refresh(): Promise<string> {
    if (this.#lock !== null && (await this.#adoptStored()) && this.#isUsable()) return this.#state.accessToken;
    try {
      return await this.#refreshWith(this.#state);
    } catch (error) {
      // Without a lock another process may have refreshed first, making ours the dead refresh token:
      // its tokens are in the store. One more refresh with those (never with ours again).
      if (error instanceof ReauthorizationRequiredError && this.#load !== null) {
        // Not final until the store has been read: if reading it fails, the next call tries again.
        this.#reauthorizationRequired = null;
        if (await this.#adoptStored()) {
          return this.#isUsable() ? this.#state.accessToken : this.#refreshWith(this.#state);
        }
        this.#reauthorizationRequired = error;
      }
      throw error;
    }
  }

  async #refreshWith(current: UserTokenState): Promise<string> {
    let tokens: ZoomTokens;
    try {
      tokens = await this.#zoom.refreshAccessToken(current.refreshToken);
    } catch (error) {
      if (isDeadRefreshToken(error)) {
        this.#reauthorizationRequired = new ReauthorizationRequiredError(error);
        throw this.#reauthorizationRequired;
      }
      const stillValid = !this.#invalidated && this.#clock() < current.expiresAtMs;
      if (stillValid && !isRefusal(error)) return current.accessToken;
      throw error;
    }
    // From here on the previous refresh token is dead at Zoom: these tokens are the only valid ones.
    this.#state = stateFromTokens(tokens, current);
    this.#invalidated = false;
    this.#stored = false;
    await this.#store();
    return this.#state.accessToken;
  }

  /**
   * Takes the stored tokens when another process refreshed since ours were issued: a different
   * refresh token and a later expiry (older or equal ones are ours, or stale).
   * @returns Whether the stored tokens replaced ours.
   */
  async #adoptStored(): Promise<boolean> {
    if (this.#load === null) return false;
    let stored: UserTokenState | null;
    try {
      const snapshot = await this.#load();
      stored = snapshot === null ? null : stateFromSnapshot(snapshot);
    } catch (error) {
      throw new TokenLoadError(error);
    }
    const current = this.#state;
    if (stored === null || stored.refreshToken === current.refreshToken || stored.expiresAtMs <= current.expiresAtMs) {
      return false;
    }
    this.#state = stored;
    this.#invalidated = false;
    this.#stored = true;
    return true;
  }

  async #store(): Promise<void> {
    try {
      await this.#onTokens(snapshotFromState(this.#state));
    } catch (error) {
      throw new TokenPersistenceError(error);
    }
    this.#stored = true;
  }
}

/**
 * Creates a {@link UserTokenSource}: a user's Zoom access token, kept fresh for months by
 * refreshing it before it expires and storing each rotated refresh token through `onTokens`.
 *
 * @example
 * ```ts
 * import { createUserTokenSource } from "@org/zoom-auth";
 * import { createZoomClient } from "@org/zoom-api";
 *
 * const source = createUserTokenSource({
 *   zoom,
 *   snapshot: await db.loadTokens(userId), // or `tokens` right after sign-in
 *   onTokens: (next) => db.saveTokens(userId, next),
 * });
 * const client = createZoomClient({
 *   baseUrl: `${source.snapshot().apiUrl ?? "https://api.zoom.us"}/v2`,
 *   getAccessToken: () => source.getAccessToken(),
 * });
 * ```
 * @param options - See {@link UserTokenSourceOptions}.
 * @returns The source.
 * @throws {TypeError} At once, naming the option that is wrong.
 */
export function createUserTokenSource(options: UserTokenSourceOptions): UserTokenSource {
  return new UserTokenSource(options);
}

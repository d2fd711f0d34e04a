/** Options of {@link SessionStore}; the clock and the randomness are injectable for tests. */
export interface SessionStoreOptions {
  /** How long a session lives after it is created, in milliseconds (default 8 hours). */
  ttlMs?: number;
  /** Current time in milliseconds (default `Date.now`). */
  clock?: () => number;
  /** Fills a buffer with random bytes (default Web Crypto's `getRandomValues`). */
  randomBytes?: (bytes: Uint8Array) => Uint8Array;
}

interface Entry<T> {
  data: T;
  expiresAt: number;
}

/**
 * Server-side sessions in memory. The browser holds only the opaque id this store hands out; whatever
 * is stored (here: the user's Zoom tokens) never leaves the server. For one process; with `REDIS_URL` the
 * demo keeps sessions in Redis instead (`redis-user-sessions.ts`).
 */
export class SessionStore<T> {
  readonly #entries = new Map<string, Entry<T>>();
  readonly #ttlMs: number;
  readonly #clock: () => number;
  readonly #random: (bytes: Uint8Array) => Uint8Array;

  constructor(options: SessionStoreOptions = {}) {
    this.#ttlMs = options.ttlMs ?? 8 * 60 * 60 * 1000;
    this.#clock = options.clock ?? Date.now;
    this.#random = options.randomBytes ?? ((bytes) => crypto.getRandomValues(bytes));
  }

  /** Stores `data` under a new unguessable id (32 random bytes, base64url) and returns the id. */
  create(data: T): string {
    this.#sweep();
    const id = Buffer.from(this.#random(new Uint8Array(32))).toString("base64url");
    this.#entries.set(id, { data, expiresAt: this.#clock() + this.#ttlMs });
    return id;
  }

  /** The session's data, or `undefined` when the id is unknown or the session has expired. */
  get(id: string | undefined): T | undefined {
    if (id === undefined) return undefined;
    const entry = this.#entries.get(id);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= this.#clock()) {
      this.#entries.delete(id);
      return undefined;
    }
    return entry.data;
  }

  /** Ends a session. */
  delete(id: string | undefined): void {
    if (id !== undefined) this.#entries.delete(id);
  }

  /** Number of live sessions. */
  get size(): number {
    this.#sweep();
    return this.#entries.size;
  }

  // Expired entries are dropped when new ones are made, so the map cannot grow without bound.
  #sweep(): void {
    const now = this.#clock();
    for (const [id, entry] of this.#entries) if (entry.expiresAt <= now) this.#entries.delete(id);
  }
}

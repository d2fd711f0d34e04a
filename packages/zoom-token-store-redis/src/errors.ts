/**
 * A Redis command of the store failed: the connection is down, the client is offline, Redis answered
 * with an error, or no reply came within `commandTimeoutMs`. Nothing was lost: a token source that
 * gets it (wrapped in `TokenLoadError` when it came from `load`) keeps its tokens and tries again on
 * the next call.
 *
 * The message names the operation and the kind of failure only; the client's own error, which may
 * quote a connection URL, is in `cause`.
 */
export class RedisTokenStoreError extends Error {
  override readonly name = "RedisTokenStoreError";
  /** What the Redis client threw, if anything. */
  declare readonly cause: unknown;

  /**
   * @param operation - What the store was doing, e.g. `"load"` or `"lock"`.
   * @param failure - The kind of failure (an error's name, or a short phrase).
   * @param cause - The client's error.
   */
  constructor(operation: string, failure: string, cause?: unknown) {
    super(`Redis token store: ${operation} failed (${failure})`, cause === undefined ? undefined : { cause });
  }

  /** A JSON form with the name and message (the cause is left out: it may quote a connection URL). */
  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message };
  }
}

/**
 * The store's lock was held by another process for longer than `lockWaitMs`. Nothing was refreshed
 * and nothing lost; the next call tries again. A holder that died frees the lock after `lockTtlMs`,
 * so a `lockWaitMs` above `lockTtlMs` only ends in this error when a live holder is stuck.
 */
export class RedisLockTimeoutError extends Error {
  override readonly name = "RedisLockTimeoutError";
  /** How long the caller waited, in ms (the `lockWaitMs` option). */
  readonly waitedMs: number;

  /**
   * @param waitedMs - The `lockWaitMs` that passed.
   */
  constructor(waitedMs: number) {
    super(`Redis token store: the lock stayed taken for ${waitedMs} ms (lockWaitMs); nothing was refreshed, try again`);
    this.waitedMs = waitedMs;
  }
}

/**
 * A value in Redis under one of the store's keys is not one the store can read: not its JSON, a
 * version this release does not know, clear text where `decrypt` expects a sealed value, or a value
 * that `decrypt` refused (wrong key, or tampered with). The message names what is wrong, never the
 * value.
 */
export class StoredValueError extends Error {
  override readonly name = "StoredValueError";
  /** What `decrypt` or `JSON.parse` threw, if anything. */
  declare readonly cause: unknown;

  /**
   * @param problem - What is wrong with the value.
   * @param cause - The underlying error.
   */
  constructor(problem: string, cause?: unknown) {
    super(`Redis token store: the stored value ${problem}`, cause === undefined ? undefined : { cause });
  }

  /** A JSON form with the name and message. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message };
  }
}

import { RedisLockTimeoutError } from "./errors.js";
import type { RedisCommands } from "./redis-commands.js";

/**
 * Deletes the lock only if it still holds the caller's owner value. A plain `DEL` would free a lock that
 * expired under a slow holder and was taken by another process since: two holders at once, two refreshes,
 * and the loser's refresh token is refused.
 */
export const RELEASE_SCRIPT = `if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("DEL", KEYS[1]) else return 0 end`;

/** Pushes the lock's expiry back only if it still holds the caller's owner value. */
export const EXTEND_SCRIPT = `if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("PEXPIRE", KEYS[1], ARGV[2]) else return 0 end`;

/** First and longest pause between two attempts to take a taken lock, in ms. */
const FIRST_RETRY_MS = 10;
const LONGEST_RETRY_MS = 100;

/** Settings of {@link RedisLock}. */
export interface RedisLockSettings {
  /** How long the lock lives unless its holder extends it (it does, every third of it, while alive). */
  ttlMs: number;
  /** How long a caller waits for a taken lock before {@link RedisLockTimeoutError}. */
  waitMs: number;
}

function ownerValue(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * A lock in Redis, one key per lock: taken with `SET key owner NX PX ttl` (a random owner value per
 * holding), kept alive by its holder, released by a script that deletes it only for its owner, and
 * freed by its TTL when the holder dies.
 * @internal
 */
export class RedisLock {
  readonly #commands: RedisCommands;
  readonly #settings: RedisLockSettings;

  constructor(commands: RedisCommands, settings: RedisLockSettings) {
    this.#commands = commands;
    this.#settings = settings;
  }

  /**
   * Runs `critical` while holding the lock named `key`.
   *
   * @throws {RedisLockTimeoutError} The lock stayed taken for `waitMs`; `critical` did not run.
   * @throws {RedisTokenStoreError} Redis failed while taking the lock; `critical` did not run.
   * @throws What `critical` throws.
   */
  async run<T>(key: string, critical: () => Promise<T>): Promise<T> {
    const owner = ownerValue();
    await this.#acquire(key, owner);
    const { ttlMs } = this.#settings;
    // A live holder on a busy machine keeps its lock: losing it mid-refresh would let a second refresh in.
    const renewal = setInterval(() => {
      this.#commands.send("lock extension", ["EVAL", EXTEND_SCRIPT, "1", key, owner, String(ttlMs)]).catch(() => undefined);
    }, Math.max(1, Math.floor(ttlMs / 3)));
    (renewal as { unref?: () => void }).unref?.();
    try {
      return await critical();
    } finally {
      clearInterval(renewal);
      // A release that fails leaves the lock to its TTL; the caller's result stands.
      await this.#commands.send("lock release", ["EVAL", RELEASE_SCRIPT, "1", key, owner]).catch(() => undefined);
    }
  }

  async #acquire(key: string, owner: string): Promise<void> {
    const { ttlMs, waitMs } = this.#settings;
    const started = performance.now();
    let retryMs = FIRST_RETRY_MS;
    for (;;) {
      const reply = await this.#commands.send("lock", ["SET", key, owner, "NX", "PX", String(ttlMs)]);
      if (reply === "OK") return;
      const left = waitMs - (performance.now() - started);
      if (left <= 0) throw new RedisLockTimeoutError(waitMs);
      // Jitter keeps waiting processes from retrying in step.
      await pause(Math.min(left, retryMs * (0.5 + Math.random())));
      retryMs = Math.min(LONGEST_RETRY_MS, retryMs * 2);
    }
  }
}

import type { ServerToServerTokenRecord, ServerToServerTokenStore, UserTokenSnapshot } from "@org/zoom-auth";
import { RedisCommands, type RedisClientLike } from "./redis-commands.js";
import { RedisLock } from "./redis-lock.js";
import { type DecryptValue, type EncryptValue, StoredValueCodec } from "./stored-value.js";

/** Options of {@link createRedisTokenStore}. */
export interface RedisTokenStoreOptions {
  /**
   * Your application's node-redis client (`createClient()` from `redis`, connected), so that the store
   * shares its connection. Create it with `disableOfflineQueue: true`, so that commands fail at once
   * while Redis is unreachable instead of waiting for it.
   */
  client: RedisClientLike;
  /** Prefix of every key the store writes. Defaults to `"zoom:"`. */
  keyPrefix?: string | undefined;
  /**
   * How long a lock lives unless its holder extends it, in ms. A live holder extends it every third of
   * this; a holder that dies frees it after this long. Defaults to 10 000.
   */
  lockTtlMs?: number | undefined;
  /**
   * How long a caller waits for a lock another process holds before a `RedisLockTimeoutError`, in ms.
   * Keep it above `lockTtlMs`, so that a lock whose holder died expires while its waiters still wait.
   * Defaults to twice `lockTtlMs`.
   */
  lockWaitMs?: number | undefined;
  /**
   * How long a stored grant is kept after its last refresh, in ms, or `null` (the default) to keep it
   * until it is replaced or deleted. Zoom does not document with certainty how long an unused refresh
   * token lives, and deleting a grant that still works signs its user out: set it only to your own policy.
   */
  grantTtlMs?: number | null | undefined;
  /** How long each Redis command may take before it fails with `RedisTokenStoreError`, in ms. Defaults to 5 000. */
  commandTimeoutMs?: number | undefined;
  /** Encrypts each stored value (give `decrypt` too). See the README for AES-GCM with Web Crypto. */
  encrypt?: EncryptValue | undefined;
  /** Decrypts what `encrypt` wrote. */
  decrypt?: DecryptValue | undefined;
}

/**
 * One user's grant in Redis, in the shape `createUserTokenSource` takes: spread it into its options.
 */
export interface RedisUserTokenStore {
  /**
   * Reads the stored snapshot, or `null` when none is stored.
   * @throws {RedisTokenStoreError} Redis failed.
   * @throws {StoredValueError} The stored value is not one the store can read.
   */
  load(): Promise<UserTokenSnapshot | null>;
  /**
   * Stores a snapshot (after each refresh, and after sign-in).
   * @throws {RedisTokenStoreError} Redis failed.
   */
  onTokens(next: UserTokenSnapshot): Promise<void>;
  /**
   * Runs `critical` under this user's lock, shared by every process using the same Redis.
   * @throws {RedisLockTimeoutError} Another process held the lock for `lockWaitMs`.
   * @throws {RedisTokenStoreError} Redis failed while taking the lock.
   */
  lock<T>(critical: () => Promise<T>): Promise<T>;
}

/** Zoom grants and Server-to-Server tokens kept in Redis. Create it with {@link createRedisTokenStore}. */
export interface RedisTokenStore {
  /**
   * The grant of one user: `load`, `onTokens` and `lock` for `createUserTokenSource`.
   * @param userKey - Your id for the user (or the Zoom user id). Not a secret: it is part of a Redis key.
   * @throws {TypeError} When `userKey` is not a non-empty string.
   */
  forUser(userKey: string): RedisUserTokenStore;
  /**
   * Deletes a user's stored grant (after sign-out or a `ReauthorizationRequiredError`).
   * @throws {RedisTokenStoreError} Redis failed.
   */
  deleteUser(userKey: string): Promise<void>;
  /** The store for `new ZoomServerToServer(..., { store })`: one token request per expiry for all instances. */
  readonly serverToServer: ServerToServerTokenStore;
}

function isPositiveMs(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value > 0;
}

function assertUserKey(userKey: unknown): asserts userKey is string {
  if (typeof userKey !== "string" || userKey === "") {
    throw new TypeError("RedisTokenStore: userKey must be a non-empty string");
  }
}

/** How long a Server-to-Server token has left, in ms, or `null` when its response gave no lifetime. */
function remainingMs(record: ServerToServerTokenRecord): number | null {
  const expiresIn = record.data.expires_in;
  const receivedAt = Date.parse(record.receivedAt);
  if (typeof expiresIn !== "number" || !Number.isFinite(expiresIn) || Number.isNaN(receivedAt)) return null;
  return Math.floor(receivedAt + expiresIn * 1000 - Date.now());
}

/**
 * Creates a store that keeps Zoom grants and Server-to-Server tokens in Redis, with a lock per grant,
 * so that any number of processes share one grant and refresh it once between them.
 *
 * @example
 * ```ts
 * import { createClient } from "redis";
 * import { createUserTokenSource } from "@org/zoom-auth";
 * import { createRedisTokenStore } from "@org/zoom-token-store-redis";
 *
 * const redis = await createClient({ url: process.env.REDIS_URL, disableOfflineQueue: true }).connect();
 * const store = createRedisTokenStore({ client: redis });
 * const grant = store.forUser(userId);
 * const source = createUserTokenSource({ zoom, snapshot: await grant.load(), ...grant });
 * ```
 * @param options - See {@link RedisTokenStoreOptions}.
 * @returns The store.
 * @throws {TypeError} At once, naming the option that is wrong.
 */
export function createRedisTokenStore(options: RedisTokenStoreOptions): RedisTokenStore {
  if (options === null || typeof options !== "object") {
    throw new TypeError("createRedisTokenStore: options must be an object { client, ... }");
  }
  const { client, keyPrefix = "zoom:", lockTtlMs = 10_000, grantTtlMs = null, commandTimeoutMs = 5_000 } = options;
  const { encrypt, decrypt } = options;
  if (client === null || typeof client !== "object" || typeof client.sendCommand !== "function") {
    throw new TypeError("createRedisTokenStore: options.client must be a node-redis client (createClient() from redis)");
  }
  if (typeof keyPrefix !== "string") throw new TypeError("createRedisTokenStore: options.keyPrefix must be a string");
  if (!isPositiveMs(lockTtlMs)) {
    throw new TypeError("createRedisTokenStore: options.lockTtlMs must be a whole number of milliseconds above zero");
  }
  const lockWaitMs = options.lockWaitMs ?? 2 * lockTtlMs;
  if (!(typeof lockWaitMs === "number" && Number.isFinite(lockWaitMs) && lockWaitMs >= 0)) {
    throw new TypeError("createRedisTokenStore: options.lockWaitMs must be a number of milliseconds, zero or more");
  }
  if (grantTtlMs !== null && !isPositiveMs(grantTtlMs)) {
    throw new TypeError("createRedisTokenStore: options.grantTtlMs must be a whole number of milliseconds above zero, or null");
  }
  if (!isPositiveMs(commandTimeoutMs)) {
    throw new TypeError("createRedisTokenStore: options.commandTimeoutMs must be a whole number of milliseconds above zero");
  }
  if ((encrypt === undefined) !== (decrypt === undefined)) {
    throw new TypeError("createRedisTokenStore: give both options.encrypt and options.decrypt, or neither");
  }
  if ((encrypt !== undefined && typeof encrypt !== "function") || (decrypt !== undefined && typeof decrypt !== "function")) {
    throw new TypeError("createRedisTokenStore: options.encrypt and options.decrypt must be functions");
  }

  const commands = new RedisCommands(client, commandTimeoutMs);
  const lock = new RedisLock(commands, { ttlMs: lockTtlMs, waitMs: lockWaitMs });
  const codec = new StoredValueCodec(encrypt ?? null, decrypt ?? null);
  const userKeyOf = (userKey: string) => `${keyPrefix}user:${userKey}`;

  const read = async (what: string, key: string): Promise<unknown> => {
    const stored = await commands.send(what, ["GET", key]);
    return stored === null ? null : codec.read(key, String(stored));
  };
  const write = async (what: string, key: string, value: unknown, ttlMs: number | null): Promise<void> => {
    const stored = await codec.write(key, value);
    await commands.send(what, ttlMs === null ? ["SET", key, stored] : ["SET", key, stored, "PX", String(ttlMs)]);
  };

  return {
    forUser(userKey) {
      assertUserKey(userKey);
      const key = userKeyOf(userKey);
      const lockKey = `${keyPrefix}lock:user:${userKey}`;
      return {
        load: async () => (await read("load", key)) as UserTokenSnapshot | null,
        onTokens: (next) => write("onTokens", key, next, grantTtlMs),
        lock: (critical) => lock.run(lockKey, critical),
      };
    },
    async deleteUser(userKey) {
      assertUserKey(userKey);
      await commands.send("deleteUser", ["DEL", userKeyOf(userKey)]);
    },
    serverToServer: {
      load: async (key) => (await read("load", `${keyPrefix}s2s:${key}`)) as ServerToServerTokenRecord | null,
      save: async (key, record) => {
        const ttlMs = remainingMs(record);
        // A token without a known lifetime is not shared; one already expired has nothing to share.
        if (ttlMs === null || ttlMs <= 0) return;
        await write("save", `${keyPrefix}s2s:${key}`, record, ttlMs);
      },
      lock: (key, critical) => lock.run(`${keyPrefix}lock:s2s:${key}`, critical),
    },
  };
}

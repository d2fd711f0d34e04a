import { createUserTokenSource, TokenLoadError, type UserTokenSnapshot, Zoom } from "@org/zoom-auth";
import { createClient } from "redis";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  createRedisTokenStore,
  type RedisClientLike,
  RedisLockTimeoutError,
  type RedisTokenStoreOptions,
  RedisTokenStoreError,
  StoredValueError,
} from "./index.js";
import { aesGcm } from "./test-support/aes-gcm.js";
import { startRedisServer, type TestRedisServer } from "./test-support/redis-server.js";

// Against a real redis-server, started on a free loopback port for this file.

let server: TestRedisServer;
let redis: ReturnType<typeof createClient>;

beforeAll(async () => {
  server = await startRedisServer();
  redis = createClient({ url: server.url, disableOfflineQueue: true });
  await redis.connect();
}, 60_000);

afterEach(async () => {
  vi.useRealTimers();
  await redis.flushAll();
});

afterAll(async () => {
  await redis?.quit();
  await server?.close();
}, 60_000);

const SNAPSHOT: UserTokenSnapshot = {
  accessToken: "secret-access-1",
  refreshToken: "secret-refresh-1",
  expiresAt: "2026-01-01T01:00:00.000Z",
  scopes: ["user:read"],
  apiUrl: "https://api.zoom.us",
};

function store(options: Partial<RedisTokenStoreOptions> = {}) {
  return createRedisTokenStore({ client: redis, ...options });
}

describe("forUser", () => {
  it("is what createUserTokenSource takes: one spread", async () => {
    const grant = store().forUser("user-1");
    const zoom = new Zoom("client-id", "client-secret", "https://app.example/callback");
    const source = createUserTokenSource({ zoom, snapshot: SNAPSHOT, ...grant });
    expect(source.snapshot()).toEqual(SNAPSHOT);
    expect(Object.keys(grant).sort()).toEqual(["load", "lock", "onTokens"]);
  });

  it("stores versioned JSON under zoom:user:<key> and reads it back; null when nothing is stored", async () => {
    const grant = store().forUser("user-1");
    expect(await grant.load()).toBeNull();
    await grant.onTokens(SNAPSHOT);
    expect(JSON.parse((await redis.get("zoom:user:user-1")) ?? "")).toEqual({ v: 1, value: SNAPSHOT });
    expect(await grant.load()).toEqual(SNAPSHOT);
    expect(await redis.pTTL("zoom:user:user-1")).toBe(-1);
  });

  it("keeps users apart, and under keyPrefix", async () => {
    const tokens = store({ keyPrefix: "app1:" });
    await tokens.forUser("a").onTokens(SNAPSHOT);
    expect(await tokens.forUser("b").load()).toBeNull();
    expect(await redis.keys("*")).toEqual(["app1:user:a"]);
    await tokens.deleteUser("a");
    expect(await tokens.forUser("a").load()).toBeNull();
  });

  it("sets grantTtlMs on each write", async () => {
    const grant = store({ grantTtlMs: 30 * 24 * 3600 * 1000 }).forUser("user-1");
    await grant.onTokens(SNAPSHOT);
    expect(await redis.pTTL("zoom:user:user-1")).toBeGreaterThan(29 * 24 * 3600 * 1000);
  });
});

describe("stored values", () => {
  it("with AES-GCM (the README's example), Redis holds no token in clear, and the source reads it back", async () => {
    const sealed = store(await aesGcm(crypto.getRandomValues(new Uint8Array(32))));
    await sealed.forUser("user-1").onTokens(SNAPSHOT);
    const raw = (await redis.get("zoom:user:user-1")) ?? "";
    expect(raw).not.toContain("secret");
    expect(Object.keys(JSON.parse(raw))).toEqual(["v", "sealed"]);
    expect(await sealed.forUser("user-1").load()).toEqual(SNAPSHOT);
  });

  it("refuses a sealed value copied to another user's key (it is bound to its key)", async () => {
    const sealed = store(await aesGcm(crypto.getRandomValues(new Uint8Array(32))));
    await sealed.forUser("victim").onTokens(SNAPSHOT);
    await redis.set("zoom:user:attacker", (await redis.get("zoom:user:victim")) ?? "");
    await expect(sealed.forUser("attacker").load()).rejects.toThrow(
      new StoredValueError("does not decrypt (another key, or tampered with)"),
    );
  });

  it("refuses clear text when it has decrypt, and a sealed value when it has not", async () => {
    await store().forUser("user-1").onTokens(SNAPSHOT);
    const sealed = store(await aesGcm(crypto.getRandomValues(new Uint8Array(32))));
    await expect(sealed.forUser("user-1").load()).rejects.toThrow("is not encrypted, and the store has a decrypt option");
    await sealed.forUser("user-2").onTokens(SNAPSHOT);
    await expect(store().forUser("user-2").load()).rejects.toThrow("is encrypted, and the store has no decrypt option");
  });

  it("names what is wrong with an unreadable value, never the value, and the source keeps its tokens", async () => {
    await redis.set("zoom:user:v2", JSON.stringify({ v: 2, value: SNAPSHOT }));
    await expect(store().forUser("v2").load()).rejects.toThrow("has version 2, and this release reads version 1");
    await redis.set("zoom:user:garbage", "secret-refresh-1 not json");
    const error = await store().forUser("garbage").load().catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(StoredValueError);
    expect(String(error)).not.toContain("secret");
    expect(JSON.stringify(error)).not.toContain("secret");

    const zoom = new Zoom("client-id", "client-secret", "https://app.example/callback", { clock: () => Date.parse(SNAPSHOT.expiresAt) });
    const source = createUserTokenSource({ zoom, snapshot: SNAPSHOT, ...store().forUser("garbage"), clock: () => Date.parse(SNAPSHOT.expiresAt) });
    await expect(source.getAccessToken()).rejects.toBeInstanceOf(TokenLoadError);
    expect(source.snapshot()).toEqual(SNAPSHOT);
  });
});

describe("the lock", () => {
  it("lets one holder in at a time", async () => {
    const grant = store().forUser("user-1");
    let inside = 0;
    let most = 0;
    const critical = async () => {
      inside++;
      most = Math.max(most, inside);
      await redis.ping();
      await redis.ping();
      inside--;
    };
    await Promise.all(Array.from({ length: 8 }, () => grant.lock(critical)));
    expect(most).toBe(1);
    expect(await redis.exists("zoom:lock:user:user-1")).toBe(0);
  });

  it("holds its key with a random owner value and lockTtlMs while the critical section runs", async () => {
    const grant = store({ lockTtlMs: 15_000 }).forUser("user-1");
    const seen = await grant.lock(async () => ({
      owner: await redis.get("zoom:lock:user:user-1"),
      ttl: await redis.pTTL("zoom:lock:user:user-1"),
    }));
    expect(seen.owner).toMatch(/^[0-9a-f]{32}$/);
    expect(seen.ttl).toBeGreaterThan(0);
    expect(seen.ttl).toBeLessThanOrEqual(15_000);
  });

  it("is released only by its owner: a holder whose lock expired and was taken does not free the new holder's", async () => {
    const grant = store().forUser("user-1");
    const result = await grant.lock(async () => {
      // This holder stalled past its TTL; another process took the lock since.
      await redis.del("zoom:lock:user:user-1");
      await redis.set("zoom:lock:user:user-1", "another-owner", { PX: 60_000 });
      return "done";
    });
    expect(result).toBe("done");
    expect(await redis.get("zoom:lock:user:user-1")).toBe("another-owner");
  });

  it("is released when the critical section throws, and the error is the caller's", async () => {
    const grant = store().forUser("user-1");
    await expect(grant.lock(async () => Promise.reject(new Error("refresh failed")))).rejects.toThrow("refresh failed");
    expect(await redis.exists("zoom:lock:user:user-1")).toBe(0);
  });

  it("is extended by a live holder, and only while it is the owner", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const grant = store({ lockTtlMs: 60_000 }).forUser("user-1");
    const key = "zoom:lock:user:user-1";
    const waitForTtlAbove = async (floor: number) => {
      while ((await redis.pTTL(key)) <= floor) await new Promise((resolve) => setTimeout(resolve, 5));
    };
    await grant.lock(async () => {
      // As if 55 s had passed: the next renewal (every 20 s) pushes the expiry back to 60 s.
      await redis.pExpire(key, 5_000);
      vi.advanceTimersByTime(20_000);
      await waitForTtlAbove(30_000);
      // Taken over by another owner: renewals leave its lock alone.
      await redis.set(key, "another-owner", { PX: 5_000 });
      vi.advanceTimersByTime(20_000);
      await redis.ping(); // the renewal's EVAL, sent before this, has been answered
      expect(await redis.pTTL(key)).toBeLessThanOrEqual(5_000);
    });
  });

  it("waits a bounded time for a live holder, then throws RedisLockTimeoutError without running", async () => {
    await redis.set("zoom:lock:user:user-1", "live-holder", { PX: 120_000 });
    const critical = vi.fn(async () => "ran");
    const error = await store({ lockWaitMs: 50 }).forUser("user-1").lock(critical).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(RedisLockTimeoutError);
    expect((error as RedisLockTimeoutError).waitedMs).toBe(50);
    expect(critical).not.toHaveBeenCalled();
    expect(await redis.get("zoom:lock:user:user-1")).toBe("live-holder");
  });

  it("is taken once a dead holder's lock expires", { timeout: 60_000 }, async () => {
    await redis.set("zoom:lock:user:user-1", "dead-holder", { PX: 300 });
    expect(await store({ lockTtlMs: 10_000 }).forUser("user-1").lock(async () => "ran")).toBe("ran");
  });
});

describe("failures of Redis", () => {
  it("wraps a client's failure in RedisTokenStoreError, naming the operation and not the client's message", async () => {
    const client: RedisClientLike = {
      sendCommand: async () => Promise.reject(new Error("connect ECONNREFUSED redis://:hunter2@10.0.0.1")),
    };
    const error = await createRedisTokenStore({ client }).forUser("u").load().catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(RedisTokenStoreError);
    expect((error as Error).message).toBe("Redis token store: load failed (Error)");
    expect(JSON.stringify(error)).not.toContain("hunter2");
    const lockError = await createRedisTokenStore({ client }).forUser("u").lock(async () => 1).catch((thrown: unknown) => thrown);
    expect((lockError as Error).message).toBe("Redis token store: lock failed (Error)");
  });

  it("gives up on a command after commandTimeoutMs (a client that queues while offline)", async () => {
    const client: RedisClientLike = { sendCommand: () => new Promise(() => undefined) };
    await expect(createRedisTokenStore({ client, commandTimeoutMs: 20 }).forUser("u").onTokens(SNAPSHOT)).rejects.toThrow(
      new RedisTokenStoreError("onTokens", "no reply within 20 ms"),
    );
  });
});

describe("serverToServer", () => {
  it("stores a token until it expires and reads it back", async () => {
    const { serverToServer } = store();
    const record = { data: { access_token: "s2s-secret", expires_in: 3599 }, receivedAt: new Date().toISOString() };
    expect(await serverToServer.load("acct:client")).toBeNull();
    await serverToServer.save("acct:client", record);
    expect(await serverToServer.load("acct:client")).toEqual(record);
    const ttl = await redis.pTTL("zoom:s2s:acct:client");
    expect(ttl).toBeGreaterThan(3_000_000);
    expect(ttl).toBeLessThanOrEqual(3_599_000);
  });

  it("does not store a token without a lifetime, or one already expired", async () => {
    const { serverToServer } = store();
    await serverToServer.save("a", { data: { access_token: "x" }, receivedAt: new Date().toISOString() });
    await serverToServer.save("b", { data: { access_token: "x", expires_in: 10 }, receivedAt: "2020-01-01T00:00:00.000Z" });
    expect(await redis.keys("*")).toEqual([]);
  });
});

describe("options", () => {
  it("names the option that is wrong, at once", () => {
    expect(() => createRedisTokenStore({ client: {} as RedisClientLike })).toThrow(
      "createRedisTokenStore: options.client must be a node-redis client (createClient() from redis)",
    );
    expect(() => store({ lockTtlMs: 0 })).toThrow("options.lockTtlMs must be a whole number of milliseconds above zero");
    expect(() => store({ lockWaitMs: -1 })).toThrow("options.lockWaitMs must be a number of milliseconds, zero or more");
    expect(() => store({ grantTtlMs: 1.5 })).toThrow("options.grantTtlMs must be a whole number of milliseconds above zero, or null");
    expect(() => store({ encrypt: async (text) => text })).toThrow("give both options.encrypt and options.decrypt, or neither");
    expect(() => store().forUser("")).toThrow("RedisTokenStore: userKey must be a non-empty string");
  });
});

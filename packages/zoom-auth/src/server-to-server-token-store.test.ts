import { describe, expect, it } from "vitest";
import { OAuth2RequestError, type ServerToServerTokenRecord, type ServerToServerTokenStore, ZoomServerToServer } from "./index.js";
import { createFakeFetch, jsonResponse } from "../../oauth-core/test/fake-fetch.js";

// Several instances of a Server-to-Server app sharing their account token through a store.

const START = Date.UTC(2026, 0, 1);

/** One token endpoint, one clock and one store shared by every instance. */
function cluster(tokenAnswer?: (count: number) => Response) {
  let now = START;
  let issued = 0;
  const fake = createFakeFetch(() => {
    issued++;
    return tokenAnswer?.(issued) ?? jsonResponse({ access_token: `s2s-${issued}`, token_type: "bearer", expires_in: 3599 });
  });
  const records = new Map<string, ServerToServerTokenRecord>();
  let tail: Promise<unknown> = Promise.resolve();
  const store = {
    failing: false,
    locks: 0,
    async load(key: string) {
      if (store.failing) throw new Error("ECONNREFUSED redis://:hunter2@127.0.0.1:6379");
      return structuredClone(records.get(key) ?? null);
    },
    async save(key: string, record: ServerToServerTokenRecord) {
      if (store.failing) throw new Error("ECONNREFUSED");
      records.set(key, structuredClone(record));
    },
    lock<T>(_key: string, critical: () => Promise<T>): Promise<T> {
      if (store.failing) return Promise.reject(new Error("ECONNREFUSED"));
      store.locks++;
      const run = tail.then(critical);
      tail = run.catch(() => undefined);
      return run;
    },
  } satisfies ServerToServerTokenStore & Record<string, unknown>;
  const instance = (options: { store?: ServerToServerTokenStore } = { store }) =>
    new ZoomServerToServer("account-1", "client-id", "client-secret", { fetch: fake.fetch, clock: () => now, ...options });
  return {
    store,
    records,
    instance,
    issued: () => issued,
    advanceSeconds: (seconds: number) => {
      now += seconds * 1000;
    },
  };
}

describe("ZoomServerToServer with a shared store", () => {
  it("makes one token request per expiry for all the instances", async () => {
    const { instance, issued, advanceSeconds, records } = cluster();
    const instances = Array.from({ length: 4 }, () => instance());
    const first = await Promise.all(instances.flatMap((s2s) => [s2s.getAccessToken(), s2s.getAccessToken()]));
    expect(new Set(first)).toEqual(new Set(["s2s-1"]));
    expect(issued()).toBe(1);
    expect([...records.keys()]).toEqual(["account-1:client-id"]);
    advanceSeconds(3599 - 59);
    const second = await Promise.all(instances.map((s2s) => s2s.getAccessToken()));
    expect(second).toEqual(["s2s-2", "s2s-2", "s2s-2", "s2s-2"]);
    expect(issued()).toBe(2);
  });

  it("keeps the token's expiry across instances: a late instance does not take a token about to expire", async () => {
    const { instance, issued, advanceSeconds } = cluster();
    await instance().getAccessToken();
    advanceSeconds(3599 - 30);
    expect(await instance().getAccessToken()).toBe("s2s-2");
    expect(issued()).toBe(2);
  });

  it("after invalidate(), never takes the rejected token back from the store", async () => {
    const { instance, issued } = cluster();
    const one = instance();
    const other = instance();
    expect(await one.getAccessToken()).toBe("s2s-1");
    one.invalidate();
    expect(await one.getAccessToken()).toBe("s2s-2");
    // The other instance now finds the new token in the store.
    expect(await other.getAccessToken()).toBe("s2s-2");
    expect(issued()).toBe(2);
  });

  it("works around a failing store: the instance requests its own token (several may be valid at once)", async () => {
    const { instance, store, issued } = cluster();
    store.failing = true;
    expect(await instance().getAccessToken()).toBe("s2s-1");
    expect(await instance().getAccessToken()).toBe("s2s-2");
    expect(issued()).toBe(2);
    store.failing = false;
    expect(await instance().getAccessToken()).toBe("s2s-3");
    expect(await instance().getAccessToken()).toBe("s2s-3");
  });

  it("throws the token request's own error, and stores nothing", async () => {
    const { instance, records } = cluster(() =>
      jsonResponse({ reason: "Invalid client_id or client_secret", error: "invalid_client" }, 401),
    );
    await expect(instance().getAccessToken()).rejects.toBeInstanceOf(OAuth2RequestError);
    expect(records.size).toBe(0);
  });

  it("without a store, instances do not share (the default, in-memory cache)", async () => {
    const { instance, issued } = cluster();
    await instance({}).getAccessToken();
    await instance({}).getAccessToken();
    expect(issued()).toBe(2);
  });

  it("rejects a store that is not one, at once", () => {
    expect(
      () => new ZoomServerToServer("a", "b", "c", { store: { load: "redis" } as unknown as ServerToServerTokenStore }),
    ).toThrow("options.store must be a ServerToServerTokenStore { load, save, lock? }");
    const withBadLock = { load: async () => null, save: async () => {}, lock: "redlock" } as unknown as ServerToServerTokenStore;
    expect(() => new ZoomServerToServer("a", "b", "c", { store: withBadLock })).toThrow(
      "options.store must be a ServerToServerTokenStore { load, save, lock? }",
    );
  });
});

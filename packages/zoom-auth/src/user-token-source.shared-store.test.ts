import { describe, expect, it } from "vitest";
import {
  createUserTokenSource,
  ReauthorizationRequiredError,
  TokenLoadError,
  type UserTokenSnapshot,
  type UserTokenSourceOptions,
  Zoom,
} from "./index.js";
import { createFakeFetch } from "../../oauth-core/test/fake-fetch.js";
import { createRotatingTokenEndpoint } from "./test-support/rotating-token-endpoint.js";

// Several processes (servers, workers) sharing one user's stored tokens. Zoom rotates refresh tokens,
// so two processes refreshing the same stored refresh token race: without help, the loser is refused
// (`invalid_grant`) and the user is signed out. `load` and `lock` are that help.

const START = Date.UTC(2026, 0, 1);
const HOUR_SECONDS = 3599;

/** A fake Zoom token endpoint that rotates as Zoom does, a shared store, and a clock. */
function sharedAccount() {
  let now = START;
  const clock = () => now;
  // Issued at the time of each refresh: a later refresh has a later expiry.
  const fake = createFakeFetch(createRotatingTokenEndpoint({ scope: "user:read", api_url: "https://api.zoom.us" }));
  /** The shared database row: what the last `onTokens`, of any process, stored. */
  let row: UserTokenSnapshot = {
    accessToken: "access-0",
    refreshToken: "refresh-0",
    expiresAt: new Date(START + HOUR_SECONDS * 1000).toISOString(),
    scopes: ["user:read"],
    apiUrl: "https://api.zoom.us",
  };
  const store = {
    load: async () => structuredClone(row),
    save: async (next: UserTokenSnapshot) => {
      row = structuredClone(next);
    },
    get row() {
      return row;
    },
  };
  /** One process: its own Zoom client and token source, started from what is stored now. */
  const process = (options: Partial<Pick<UserTokenSourceOptions, "load" | "lock">> = {}) =>
    createUserTokenSource({
      zoom: new Zoom("client-id", "client-secret", "https://app.example/callback", { fetch: fake.fetch, clock }),
      snapshot: structuredClone(row),
      onTokens: store.save,
      clock,
      ...options,
    });
  return {
    process,
    store,
    sentRefreshTokens: () => fake.requests.map((request) => new URLSearchParams(request.body).get("refresh_token")),
    advanceSeconds: (seconds: number) => {
      now += seconds * 1000;
    },
  };
}

/** An in-memory cross-process lock, counting how many critical sections ever overlapped. */
function createLock() {
  let tail: Promise<unknown> = Promise.resolve();
  let inside = 0;
  let maxInside = 0;
  let runs = 0;
  const lock = <T>(critical: () => Promise<T>): Promise<T> => {
    const run = tail.then(async () => {
      inside++;
      runs++;
      maxInside = Math.max(maxInside, inside);
      try {
        return await critical();
      } finally {
        inside--;
      }
    });
    tail = run.catch(() => undefined);
    return run;
  };
  return { lock, stats: () => ({ runs, maxInside }) };
}

describe("UserTokenSource shared between processes", () => {
  it("without load, the loser of a refresh race is signed out (the hazard)", async () => {
    const { process, advanceSeconds } = sharedAccount();
    const first = process();
    const second = process();
    advanceSeconds(HOUR_SECONDS);
    expect(await first.getAccessToken()).toBe("access-1");
    await expect(second.getAccessToken()).rejects.toBeInstanceOf(ReauthorizationRequiredError);
  });

  it("with load, the loser takes the winner's stored tokens instead of signing the user out", async () => {
    const { process, store, sentRefreshTokens, advanceSeconds } = sharedAccount();
    const first = process({ load: store.load });
    const second = process({ load: store.load });
    advanceSeconds(HOUR_SECONDS);
    expect(await first.getAccessToken()).toBe("access-1");
    // The second process still holds refresh-0, which Zoom retired when the first one refreshed.
    expect(await second.getAccessToken()).toBe("access-1");
    expect(sentRefreshTokens()).toEqual(["refresh-0", "refresh-0"]);
    expect(second.snapshot()).toEqual(store.row);
    // And it goes on refreshing with the winner's refresh token, never its own dead one again.
    advanceSeconds(HOUR_SECONDS);
    expect(await second.getAccessToken()).toBe("access-2");
    expect(sentRefreshTokens()).toEqual(["refresh-0", "refresh-0", "refresh-1"]);
    expect(store.row.refreshToken).toBe("refresh-2");
  });

  it("with load and lock, processes refreshing at once send one refresh between them", async () => {
    const { process, store, sentRefreshTokens, advanceSeconds } = sharedAccount();
    const { lock, stats } = createLock();
    const processes = Array.from({ length: 4 }, () => process({ load: store.load, lock }));
    advanceSeconds(HOUR_SECONDS);
    const tokens = await Promise.all(processes.map((source) => source.getAccessToken()));
    expect(tokens).toEqual(["access-1", "access-1", "access-1", "access-1"]);
    expect(sentRefreshTokens()).toEqual(["refresh-0"]);
    expect(stats()).toEqual({ runs: 4, maxInside: 1 });
  });

  it("with a lock, a process whose token was invalidated refreshes even if the store holds that same token", async () => {
    const { process, store, sentRefreshTokens } = sharedAccount();
    const { lock } = createLock();
    const source = process({ load: store.load, lock });
    source.invalidate();
    expect(await source.getAccessToken()).toBe("access-1");
    expect(sentRefreshTokens()).toEqual(["refresh-0"]);
  });

  it("does not take stored tokens older than its own (a store that missed a write)", async () => {
    const { process, store, sentRefreshTokens, advanceSeconds } = sharedAccount();
    const stale = structuredClone(store.row);
    const { lock } = createLock();
    const source = process({ load: async () => stale, lock });
    advanceSeconds(HOUR_SECONDS);
    expect(await source.getAccessToken()).toBe("access-1");
    advanceSeconds(HOUR_SECONDS);
    expect(await source.getAccessToken()).toBe("access-2");
    expect(sentRefreshTokens()).toEqual(["refresh-0", "refresh-1"]);
  });

  it("when load fails, keeps its tokens, throws TokenLoadError, and is not signed out", async () => {
    const { process, store, advanceSeconds } = sharedAccount();
    let storeDown = true;
    const load = async () => {
      if (storeDown) throw new Error("connection refused to db.internal:5432 with password hunter2");
      return store.load();
    };
    const first = process({ load: store.load });
    const second = process({ load });
    advanceSeconds(HOUR_SECONDS);
    await first.getAccessToken();
    const error = await second.getAccessToken().catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(TokenLoadError);
    expect((error as TokenLoadError).message).not.toContain("hunter2");
    expect(JSON.stringify(error)).not.toContain("hunter2");
    storeDown = false;
    expect(await second.getAccessToken()).toBe("access-1");
  });

  it("names what is wrong with a stored snapshot that load returns, without its values", async () => {
    const { process, advanceSeconds } = sharedAccount();
    const { lock } = createLock();
    const source = process({ load: async () => ({ accessToken: "secret-access" }) as unknown as UserTokenSnapshot, lock });
    advanceSeconds(HOUR_SECONDS);
    const error = await source.getAccessToken().catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(TokenLoadError);
    expect((error as Error).message).toContain("snapshot.refreshToken must be a non-empty string");
    expect((error as Error).message).not.toContain("secret-access");
  });

  it("rejects a lock without load, and options of the wrong kind, at once", () => {
    const { process } = sharedAccount();
    expect(() => process({ lock: createLock().lock })).toThrow(
      "createUserTokenSource: options.lock needs options.load, to read what the lock's previous holder stored",
    );
    expect(() => process({ load: "db" as unknown as () => null })).toThrow(
      "createUserTokenSource: options.load must be a function that reads the stored tokens",
    );
  });
});

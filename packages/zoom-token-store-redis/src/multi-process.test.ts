import { rm } from "node:fs/promises";
import { createUserTokenSource, generateCodeVerifier, generateState, Zoom } from "@org/zoom-auth";
import { createZoomMock, MOCK_CLIENT_ID, MOCK_CLIENT_SECRET, type ZoomMock } from "@org/zoom-mock";
import { startZoomMockServer, type ZoomMockServer } from "@org/zoom-mock/server";
import { http } from "msw";
import { createClient } from "redis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createRedisTokenStore, type RedisTokenStore } from "./index.js";
import { bundleInstance, Instance } from "./test-support/instances.js";
import { startRedisServer, type TestRedisServer } from "./test-support/redis-server.js";

// Real processes, a real redis-server and the Zoom mock over real HTTP. Every assertion counts
// (refreshes the mock saw, failures callers got); none times anything. Spawning processes on a busy
// 2-core machine takes seconds, hence the generous timeouts.

const HOUR_MS = 3600 * 1000;
const PROCESSES = 4;
const CALLERS = 250;
const SLOW = { timeout: 120_000 };

let script: string;
let offsetMs = 0;
/** The test clock, shared by the mock and (through `offsetMs`) every instance: time moves in whole hours. */
const clock = () => Date.now() + offsetMs;
let zoomMock: ZoomMock;
let mockServer: ZoomMockServer;
const tokenEndpointCalls = { refresh_token: 0, account_credentials: 0 };
const instances: Instance[] = [];

beforeAll(async () => {
  script = await bundleInstance();
  zoomMock = createZoomMock({ clock });
  // Counts every request to the token endpoint (refused ones too) before the mock's own handler answers.
  const counter = http.post("*/oauth/token", async ({ request }) => {
    const grantType = new URLSearchParams(await request.clone().text()).get("grant_type");
    if (grantType === "refresh_token" || grantType === "account_credentials") tokenEndpointCalls[grantType]++;
  });
  mockServer = await startZoomMockServer({ mock: { ...zoomMock, handlers: [counter, ...zoomMock.handlers] } });
}, 60_000);

afterEach(async () => {
  await Promise.all(instances.splice(0).map((instance) => instance.stop()));
  zoomMock.faults.clear();
  zoomMock.assertNoViolations();
}, 60_000);

afterAll(async () => {
  await mockServer?.close();
  if (script) await rm(script, { force: true });
}, 60_000);

/** Refresh tokens the mock has rotated: one per refresh it granted. */
function refreshesGranted(): number {
  return [...zoomMock.state.refreshTokens.values()].filter((record) => record.rotatedAt !== null).length;
}

function accountTokensIssued(): number {
  return [...zoomMock.state.grants.values()].filter((grant) => grant.kind === "account_credentials").length;
}

/** Signs the mock's user in once and stores the grant, as the app's sign-in callback would. */
async function signIn(store: RedisTokenStore, userKey: string): Promise<void> {
  const zoom = new Zoom(MOCK_CLIENT_ID, MOCK_CLIENT_SECRET, "http://127.0.0.1/callback", {
    authorizationServer: mockServer.url,
    clock,
  });
  const codeVerifier = generateCodeVerifier();
  const callback = await zoomMock.approve(zoom.createAuthorizationURL(generateState(), codeVerifier));
  const tokens = await zoom.validateAuthorizationCode(callback.searchParams.get("code") ?? "", codeVerifier);
  const grant = store.forUser(userKey);
  await grant.onTokens(createUserTokenSource({ zoom, tokens, ...grant }).snapshot());
}

async function startInstances(
  count: number,
  redisUrl: string,
  options: { mode?: "user" | "s2s"; userKey?: string; lockTtlMs?: number; lockWaitMs?: number } = {},
): Promise<Instance[]> {
  const started = Array.from({ length: count }, () => new Instance(script));
  instances.push(...started);
  await Promise.all(
    started.map((instance) =>
      instance.init({
        redisUrl,
        mockUrl: mockServer.url,
        mode: options.mode ?? "user",
        userKey: options.userKey ?? "ada",
        clientId: MOCK_CLIENT_ID,
        clientSecret: MOCK_CLIENT_SECRET,
        accountId: zoomMock.defaultApp.accountId,
        // Far above a refresh even on a loaded machine; the holder extends it while alive anyway.
        lockTtlMs: options.lockTtlMs ?? 10_000,
        lockWaitMs: options.lockWaitMs ?? 60_000,
      }),
    ),
  );
  return started;
}

describe("several processes sharing one Redis", () => {
  let redisServer: TestRedisServer;
  let redis: ReturnType<typeof createClient>;
  let store: RedisTokenStore;

  beforeAll(async () => {
    redisServer = await startRedisServer();
    redis = createClient({ url: redisServer.url, disableOfflineQueue: true });
    redis.on("error", () => undefined);
    await redis.connect();
    store = createRedisTokenStore({ client: redis });
  }, 60_000);

  afterAll(async () => {
    await redis?.quit();
    await redisServer?.close();
  }, 60_000);

  it(`${PROCESSES} processes × ${CALLERS} callers on an expired token: one refresh per round, no failure, 5 rounds`, SLOW, async () => {
    await signIn(store, "ada");
    const cluster = await startInstances(PROCESSES, redisServer.url, { userKey: "ada" });
    for (let round = 1; round <= 5; round++) {
      const refreshesBefore = refreshesGranted();
      const callsBefore = tokenEndpointCalls.refresh_token;
      offsetMs += HOUR_MS; // every instance's access token has expired
      const results = await Promise.all(cluster.map((instance) => instance.burst(offsetMs, CALLERS)));
      const stored = await store.forUser("ada").load();
      expect({
        round,
        refreshes: refreshesGranted() - refreshesBefore,
        tokenEndpointCalls: tokenEndpointCalls.refresh_token - callsBefore,
        failures: results.flatMap((result) => result.failures),
        tokens: new Set(results.flatMap((result) => result.tokens)),
        callersServed: results.reduce((sum, result) => sum + result.tokens.length, 0),
      }).toEqual({
        round,
        refreshes: 1,
        tokenEndpointCalls: 1,
        failures: [],
        tokens: new Set([stored?.accessToken]),
        callersServed: PROCESSES * CALLERS,
      });
      expect(zoomMock.state.verifyAccessToken(stored?.accessToken ?? "")).toMatchObject({ ok: true });
    }
  });

  it("a lock holder killed mid-refresh (SIGKILL): its lock expires, the next caller refreshes, the grant is not lost", SLOW, async () => {
    await signIn(store, "grace");
    const before = await store.forUser("grace").load();
    // A short TTL so that the test does not wait long for the dead holder's lock; a live holder extends it.
    const [holder, next] = await startInstances(2, redisServer.url, { userKey: "grace", lockTtlMs: 2_000 });
    offsetMs += HOUR_MS;
    const refreshesBefore = refreshesGranted();
    // The holder's refresh reaches the token endpoint and hangs there, unanswered, with the lock held.
    zoomMock.faults.inject({ route: "token", kind: "delay", delayMs: "infinite" });
    void holder?.burst(offsetMs, CALLERS).catch(() => undefined);
    while (zoomMock.faults.pending.length > 0 || (await redis.exists("zoom:lock:user:grace")) === 0) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await holder?.kill();
    expect(await store.forUser("grace").load()).toEqual(before);

    const result = await next?.burst(offsetMs, CALLERS);
    const after = await store.forUser("grace").load();
    expect({ failures: result?.failures, served: result?.tokens.length, refreshes: refreshesGranted() - refreshesBefore }).toEqual({
      failures: [],
      served: CALLERS,
      refreshes: 1,
    });
    expect(after?.refreshToken).not.toBe(before?.refreshToken);
    expect(new Set(result?.tokens)).toEqual(new Set([after?.accessToken]));
    expect(zoomMock.state.refreshTokens.get(after?.refreshToken ?? "")).toMatchObject({ rotatedAt: null, revokedAt: null });
  });

  it(`Server-to-Server: ${PROCESSES} processes × ${CALLERS} callers make one token request per expiry`, SLOW, async () => {
    const cluster = await startInstances(PROCESSES, redisServer.url, { mode: "s2s" });
    for (let round = 1; round <= 3; round++) {
      const issuedBefore = accountTokensIssued();
      const callsBefore = tokenEndpointCalls.account_credentials;
      offsetMs += HOUR_MS;
      const results = await Promise.all(cluster.map((instance) => instance.burst(offsetMs, CALLERS)));
      expect({
        round,
        issued: accountTokensIssued() - issuedBefore,
        tokenEndpointCalls: tokenEndpointCalls.account_credentials - callsBefore,
        failures: results.flatMap((result) => result.failures),
        distinctTokens: new Set(results.flatMap((result) => result.tokens)).size,
      }).toEqual({ round, issued: 1, tokenEndpointCalls: 1, failures: [], distinctTokens: 1 });
    }
  });
});

describe("Redis stopped and restarted mid-run", () => {
  let redisServer: TestRedisServer;

  beforeAll(async () => {
    // Persistent (append-only file), as a production Redis is: the grant must survive the restart.
    redisServer = await startRedisServer({ persistent: true });
  }, 60_000);

  afterAll(async () => {
    await redisServer?.close();
  }, 60_000);

  it("typed errors while it is down, full recovery after, the stored grant intact", SLOW, async () => {
    const redis = createClient({ url: redisServer.url, disableOfflineQueue: true, socket: { reconnectStrategy: () => 50 } });
    redis.on("error", () => undefined);
    await redis.connect();
    const store = createRedisTokenStore({ client: redis });
    try {
      await signIn(store, "linus");
      const cluster = await startInstances(2, redisServer.url, { userKey: "linus" });

      offsetMs += HOUR_MS;
      const healthy = await Promise.all(cluster.map((instance) => instance.burst(offsetMs, CALLERS)));
      expect(healthy.flatMap((result) => result.failures)).toEqual([]);
      const grantBefore = await store.forUser("linus").load();

      await redisServer.stop();
      const refreshesBefore = refreshesGranted();
      offsetMs += HOUR_MS;
      const down = await Promise.all(cluster.map((instance) => instance.burst(offsetMs, CALLERS)));
      const failures = down.flatMap((result) => result.failures);
      expect(failures).toHaveLength(2 * CALLERS);
      expect(new Set(failures)).toEqual(new Set(["RedisTokenStoreError"]));
      // Nothing was refreshed while the lock could not be taken, so no refresh token was given up.
      expect(refreshesGranted()).toBe(refreshesBefore);

      await redisServer.restart();
      await Promise.all([...cluster.map((instance) => instance.redisReady()), waitUntilReady(redis)]);
      expect(await store.forUser("linus").load()).toEqual(grantBefore);
      const recovered = await Promise.all(cluster.map((instance) => instance.burst(offsetMs, CALLERS)));
      expect({
        failures: recovered.flatMap((result) => result.failures),
        served: recovered.reduce((sum, result) => sum + result.tokens.length, 0),
        refreshes: refreshesGranted() - refreshesBefore,
      }).toEqual({ failures: [], served: 2 * CALLERS, refreshes: 1 });
      const grantAfter = await store.forUser("linus").load();
      expect(zoomMock.state.refreshTokens.get(grantAfter?.refreshToken ?? "")).toMatchObject({ rotatedAt: null, revokedAt: null });
    } finally {
      await redis.quit().catch(() => undefined);
    }
  });
});

async function waitUntilReady(client: { readonly isReady: boolean }): Promise<void> {
  while (!client.isReady) await new Promise((resolve) => setTimeout(resolve, 20));
}

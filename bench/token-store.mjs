// Many instances, one grant: what the Redis token store saves, and what it costs.
//
// 1. Refreshes and token-endpoint calls per 1,000 callers: 4 processes × 250 concurrent getAccessToken()
//    calls on an expired token, per round, with and without @org/zoom-token-store-redis, for a user grant
//    and for a Server-to-Server account token. Counted at the mock Zoom (over real HTTP on loopback).
// 2. Latency of getAccessToken() on a warm store (a fresh token in Redis): p50 and p99 over sequential
//    calls, for a source that lives across requests (memory hit), a source built per request from the
//    store (one GET), and a ZoomServerToServer built per request (one GET).
//
// Needs redis-server (Debian's package) and the built packages; --smoke runs one round and a few calls.
import { spawn, fork } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createUserTokenSource, generateCodeVerifier, generateState, Zoom, ZoomServerToServer } from "@org/zoom-auth";
import { createZoomMock, MOCK_CLIENT_ID, MOCK_CLIENT_SECRET } from "@org/zoom-mock";
import { startZoomMockServer } from "@org/zoom-mock/server";
import { createRedisTokenStore } from "@org/zoom-token-store-redis";
import { http } from "msw";
import { createClient } from "redis";

const SMOKE = process.argv.includes("--smoke");
const PROCESSES = SMOKE ? 2 : 4;
const CALLERS = SMOKE ? 25 : 250;
const ROUNDS = SMOKE ? 1 : Number(process.env.BENCH_STORE_ROUNDS ?? 5);
const LATENCY_CALLS = SMOKE ? 50 : Number(process.env.BENCH_STORE_CALLS ?? 5000);
const HOUR_MS = 3600 * 1000;
const REDIS_SERVER = process.env.REDIS_SERVER ?? "/usr/bin/redis-server";

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startRedis() {
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), "bench-redis-"));
  const child = spawn(REDIS_SERVER, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir], { stdio: "ignore" });
  await new Promise((resolve, reject) => {
    child.once("error", () => reject(new Error(`bench: cannot start ${REDIS_SERVER} (apt-get install redis-server)`)));
    child.once("spawn", resolve);
  });
  for (;;) {
    const open = await new Promise((resolve) => {
      const socket = new Socket();
      socket.once("connect", () => resolve(socket.destroy() || true));
      socket.once("error", () => resolve(false));
      socket.connect(port, "127.0.0.1");
    });
    if (open) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    close: async () => {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}

let offsetMs = 0;
const clock = () => Date.now() + offsetMs;
const calls = { refresh_token: 0, account_credentials: 0 };
const zoomMock = createZoomMock({ clock });
const counter = http.post("*/oauth/token", async ({ request }) => {
  const grantType = new URLSearchParams(await request.clone().text()).get("grant_type");
  if (grantType in calls) calls[grantType]++;
});
const redisServer = await startRedis();
const mockServer = await startZoomMockServer({ mock: { ...zoomMock, handlers: [counter, ...zoomMock.handlers] } });
const redis = createClient({ url: redisServer.url });
await redis.connect();
const store = createRedisTokenStore({ client: redis });
const zoom = new Zoom(MOCK_CLIENT_ID, MOCK_CLIENT_SECRET, "http://127.0.0.1/callback", { authorizationServer: mockServer.url, clock });

async function signIn(userKey) {
  const codeVerifier = generateCodeVerifier();
  const callback = await zoomMock.approve(zoom.createAuthorizationURL(generateState(), codeVerifier));
  const tokens = await zoom.validateAuthorizationCode(callback.searchParams.get("code"), codeVerifier);
  const grant = store.forUser(userKey);
  await grant.onTokens(createUserTokenSource({ zoom, tokens, ...grant }).snapshot());
}

function next(child, type) {
  return new Promise((resolve, reject) => {
    const onMessage = (message) => {
      if (message.type !== type) return;
      child.off("message", onMessage);
      resolve(message);
    };
    child.on("message", onMessage);
    child.once("exit", (code) => reject(new Error(`bench: an instance exited (${code})`)));
  });
}

const granted = () => [...zoomMock.state.refreshTokens.values()].filter((record) => record.rotatedAt !== null).length;
const accountTokens = () => [...zoomMock.state.grants.values()].filter((grant) => grant.kind === "account_credentials").length;

/** One arm: 4 processes, ROUNDS rounds of 250 callers each on an expired token. Numbers per 1,000 callers. */
async function arm(mode) {
  const userKey = `bench-${mode}`;
  if (!mode.startsWith("s2s")) await signIn(userKey);
  const children = Array.from({ length: PROCESSES }, () =>
    fork(new URL("./token-store-instance.mjs", import.meta.url), [], { stdio: ["ignore", "inherit", "inherit", "ipc"] }),
  );
  try {
    await Promise.all(
      children.map((child) => {
        const ready = next(child, "ready");
        child.send({
          type: "init",
          mode,
          userKey,
          redisUrl: redisServer.url,
          mockUrl: mockServer.url,
          clientId: MOCK_CLIENT_ID,
          clientSecret: MOCK_CLIENT_SECRET,
          accountId: zoomMock.defaultApp.accountId,
        });
        return ready;
      }),
    );
    const isS2s = mode.startsWith("s2s");
    const before = { issued: isS2s ? accountTokens() : granted(), calls: isS2s ? calls.account_credentials : calls.refresh_token };
    let failures = 0;
    for (let round = 0; round < ROUNDS; round++) {
      offsetMs += HOUR_MS;
      const results = await Promise.all(
        children.map((child) => {
          const result = next(child, "burst-result");
          child.send({ type: "burst", offsetMs, callers: CALLERS });
          return result;
        }),
      );
      failures += results.reduce((sum, result) => sum + result.failures.length, 0);
    }
    const callers = ROUNDS * PROCESSES * CALLERS;
    const per1000 = (count) => ((count * 1000) / callers).toFixed(2);
    return {
      arm: mode,
      "refreshes/tokens issued per 1k callers": per1000((isS2s ? accountTokens() : granted()) - before.issued),
      "token-endpoint calls per 1k callers": per1000((isS2s ? calls.account_credentials : calls.refresh_token) - before.calls),
      "failed callers per 1k": per1000(failures),
    };
  } finally {
    for (const child of children) child.disconnect();
  }
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function latency(name, call) {
  for (let i = 0; i < Math.min(200, LATENCY_CALLS); i++) await call();
  const samples = [];
  for (let i = 0; i < LATENCY_CALLS; i++) {
    const start = process.hrtime.bigint();
    await call();
    samples.push(Number(process.hrtime.bigint() - start) / 1000);
  }
  samples.sort((a, b) => a - b);
  return { case: name, calls: LATENCY_CALLS, "p50 µs": percentile(samples, 50).toFixed(1), "p99 µs": percentile(samples, 99).toFixed(1) };
}

try {
  const arms = [];
  for (const mode of ["user-no-store", "user", "s2s-no-store", "s2s"]) arms.push(await arm(mode));
  console.log(`token store bench: ${PROCESSES} processes × ${CALLERS} callers on an expired token, ${ROUNDS} round(s)`);
  console.table(arms);

  // Warm store: a fresh token in Redis (the clock stands still from here on).
  await signIn("bench-latency");
  const grant = store.forUser("bench-latency");
  const longLived = createUserTokenSource({ zoom, snapshot: await grant.load(), ...grant, clock });
  await longLived.getAccessToken();
  const s2sOptions = { authorizationServer: mockServer.url, clock, store: store.serverToServer };
  await new ZoomServerToServer(zoomMock.defaultApp.accountId, MOCK_CLIENT_ID, MOCK_CLIENT_SECRET, s2sOptions).getAccessToken();
  const rows = [
    await latency("user source kept across calls (memory)", () => longLived.getAccessToken()),
    await latency("user source built per call from the store (GET)", async () =>
      createUserTokenSource({ zoom, snapshot: await grant.load(), ...grant, clock }).getAccessToken(),
    ),
    await latency("ZoomServerToServer built per call (GET)", () =>
      new ZoomServerToServer(zoomMock.defaultApp.accountId, MOCK_CLIENT_ID, MOCK_CLIENT_SECRET, s2sOptions).getAccessToken(),
    ),
  ];
  console.log("getAccessToken() on a warm store, sequential calls, Redis on loopback:");
  console.table(rows);
  if (SMOKE) console.log("token store bench, smoke run: every arm ran (no numbers: too few to mean anything)");
  console.log(`load average: ${(await import("node:os")).loadavg().map((n) => n.toFixed(2)).join(" ")}`);
} finally {
  await redis.quit();
  await mockServer.close();
  await redisServer.close();
}

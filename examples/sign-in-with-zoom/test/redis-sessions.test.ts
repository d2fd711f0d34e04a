import { createZoomMock } from "@org/zoom-mock";
import { createClient } from "redis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startRedisServer, type TestRedisServer } from "../../../packages/zoom-token-store-redis/src/test-support/redis-server.js";
import { ConfigError } from "../src/config.js";
import { type RunningDemo, startDemo } from "../src/start-demo.js";
import { CookieJar } from "./cookie-jar.js";

// REDIS_URL set: sessions and Zoom grants live in a real redis-server, so any instance of the app serves
// any signed-in browser, and a refresh made by one instance is what the next one uses.

let redisServer: TestRedisServer;
let redis: ReturnType<typeof createClient>;
const running: RunningDemo[] = [];

beforeAll(async () => {
  redisServer = await startRedisServer();
  redis = createClient({ url: redisServer.url });
  await redis.connect();
}, 60_000);

afterEach(async () => {
  for (const demo of running.splice(0)) {
    await demo.close();
    demo.mock?.zoom.assertNoViolations();
  }
  await redis.flushAll();
});

afterAll(async () => {
  await redis?.quit();
  await redisServer?.close();
}, 60_000);

async function startInstance(mock: ReturnType<typeof createZoomMock>, clock: () => number): Promise<URL> {
  const demo = await startDemo({ env: { PORT: "0", REDIS_URL: redisServer.url }, log: () => {}, mock, clock });
  running.push(demo);
  return new URL(demo.url);
}

async function signIn(app: URL, jar: CookieJar, mock: ReturnType<typeof createZoomMock>): Promise<void> {
  const login = await jar.fetch(new URL("/login", app));
  const callback = await jar.fetch(await mock.approve(new URL(login.headers.get("location") ?? "")));
  expect(callback.status).toBe(302);
}

function refreshes(mock: ReturnType<typeof createZoomMock>): number {
  return [...mock.state.refreshTokens.values()].filter((record) => record.rotatedAt !== null).length;
}

describe("the demo with REDIS_URL", () => {
  it("keeps the session and grant in Redis: another instance serves the browser and uses the refreshed grant", async () => {
    let now = Date.UTC(2026, 0, 1);
    const clock = () => now;
    const mock = createZoomMock({ clock });
    const jar = new CookieJar();

    const first = await startInstance(mock, clock);
    await signIn(first, jar, mock);
    const sessionId = jar.cookies.get("zoom_demo_session") ?? "";
    expect(sessionId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const keys = await redis.keys("*");
    expect(keys.filter((key) => key.startsWith("demo:session:"))).toHaveLength(1);
    expect(keys.filter((key) => key.startsWith("demo:zoom:user:"))).toHaveLength(1);
    // The cookie's secret never becomes a key name, and the session entry holds no token.
    expect(keys.join(" ")).not.toContain(sessionId);
    const [accessToken] = [...mock.state.accessTokens.keys()];
    expect(await redis.get(keys.find((key) => key.startsWith("demo:session:")) ?? "")).not.toContain(accessToken);

    // A second instance (the first one stopped, as in a rolling deploy) knows the browser.
    await running.shift()?.close();
    const second = await startInstance(mock, clock);
    expect(await (await jar.fetch(second)).text()).toContain(mock.defaultUser.display_name);
    expect(refreshes(mock)).toBe(0);

    // An hour later the second instance refreshes once, and stores the rotated grant for everyone.
    const grantKey = keys.find((key) => key.startsWith("demo:zoom:user:")) ?? "";
    const before = JSON.parse((await redis.get(grantKey)) ?? "null").value;
    now += 3600 * 1000;
    const pages = await Promise.all([jar.fetch(second), jar.fetch(second), jar.fetch(second)]);
    for (const page of pages) expect(await page.text()).toContain(mock.defaultUser.display_name);
    expect(refreshes(mock)).toBe(1);
    const after = JSON.parse((await redis.get(grantKey)) ?? "null").value;
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(mock.state.refreshTokens.get(after.refreshToken)).toMatchObject({ rotatedAt: null, revokedAt: null });

    // Signing out ends the session and deletes the grant.
    const logout = await jar.fetch(new URL("/logout", second), { method: "POST", headers: { origin: second.origin } });
    expect(logout.status).toBe(303);
    expect(await redis.keys("*")).toEqual([]);
  });

  it("says where sessions live in its banner", async () => {
    const mock = createZoomMock();
    await startInstance(mock, Date.now);
    expect(running[0]?.banner).toContain("Sessions and Zoom grants are kept in Redis (REDIS_URL), shared by every instance.");
  });

  it("refuses a REDIS_URL that is not a Redis URL, and one that cannot be reached, without its password", async () => {
    await expect(startDemo({ env: { PORT: "0", REDIS_URL: "http://example.test" } })).rejects.toThrow(
      new ConfigError("REDIS_URL must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379."),
    );
    const unused = new URL(redisServer.url);
    unused.port = "1";
    unused.password = "hunter2";
    const error = await startDemo({ env: { PORT: "0", REDIS_URL: unused.href }, log: () => {} }).catch((thrown: unknown) => thrown);
    expect((error as Error).name).toBe("RedisUnavailableError");
    expect((error as Error).message).toBe("Redis at 127.0.0.1:1 (REDIS_URL) cannot be reached");
  });
});

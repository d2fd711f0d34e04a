import * as zoomAuth from "@org/zoom-auth";
import type { UserTokenSource, ZoomServerToServer, ZoomTokens } from "@org/zoom-auth";
import { MOCK_CLIENT_ID, MOCK_CLIENT_SECRET } from "@org/zoom-mock";
import * as tokenStoreRedis from "@org/zoom-token-store-redis";
import * as redisModule from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRedisServer, type TestRedisServer } from "../../../../packages/zoom-token-store-redis/src/test-support/redis-server.js";
import { REDIRECT_URI, useZoomOAuthMock } from "../oauth/oauth-fixture.js";
import { readGuideBlocks, runGuideBlock } from "./guide-blocks.js";

// The guide's "Run several instances" blocks, against @org/zoom-mock and a real redis-server.

const modules = {
  "@org/zoom-auth": zoomAuth,
  "@org/zoom-token-store-redis": tokenStoreRedis,
  redis: redisModule,
};
const zoomMock = useZoomOAuthMock();
let redisServer: TestRedisServer;

beforeAll(async () => {
  redisServer = await startRedisServer();
}, 60_000);

afterAll(async () => {
  await redisServer?.close();
}, 60_000);

/** Runs the guide's blocks under `heading`, in order, each seeing what the ones before declared. */
async function runBlocks(scope: Record<string, unknown>, heading: string, index: number) {
  const block = readGuideBlocks().find((b) => b.heading === heading && b.index === index);
  if (!block) throw new Error(`the README's Zoom guide has no block ${index} under "### ${heading}"`);
  return { ...scope, ...(await runGuideBlock(block, modules, scope)) };
}

describe("the README's guide to running several instances", () => {
  it("stores the grant in Redis, where another instance starts from it, and shares the S2S token", { timeout: 60_000 }, async () => {
    const saved: ZoomTokens[] = [];
    let scope: Record<string, unknown> = {
      clientId: MOCK_CLIENT_ID,
      clientSecret: MOCK_CLIENT_SECRET,
      redirectURI: REDIRECT_URI,
      saveTokens: async (tokens: ZoomTokens) => {
        saved.push(tokens);
      },
    };
    scope = await runBlocks(scope, "Create the provider", 0);
    scope = await runBlocks(scope, "Send the user to Zoom", 0);
    scope = { ...scope, code: (await zoomMock.approve(scope.url as URL)).searchParams.get("code") };
    scope = await runBlocks(scope, "Exchange the code", 0);
    scope = { ...scope, tokens: saved[0], userId: "ada", redisUrl: redisServer.url, accountId: zoomMock.defaultApp.accountId };

    scope = await runBlocks(scope, "Run several instances", 0);
    const redis = scope.redis as ReturnType<typeof redisModule.createClient>;
    try {
      const source = scope.source as UserTokenSource;
      const stored = JSON.parse((await redis.get("zoom:user:ada")) ?? "null");
      expect(stored).toEqual({ v: 1, value: source.snapshot() });

      scope = await runBlocks(scope, "Run several instances", 1);
      const sameUser = scope.sameUser as UserTokenSource;
      expect(sameUser.snapshot()).toEqual(source.snapshot());
      expect(await sameUser.getAccessToken()).toBe(await source.getAccessToken());

      // Two instances of the S2S app: one token request between them.
      const s2s = scope.s2s as ZoomServerToServer;
      const otherInstance = new zoomAuth.ZoomServerToServer(zoomMock.defaultApp.accountId, MOCK_CLIENT_ID, MOCK_CLIENT_SECRET, {
        store: (scope.store as tokenStoreRedis.RedisTokenStore).serverToServer,
      });
      expect(await otherInstance.getAccessToken()).toBe(await s2s.getAccessToken());
      const accountTokens = [...zoomMock.state.grants.values()].filter((grant) => grant.kind === "account_credentials");
      expect(accountTokens).toHaveLength(1);
    } finally {
      await redis.quit();
    }
  });
});

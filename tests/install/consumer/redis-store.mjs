// An ESM user of @org/zoom-token-store-redis with the Redis client its README names (node-redis): two
// instances share one grant and one Server-to-Server token through a real redis-server (REDIS_URL),
// against @org/zoom-mock's HTTP server. Run inside a fresh npm project by src/install.test.ts.
import assert from "node:assert/strict";
import { createUserTokenSource, generateCodeVerifier, generateState, Zoom, ZoomServerToServer } from "@org/zoom-auth";
import { MOCK_CLIENT_ID, MOCK_CLIENT_SECRET } from "@org/zoom-mock";
import { startZoomMockServer } from "@org/zoom-mock/server";
import { createRedisTokenStore } from "@org/zoom-token-store-redis";
import { createClient } from "redis";

const redis = await createClient({ url: process.env.REDIS_URL, disableOfflineQueue: true })
  .on("error", () => undefined)
  .connect();
const server = await startZoomMockServer();
try {
  const store = createRedisTokenStore({ client: redis, keyPrefix: "install-test:" });
  const zoom = new Zoom(MOCK_CLIENT_ID, MOCK_CLIENT_SECRET, "http://localhost:3000/callback", { authorizationServer: server.url });
  const codeVerifier = generateCodeVerifier();
  const callback = await server.mock.approve(zoom.createAuthorizationURL(generateState(), codeVerifier));
  const tokens = await zoom.validateAuthorizationCode(callback.searchParams.get("code"), codeVerifier);

  // Instance one signs the user in and stores the grant; instance two starts from Redis.
  const grant = store.forUser("ada");
  const one = createUserTokenSource({ zoom, tokens, ...grant });
  await grant.onTokens(one.snapshot());
  const two = createUserTokenSource({ zoom, snapshot: await grant.load(), ...grant });

  // Instance two refreshes under the lock; instance one then takes the stored tokens instead of refreshing.
  two.invalidate();
  const refreshed = await two.getAccessToken();
  one.invalidate();
  const sharedGrant = (await one.getAccessToken()) === refreshed && (await grant.load()).accessToken === refreshed;
  const refreshes = [...server.mock.state.refreshTokens.values()].filter((record) => record.rotatedAt !== null).length;

  const s2s = () =>
    new ZoomServerToServer(server.mock.defaultApp.accountId, MOCK_CLIENT_ID, MOCK_CLIENT_SECRET, {
      authorizationServer: server.url,
      store: store.serverToServer,
    });
  const [firstInstance, secondInstance] = [s2s(), s2s()];
  const sharedAccountToken = (await firstInstance.getAccessToken()) === (await secondInstance.getAccessToken());
  assert.equal(server.mock.state.grants.size, 2, "one user grant and one account token");
  console.log(JSON.stringify({ sharedGrant, refreshes, sharedAccountToken }));
} finally {
  await server.close();
  await redis.quit();
}

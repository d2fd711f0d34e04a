// One app instance for token-store.mjs, in its own process: a user token source (with or without the Redis
// store) or a ZoomServerToServer (with or without it). Driven over IPC like the package's tests.
import { createUserTokenSource, Zoom, ZoomServerToServer } from "@org/zoom-auth";
import { createRedisTokenStore } from "@org/zoom-token-store-redis";
import { createClient } from "redis";

let offsetMs = 0;
const clock = () => Date.now() + offsetMs;
let getAccessToken = null;

process.on("message", async (message) => {
  if (message.type === "init") {
    const redis = createClient({ url: message.redisUrl, disableOfflineQueue: true });
    redis.on("error", () => undefined);
    await redis.connect();
    const store = createRedisTokenStore({ client: redis });
    const grant = store.forUser(message.userKey);
    const snapshot = await grant.load();
    if (message.mode === "s2s" || message.mode === "s2s-no-store") {
      const s2s = new ZoomServerToServer(message.accountId, message.clientId, message.clientSecret, {
        authorizationServer: message.mockUrl,
        clock,
        ...(message.mode === "s2s" ? { store: store.serverToServer } : {}),
      });
      getAccessToken = () => s2s.getAccessToken();
    } else {
      const zoom = new Zoom(message.clientId, message.clientSecret, "http://127.0.0.1/callback", { authorizationServer: message.mockUrl, clock });
      // Without the store each process keeps its own copy of the grant, as apps without a shared store do.
      const storage = message.mode === "user" ? grant : { onTokens: () => {} };
      const source = createUserTokenSource({ zoom, snapshot, ...storage, clock });
      getAccessToken = () => source.getAccessToken();
    }
    process.send({ type: "ready" });
  } else if (message.type === "burst") {
    offsetMs = message.offsetMs;
    const results = await Promise.allSettled(Array.from({ length: message.callers }, () => getAccessToken()));
    process.send({
      type: "burst-result",
      served: results.filter((result) => result.status === "fulfilled").length,
      failures: results.filter((result) => result.status === "rejected").map((result) => result.reason?.name ?? "?"),
    });
  }
});
process.on("disconnect", () => process.exit(0));

// One instance of an app, in its own process, for the multi-process tests: a node-redis client, the
// Redis token store, and either a user token source or a ZoomServerToServer. The parent drives it over
// IPC: `init`, then `burst` (many concurrent getAccessToken() calls) as often as it likes.
import { createUserTokenSource, type UserTokenSource, Zoom, ZoomServerToServer } from "@org/zoom-auth";
import { createClient } from "redis";
import { createRedisTokenStore } from "../index.js";

export interface InitMessage {
  type: "init";
  redisUrl: string;
  mockUrl: string;
  mode: "user" | "s2s";
  userKey: string;
  clientId: string;
  clientSecret: string;
  accountId: string;
  lockTtlMs: number;
  lockWaitMs: number;
}
export interface BurstMessage {
  type: "burst";
  /** How far the shared test clock is ahead of the real one, in ms. */
  offsetMs: number;
  callers: number;
}
export interface ReadyMessage {
  type: "wait-for-redis";
}
export type ToInstance = InitMessage | BurstMessage | ReadyMessage;

export interface BurstResult {
  type: "burst-result";
  tokens: string[];
  /** The names of the errors callers got. */
  failures: string[];
}
export type FromInstance = { type: "ready" } | BurstResult | { type: "redis-ready" };

let offsetMs = 0;
const clock = () => Date.now() + offsetMs;
let getAccessToken: (() => Promise<string>) | null = null;
let redis: ReturnType<typeof createClient> | null = null;

function send(message: FromInstance): void {
  process.send?.(message);
}

async function init(message: InitMessage): Promise<void> {
  redis = createClient({ url: message.redisUrl, disableOfflineQueue: true, socket: { reconnectStrategy: () => 50 } });
  // Without a listener, the client's "error" events (Redis going away) would end the process.
  redis.on("error", () => undefined);
  await redis.connect();
  const store = createRedisTokenStore({ client: redis, lockTtlMs: message.lockTtlMs, lockWaitMs: message.lockWaitMs });
  if (message.mode === "s2s") {
    const s2s = new ZoomServerToServer(message.accountId, message.clientId, message.clientSecret, {
      authorizationServer: message.mockUrl,
      clock,
      store: store.serverToServer,
    });
    getAccessToken = () => s2s.getAccessToken();
  } else {
    const grant = store.forUser(message.userKey);
    const snapshot = await grant.load();
    if (snapshot === null) throw new Error("no stored grant to start from");
    const zoom = new Zoom(message.clientId, message.clientSecret, "http://127.0.0.1/callback", {
      authorizationServer: message.mockUrl,
      clock,
    });
    const source: UserTokenSource = createUserTokenSource({ zoom, snapshot, ...grant, clock });
    getAccessToken = () => source.getAccessToken();
  }
  send({ type: "ready" });
}

async function burst(message: BurstMessage): Promise<void> {
  offsetMs = message.offsetMs;
  const call = getAccessToken;
  if (call === null) throw new Error("burst before init");
  const results = await Promise.allSettled(Array.from({ length: message.callers }, () => call()));
  send({
    type: "burst-result",
    tokens: results.flatMap((result) => (result.status === "fulfilled" ? [result.value] : [])),
    failures: results.flatMap((result) =>
      result.status === "rejected" ? [result.reason instanceof Error ? result.reason.name : String(result.reason)] : [],
    ),
  });
}

async function waitForRedis(): Promise<void> {
  while (redis === null || !redis.isReady) await new Promise((resolve) => setTimeout(resolve, 20));
  send({ type: "redis-ready" });
}

process.on("message", (message: ToInstance) => {
  const handled = message.type === "init" ? init(message) : message.type === "burst" ? burst(message) : waitForRedis();
  handled.catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
});
process.on("disconnect", () => process.exit(0));

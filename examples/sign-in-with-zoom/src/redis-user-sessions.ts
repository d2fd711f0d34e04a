import { createHash } from "node:crypto";
import { createUserTokenSource } from "@org/zoom-auth";
import { createRedisTokenStore, type RedisClientLike } from "@org/zoom-token-store-redis";
import type { UserSessions, UserSessionsOptions } from "./user-sessions.js";

/** Options of {@link createRedisUserSessions}. */
export interface RedisUserSessionsOptions extends UserSessionsOptions {
  /** A connected node-redis client. */
  redis: RedisClientLike;
  /** Prefix of the demo's keys (default `"demo:"`). */
  keyPrefix?: string | undefined;
  /** Fills a buffer with random bytes (default Web Crypto's `getRandomValues`). */
  randomBytes?: ((bytes: Uint8Array) => Uint8Array) | undefined;
}

function randomId(random: (bytes: Uint8Array) => Uint8Array): string {
  return Buffer.from(random(new Uint8Array(32))).toString("base64url");
}

/**
 * Sessions and Zoom grants in Redis, shared by every instance of the app: `session:<sha256 of the id>`
 * names the session's grant, kept by `@org/zoom-token-store-redis` under its own random id (the session id
 * is the cookie's secret and never becomes part of a key). Each request builds a token source over the stored grant, so a refresh
 * on any instance goes through the grant's lock and is stored before it is used.
 */
export function createRedisUserSessions(options: RedisUserSessionsOptions): UserSessions {
  const clock = options.clock ?? Date.now;
  const ttlMs = options.ttlMs ?? 8 * 60 * 60 * 1000;
  const prefix = options.keyPrefix ?? "demo:";
  const random = options.randomBytes ?? ((bytes: Uint8Array) => crypto.getRandomValues(bytes));
  // A grant lives as long as the session that uses it: the demo's own retention policy.
  const grants = createRedisTokenStore({ client: options.redis, keyPrefix: `${prefix}zoom:`, grantTtlMs: ttlMs });
  // The key holds a hash of the id: whoever can list Redis keys learns no cookie that would sign them in.
  const sessionKey = (id: string) => `${prefix}session:${createHash("sha256").update(id).digest("base64url")}`;

  async function grantIdOf(id: string | undefined): Promise<string | null> {
    if (id === undefined || !/^[A-Za-z0-9_-]{43}$/.test(id)) return null;
    const stored = await options.redis.sendCommand(["GET", sessionKey(id)]);
    if (typeof stored !== "string") return null;
    const { grant } = JSON.parse(stored) as { grant?: unknown };
    return typeof grant === "string" ? grant : null;
  }

  return {
    description: "in Redis (REDIS_URL), shared by every instance",
    async create(tokens) {
      const id = randomId(random);
      const grantId = randomId(random);
      const grant = grants.forUser(grantId);
      await grant.onTokens(createUserTokenSource({ zoom: options.zoom, tokens, ...grant, clock }).snapshot());
      await options.redis.sendCommand(["SET", sessionKey(id), JSON.stringify({ grant: grantId }), "PX", String(ttlMs)]);
      return id;
    },
    async get(id) {
      const grantId = await grantIdOf(id);
      if (grantId === null) return undefined;
      const grant = grants.forUser(grantId);
      const snapshot = await grant.load();
      if (snapshot === null) return undefined;
      return createUserTokenSource({ zoom: options.zoom, snapshot, ...grant, clock });
    },
    async delete(id) {
      const grantId = await grantIdOf(id);
      if (id === undefined || grantId === null) return;
      await options.redis.sendCommand(["DEL", sessionKey(id)]);
      await grants.deleteUser(grantId);
    },
  };
}

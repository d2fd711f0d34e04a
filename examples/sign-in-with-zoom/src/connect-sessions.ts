import { createClient } from "redis";
import { createRedisUserSessions } from "./redis-user-sessions.js";
import { createMemoryUserSessions, type UserSessions, type UserSessionsOptions } from "./user-sessions.js";

/** Where the demo keeps sessions, and how to let go of it. */
export interface SessionsConnection {
  sessions: UserSessions;
  close(): Promise<void>;
}

/** Redis did not answer at start-up. The message names the address without its password. */
export class RedisUnavailableError extends Error {
  override readonly name = "RedisUnavailableError";
}

/**
 * Sessions in memory (`redisUrl` null), or in Redis: connects once at start-up, failing fast when Redis
 * cannot be reached; once up, the client reconnects by itself and requests fail cleanly meanwhile.
 */
export async function connectSessions(redisUrl: string | null, options: UserSessionsOptions): Promise<SessionsConnection> {
  if (redisUrl === null) return { sessions: createMemoryUserSessions(options), close: async () => {} };
  let started = false;
  const redis = createClient({
    url: redisUrl,
    // While Redis is away, commands fail at once instead of queueing behind the reconnection.
    disableOfflineQueue: true,
    socket: { reconnectStrategy: (retries, cause) => (started ? Math.min(50 * (retries + 1), 1_000) : cause) },
  });
  // Failures reach the requests that meet them; the client's own error events would otherwise end the process.
  redis.on("error", () => {});
  try {
    await redis.connect();
  } catch (error) {
    const { hostname, port } = new URL(redisUrl);
    throw new RedisUnavailableError(`Redis at ${hostname}:${port || 6379} (REDIS_URL) cannot be reached`, { cause: error });
  }
  started = true;
  return { sessions: createRedisUserSessions({ ...options, redis }), close: () => redis.close() };
}

/**
 * Zoom grants and Server-to-Server tokens in Redis, for apps that run on more than one instance: a
 * store whose `forUser(userKey)` plugs into `createUserTokenSource` with one spread, a lock that lets
 * processes refresh a grant once between them, and a shared cache for `ZoomServerToServer`.
 *
 * @packageDocumentation
 */
export { RedisLockTimeoutError, RedisTokenStoreError, StoredValueError } from "./errors.js";
export type { RedisClientLike } from "./redis-commands.js";
export {
  createRedisTokenStore,
  type RedisTokenStore,
  type RedisTokenStoreOptions,
  type RedisUserTokenStore,
} from "./redis-token-store.js";
export type { DecryptValue, EncryptValue, SealContext } from "./stored-value.js";

import { ZoomTokens } from "./zoom-tokens.js";

/**
 * A Server-to-Server token as a {@link ServerToServerTokenStore} keeps it: Zoom's token response
 * and when it arrived (the expiry is `receivedAt` plus `expires_in`). It holds a live access
 * token: never log it.
 */
export interface ServerToServerTokenRecord {
  /** Zoom's token response as JSON: `access_token`, `expires_in`, `scope`, `api_url`, ... */
  data: Record<string, unknown>;
  /** When the response arrived, as an ISO 8601 date-time. */
  receivedAt: string;
}

/**
 * Where {@link ZoomServerToServer} instances share their account token, so that N processes make one
 * token request per expiry instead of N. `@org/zoom-token-store-redis` implements it over Redis.
 *
 * Without a store, each instance caches its token in its own memory. The store is a cache: when it
 * fails (`load`, `save` or `lock` throws), the instance requests a token of its own and goes on, which
 * Zoom allows (several Server-to-Server tokens of an account are valid at once).
 */
export interface ServerToServerTokenStore {
  /**
   * Reads the token stored under `key`, or `null` when there is none.
   * @param key - Names the app and account (`accountId:clientId`); never a secret.
   */
  load(key: string): Promise<ServerToServerTokenRecord | null>;
  /** Stores a token that was just issued, for the other instances. */
  save(key: string, record: ServerToServerTokenRecord): Promise<void>;
  /**
   * Runs `critical` under a lock shared by the instances, so that only one of them requests a token
   * while the others wait and then read it with `load`. Optional: without it, instances that find the
   * store empty at the same moment each request one.
   */
  lock?: (<T>(key: string, critical: () => Promise<T>) => Promise<T>) | undefined;
}

/**
 * Refuses, at construction, a `store` option that is not a {@link ServerToServerTokenStore}.
 *
 * @param store - The option as given; `undefined` means no store.
 * @internal Used by the app token holders; not exported from the package.
 */
export function assertTokenStore(store: ServerToServerTokenStore | null | undefined): void {
  if (store === undefined) return;
  if (
    store === null ||
    typeof store.load !== "function" ||
    typeof store.save !== "function" ||
    (store.lock !== undefined && typeof store.lock !== "function")
  ) {
    throw new TypeError("options.store must be a ServerToServerTokenStore { load, save, lock? }");
  }
}

/**
 * Gets a Server-to-Server token through a shared store: the stored one when it is fresh, otherwise a
 * new one, requested under the store's lock (after reading the store again, since the previous holder
 * has likely just stored one) and saved for the others.
 *
 * @param store - The shared store.
 * @param key - The store key of this app and account.
 * @param request - Requests a new token from Zoom.
 * @param usable - Whether a token may be handed out (fresh, and not the token that was invalidated).
 * @returns The tokens.
 * @internal Used by {@link ZoomServerToServer}; not exported from the package.
 */
export async function tokensThroughStore(
  store: ServerToServerTokenStore,
  key: string,
  request: () => Promise<ZoomTokens>,
  usable: (tokens: ZoomTokens) => boolean,
): Promise<ZoomTokens> {
  const stored = async (): Promise<ZoomTokens | null> => {
    const record = await store.load(key);
    if (record === null) return null;
    const tokens = new ZoomTokens(record.data, { receivedAt: new Date(record.receivedAt) });
    return usable(tokens) ? tokens : null;
  };
  const requestAndSave = async (): Promise<ZoomTokens> => {
    const tokens = await request();
    // Losing the write costs the other instances one request each, not this caller its token.
    const record = { data: { ...tokens.data }, receivedAt: tokens.receivedAt.toISOString() };
    await Promise.resolve()
      .then(() => store.save(key, record))
      .catch(() => undefined);
    return tokens;
  };
  let found: ZoomTokens | null = null;
  let storeFailed = false;
  try {
    found = await stored();
  } catch {
    storeFailed = true;
  }
  if (found !== null) return found;
  if (storeFailed || store.lock === undefined) return requestAndSave();
  let entered = false;
  try {
    return await store.lock(key, async () => {
      entered = true;
      // The previous holder has most likely just stored a token.
      return (await stored().catch(() => null)) ?? (await requestAndSave());
    });
  } catch (error) {
    // An error of the token request is the caller's; a lock that could not be taken is worked around.
    if (entered) throw error;
    return requestAndSave();
  }
}

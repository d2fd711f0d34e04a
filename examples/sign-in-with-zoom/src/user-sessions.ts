import { createUserTokenSource, type UserTokenSource, type Zoom, type ZoomTokens } from "@org/zoom-auth";
import { SessionStore } from "./session-store.js";

/**
 * Signed-in browsers: a session id (the cookie's value) for each, and behind it the user's Zoom grant as a
 * token source. In memory for one process ({@link createMemoryUserSessions}), or in Redis so that any
 * number of app instances share sessions and grants (`createRedisUserSessions`).
 */
export interface UserSessions {
  /** Starts a session for tokens from a sign-in and returns its new, unguessable id. */
  create(tokens: ZoomTokens): Promise<string>;
  /** The session's token source, or `undefined` when the id is unknown or the session has expired. */
  get(id: string | undefined): Promise<UserTokenSource | undefined>;
  /** Ends a session and forgets its grant. */
  delete(id: string | undefined): Promise<void>;
  /** Where sessions live, for the start-up banner. */
  readonly description: string;
}

/** Options shared by the session stores. */
export interface UserSessionsOptions {
  zoom: Pick<Zoom, "refreshAccessToken">;
  /** Current time in milliseconds (default `Date.now`). */
  clock?: (() => number) | undefined;
  /** How long a session lives after sign-in, in milliseconds (default 8 hours). */
  ttlMs?: number | undefined;
}

/** Sessions in this process's memory: the token source itself is the session, so its tokens need no storing. */
export function createMemoryUserSessions(options: UserSessionsOptions): UserSessions {
  const clock = options.clock ?? Date.now;
  const store = new SessionStore<UserTokenSource>({ clock, ...(options.ttlMs === undefined ? {} : { ttlMs: options.ttlMs }) });
  return {
    description: "in this process's memory",
    async create(tokens) {
      // The sessions live in this process's memory, and so do the source's tokens: nothing more to store.
      return store.create(createUserTokenSource({ zoom: options.zoom, tokens, onTokens: () => {}, clock }));
    },
    async get(id) {
      return store.get(id);
    },
    async delete(id) {
      store.delete(id);
    },
  };
}

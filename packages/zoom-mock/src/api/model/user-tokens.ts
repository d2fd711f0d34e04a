import type { ModelContext } from "./model-context.js";

/** Kinds of token `GET /users/{userId}/token` hands out. */
export type UserTokenType = "token" | "zak" | "onbehalf";

/** Default lifetime of a user token in seconds (Zoom: 2 hours). */
export const DEFAULT_USER_TOKEN_TTL_SECONDS = 7200;

interface IssuedUserToken {
  userId: string;
  type: UserTokenType;
  expiresAt: number;
}

/**
 * ZAK and user tokens. Tokens are opaque and remembered with their owner and expiry so a test can
 * check what the mock issued (`lookup`).
 */
export class UserTokens {
  readonly #issued = new Map<string, IssuedUserToken>();
  readonly #context: ModelContext;

  constructor(context: ModelContext) {
    this.#context = context;
  }

  /** `GET /users/{userId}/token` (and `GET /users/me/zak` with type `zak`). */
  issue(userId: string, type: UserTokenType = "token", ttlSeconds: number = DEFAULT_USER_TOKEN_TTL_SECONDS): { token: string } {
    const token = this.#context.ids.opaque(48);
    this.#issued.set(token, { userId, type, expiresAt: this.#context.clock() + ttlSeconds * 1000 });
    return { token };
  }

  /** Who a token was issued to, if it is one of ours and not expired. */
  lookup(token: string): { userId: string; type: UserTokenType } | undefined {
    const issued = this.#issued.get(token);
    if (issued === undefined || this.#context.clock() >= issued.expiresAt) return undefined;
    return { userId: issued.userId, type: issued.type };
  }

  /** `DELETE /users/{userId}/token`: revokes every token of that user. */
  revokeAll(userId: string): void {
    for (const [token, issued] of this.#issued) if (issued.userId === userId) this.#issued.delete(token);
  }
}

import type { OAuth2RequestError } from "@org/oauth-core";

/**
 * Zoom refused the refresh token (`invalid_grant`): it was rotated out by another refresh,
 * revoked, or has expired, or the user removed the app. Only a new sign-in helps.
 *
 * A {@link UserTokenSource} that threw it throws the same error on every later call,
 * without sending another request.
 *
 * @example
 * ```ts
 * try {
 *   await source.getAccessToken();
 * } catch (e) {
 *   if (e instanceof ReauthorizationRequiredError) {
 *     await db.deleteTokens(userId); // and send the user through "Sign in with Zoom" again
 *   }
 * }
 * ```
 */
export class ReauthorizationRequiredError extends Error {
  override readonly name = "ReauthorizationRequiredError";
  /** Zoom's answer to the refresh: an `OAuth2RequestError` with code `invalid_grant`. */
  declare readonly cause: OAuth2RequestError;

  /**
   * @param cause - Zoom's `invalid_grant` answer.
   */
  constructor(cause: OAuth2RequestError) {
    super(
      `Zoom refused the refresh token (${cause.code}${cause.reason === null ? "" : `: ${cause.reason}`}): the user must sign in again`,
      { cause },
    );
  }

  /** A JSON form with the name, message and the cause's JSON (no credential). */
  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, cause: this.cause.toJSON() };
  }
}

/**
 * The `onTokens` callback of a {@link UserTokenSource} failed after a refresh, so the new
 * (rotated) tokens may not be stored. The source keeps them in memory (they are the only
 * valid ones now), hands out no access token from them until `onTokens` succeeds, and calls
 * `onTokens` again with them on the next `getAccessToken()`.
 *
 * The message does not repeat the cause's message, which is the application's and might
 * quote what it tried to store; the original error is in `cause`.
 */
export class TokenPersistenceError extends Error {
  override readonly name = "TokenPersistenceError";
  /** What `onTokens` threw. */
  declare readonly cause: unknown;

  /**
   * @param cause - What `onTokens` threw.
   */
  constructor(cause: unknown) {
    const kind = cause instanceof Error ? cause.name : typeof cause;
    super(
      `onTokens failed (${kind}): the refreshed tokens are kept in memory and offered to onTokens again on the next getAccessToken() call`,
      { cause },
    );
  }

  /** A JSON form with the name and message (the cause is left out: it is the application's). */
  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message };
  }
}

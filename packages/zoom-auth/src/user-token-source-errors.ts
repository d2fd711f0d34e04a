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
      `Zoom refused the refresh token (${cause.code}${cause.description === null ? "" : `: ${cause.description}`}): the user must sign in again`,
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

/**
 * The `load` callback of a {@link UserTokenSource} failed (or returned something that is not a
 * snapshot), so the source could not see whether another process refreshed the tokens. Nothing
 * changed: the tokens in memory are kept, no refresh token was given up, and the next
 * `getAccessToken()` tries again.
 *
 * Like {@link TokenPersistenceError}, the message does not repeat the cause's message (the
 * application's, which might quote what it read); the original error is in `cause`.
 */
export class TokenLoadError extends Error {
  override readonly name = "TokenLoadError";
  /** What `load` threw, or the `TypeError` naming what is wrong with what it returned. */
  declare readonly cause: unknown;

  /**
   * @param cause - What `load` threw, or why its result is not a snapshot.
   */
  constructor(cause: unknown) {
    const kind = cause instanceof Error ? cause.name : typeof cause;
    const detail = cause instanceof TypeError && cause.message.startsWith("snapshot") ? `: ${cause.message}` : "";
    super(`load failed (${kind}${detail}): the tokens in memory are kept and the next getAccessToken() call tries again`, {
      cause,
    });
  }

  /** A JSON form with the name and message (the cause is left out: it is the application's). */
  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message };
  }
}

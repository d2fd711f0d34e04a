import type { Middleware } from "openapi-fetch";
import { ZoomClientOptionsError } from "./zoom-client-options.js";

// The option only: the check itself, and the generated table of every operation's scopes it reads
// (4.5 KB gzip), live behind `@org/zoom-api/scopes`, so a client without the check does not carry them.

/**
 * A scope check for {@link createZoomClient}'s `checkScopes`, made by `scopeCheck()` from
 * `@org/zoom-api/scopes`.
 */
export interface ZoomScopeCheck {
  /**
   * The check as openapi-fetch middleware; `createZoomClient` calls this once, when it makes the client.
   * @param tokenScopes - Reads the scopes the `tokens` option's tokens hold now; `null` when the client
   *   was given no `tokens`, or tokens that do not say.
   * @throws {ZoomClientOptionsError} when the check has no scopes to go by.
   */
  middleware(tokenScopes: (() => readonly string[] | null) | null): Middleware;
}

/** The options of {@link createZoomClient} for the scope check. */
export interface ZoomClientScopeOptions {
  /**
   * Refuse, before sending, a call whose operation needs a scope the token lacks (a `ZoomScopeError`
   * naming the alternatives), instead of letting Zoom answer 400 code 4711. Off by default.
   *
   * `scopeCheck()` from `@org/zoom-api/scopes` reads the granted scopes from `tokens` (a `ZoomTokens`,
   * or a token source with `snapshot()`) at every call; `scopeCheck(scopes)` gives them yourself, e.g.
   * from a Server-to-Server token's `scopes()`.
   */
  checkScopes?: ZoomScopeCheck | undefined;
}

/**
 * The scope check's middleware, or `null` when the option is left out.
 * @throws {ZoomClientOptionsError} when `checkScopes` is not what `scopeCheck()` makes: `true` and
 *   an array, what it took before `scopeCheck()`, are refused naming their replacement.
 */
export function scopeCheckMiddleware(checkScopes: unknown, tokenScopes: (() => readonly string[] | null) | null): Middleware | null {
  if (checkScopes === undefined) return null;
  if (checkScopes === true || Array.isArray(checkScopes)) {
    const replacement = checkScopes === true ? "scopeCheck()" : "scopeCheck(scopes)";
    throw new ZoomClientOptionsError("checkScopes", `takes ${replacement} from "@org/zoom-api/scopes" instead of ${checkScopes === true ? "true" : "an array"}`);
  }
  if (typeof checkScopes !== "object" || checkScopes === null || typeof (checkScopes as Partial<ZoomScopeCheck>).middleware !== "function") {
    throw new ZoomClientOptionsError("checkScopes", 'must be made by scopeCheck() from "@org/zoom-api/scopes" (leave it out to send calls unchecked)');
  }
  return (checkScopes as ZoomScopeCheck).middleware(tokenScopes);
}

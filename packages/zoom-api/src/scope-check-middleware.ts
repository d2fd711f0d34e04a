import type { Middleware } from "openapi-fetch";
import { operationScopes } from "./generated/scopes.js";
import { hasRequiredScope, ZoomScopeError } from "./required-scopes.js";

/** The options of {@link createZoomClient} for the scope check. */
export interface ZoomClientScopeOptions {
  /**
   * Refuse, before sending, a call whose operation needs a scope the token lacks (a {@link ZoomScopeError}
   * naming the alternatives), instead of letting Zoom answer 400 code 4711. Off by default.
   *
   * `true` reads the granted scopes from `tokens` (a `ZoomTokens`, or a token source with `snapshot()`),
   * at every call; an array gives them yourself, e.g. from a Server-to-Server token's `scopes()`.
   */
  checkScopes?: boolean | readonly string[] | undefined;
}

/**
 * The scope check as openapi-fetch middleware: it looks the operation up by method and path template in
 * the table generated from the spec's `x-scopes`, and throws before the request leaves.
 * @param grantedScopes - The scopes the token holds now.
 */
export function createScopeCheckMiddleware(grantedScopes: () => readonly string[]): Middleware {
  return {
    onRequest({ request, schemaPath }) {
      const operation = `${request.method.toUpperCase()} ${schemaPath}`;
      const required = operationScopes[operation];
      // A path outside the spec (a custom `Paths`) has nothing to check against; Zoom will judge it.
      if (required === undefined) return undefined;
      const granted = grantedScopes();
      if (!hasRequiredScope(required, granted)) throw new ZoomScopeError(operation, required, granted);
      return undefined;
    },
  };
}

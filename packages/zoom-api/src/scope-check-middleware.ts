import type { Middleware } from "openapi-fetch";
import { operationScopes } from "./generated/scopes.js";
import { hasRequiredScope } from "./required-scopes.js";
import type { ZoomScopeCheck } from "./scope-check-option.js";
import { ZoomClientOptionsError } from "./zoom-client-options.js";
import { ZoomScopeError } from "./zoom-scope-error.js";

/**
 * A scope check for `createZoomClient({ checkScopes })`: the client refuses, before sending, a call whose
 * operation needs a scope the token lacks, with a {@link ZoomScopeError} naming the alternatives, instead
 * of letting Zoom answer 400 code 4711.
 *
 * @example
 * ```ts
 * import { createZoomClient } from "@org/zoom-api";
 * import { scopeCheck } from "@org/zoom-api/scopes";
 *
 * const client = createZoomClient({ tokens, checkScopes: scopeCheck() });
 * ```
 * @param granted - The scopes the token holds, e.g. a Server-to-Server token's `scopes()`. Left out: the
 *   scopes the client's `tokens` hold (a `ZoomTokens`, or a token source with `snapshot()`), read at
 *   every call, since a refresh may change them; `createZoomClient` then refuses tokens that do not say.
 * @throws {TypeError} when `granted` is not an array of scope names.
 */
export function scopeCheck(granted?: readonly string[]): ZoomScopeCheck {
  if (granted !== undefined && (!Array.isArray(granted) || granted.some((scope) => typeof scope !== "string"))) {
    throw new TypeError("scopeCheck: granted must be an array of scope names (or left out, to read them from tokens)");
  }
  const fixed = granted === undefined ? null : [...granted];
  return {
    middleware(tokenScopes) {
      if (fixed !== null) return createScopeCheckMiddleware(() => fixed);
      if (tokenScopes === null) {
        throw new ZoomClientOptionsError(
          "checkScopes",
          "is scopeCheck(), which reads the scopes from tokens, but the client's tokens do not say which scopes they hold: pass them, scopeCheck(scopes)",
        );
      }
      return createScopeCheckMiddleware(() => tokenScopes() ?? []);
    },
  };
}

/**
 * The scope check as openapi-fetch middleware: it looks the operation up by method and path template in
 * the table generated from the spec's `x-scopes`, and throws before the request leaves.
 * @param grantedScopes - The scopes the token holds now.
 */
function createScopeCheckMiddleware(grantedScopes: () => readonly string[]): Middleware {
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

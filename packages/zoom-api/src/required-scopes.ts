import type { paths } from "./generated/zoom-api.js";
import { operationScopes } from "./generated/scopes.js";
import type { RequiredScopes } from "./zoom-scope-error.js";

/** An HTTP method of the API, in either case. */
export type ZoomHttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "get" | "post" | "put" | "patch" | "delete";

/**
 * The scopes an operation needs, from `x-scopes` in the spec this package was generated from.
 *
 * @example
 * ```ts
 * import { requiredScopes } from "@org/zoom-api/scopes";
 *
 * requiredScopes("GET", "/users/me");
 * // { classic: ["user:read", "user:write", ...], granular: ["user:read:user", "user:read:user:admin"] }
 * ```
 * @param method - The HTTP method.
 * @param path - The path template as the typed client writes it, e.g. `"/users/{userId}"`.
 * @throws {TypeError} when the spec has no such operation.
 */
export function requiredScopes(method: ZoomHttpMethod, path: keyof paths): RequiredScopes {
  const key = `${String(method).toUpperCase()} ${String(path)}`;
  const scopes = operationScopes[key];
  if (scopes === undefined) throw new TypeError(`requiredScopes: the Zoom API has no operation ${key}`);
  return scopes;
}

/** Whether `granted` holds at least one of the scopes `required` accepts. */
export function hasRequiredScope(required: RequiredScopes, granted: Iterable<string>): boolean {
  const held = new Set(granted);
  return required.classic.some((scope) => held.has(scope)) || required.granular.some((scope) => held.has(scope));
}

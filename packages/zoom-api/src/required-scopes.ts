import type { paths } from "./generated/zoom-api.js";
import { operationScopes } from "./generated/scopes.js";

/** An HTTP method of the API, in either case. */
export type ZoomHttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "get" | "post" | "put" | "patch" | "delete";

/**
 * The scopes that allow one operation: any one of them is enough. Zoom apps hold either classic scopes
 * (`user:read`) or granular ones (`user:read:user`), so both lists are given.
 */
export interface RequiredScopes {
  /** Classic scopes (Zoom's "macro" scopes), e.g. `user:read:admin`. */
  readonly classic: readonly string[];
  /** Granular scopes, e.g. `user:read:user:admin`. */
  readonly granular: readonly string[];
}

/**
 * The scopes an operation needs, from `x-scopes` in the spec this package was generated from.
 *
 * @example
 * ```ts
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

/**
 * Thrown before a request is sent, by a client with the scope check on, when the token holds none of
 * the scopes the operation accepts. Add one of {@link ZoomScopeError.required} to the app (classic or
 * granular, as the app uses), and have the user authorize again.
 */
export class ZoomScopeError extends Error {
  override readonly name = "ZoomScopeError";
  /** The operation, e.g. `"GET /users/{userId}"`. */
  readonly operation: string;
  /** The scopes that would allow it (any one). */
  readonly required: RequiredScopes;
  /** The scopes the token holds. */
  readonly granted: readonly string[];

  constructor(operation: string, required: RequiredScopes, granted: readonly string[]) {
    const alternatives = [
      required.classic.length > 0 ? `classic ${required.classic.join(", ")}` : null,
      required.granular.length > 0 ? `granular ${required.granular.join(", ")}` : null,
    ].filter((part) => part !== null);
    super(
      `${operation} needs one of these scopes, which the token lacks: ${alternatives.join("; or ")}. ` +
        `The token holds: ${granted.length > 0 ? granted.join(", ") : "no scopes"}.`,
    );
    this.operation = operation;
    this.required = required;
    this.granted = [...granted];
  }
}

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
 * Thrown before a request is sent, by a client with the scope check on (`scopeCheck()` from
 * `@org/zoom-api/scopes`), when the token holds none of the scopes the operation accepts. Add one of
 * {@link ZoomScopeError.required} to the app (classic or granular, as the app uses), and have the user
 * authorize again.
 */
// Exported from the main entry, apart from the scope table: one error hierarchy, caught without importing the table.
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

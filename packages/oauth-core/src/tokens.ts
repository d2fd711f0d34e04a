import { TokenFieldError } from "./errors.js";

/** Options of {@link OAuth2Tokens}. */
export interface OAuth2TokensOptions {
  /** When the token response was received; expiry is counted from here. Defaults to now. */
  receivedAt?: Date;
}

/**
 * A token response (RFC 6749 section 5.1), with typed accessors.
 *
 * Each accessor reads one field and throws a {@link TokenFieldError} naming the field when
 * it is missing or has the wrong type, so a surprise from the server surfaces where the
 * field is used, with a message that says which one.
 *
 * @example
 * ```ts
 * const tokens = await zoom.validateAuthorizationCode(code, codeVerifier);
 * const accessToken = tokens.accessToken();
 * const expiresAt = tokens.accessTokenExpiresAt(); // the same Date on every call
 * ```
 */
export class OAuth2Tokens {
  /** The parsed response body, as received. */
  readonly data: object;
  /** When the response was received. */
  readonly receivedAt: Date;

  /**
   * @param data - The parsed token response body.
   * @param options - `receivedAt`: when the response arrived (default: now).
   * @throws {TypeError} When `data` is not an object or `receivedAt` is not a valid date.
   */
  constructor(data: object, options: OAuth2TokensOptions = {}) {
    if (data === null || typeof data !== "object" || Array.isArray(data)) {
      throw new TypeError("Token response data must be a JSON object");
    }
    const receivedAt = options.receivedAt ?? new Date();
    if (!(receivedAt instanceof Date) || Number.isNaN(receivedAt.getTime())) {
      throw new TypeError("receivedAt must be a valid Date");
    }
    this.data = data;
    // A copy, so that mutating the caller's Date cannot move the expiry.
    this.receivedAt = new Date(receivedAt.getTime());
  }

  /**
   * Reads a string field.
   *
   * @param field - The field name.
   * @returns Its value.
   * @throws {TokenFieldError} When it is missing or not a string.
   */
  protected stringField(field: string): string {
    const value: unknown = (this.data as Record<string, unknown>)[field];
    if (typeof value !== "string") throw new TokenFieldError(field, "string", value);
    return value;
  }

  /**
   * Reads a finite number field.
   *
   * @param field - The field name.
   * @returns Its value.
   * @throws {TokenFieldError} When it is missing or not a finite number.
   */
  protected numberField(field: string): number {
    const value: unknown = (this.data as Record<string, unknown>)[field];
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new TokenFieldError(field, "number", value);
    }
    return value;
  }

  /**
   * Whether a field holds a string.
   *
   * @param field - The field name.
   */
  protected hasStringField(field: string): boolean {
    return typeof (this.data as Record<string, unknown>)[field] === "string";
  }

  /**
   * The `token_type`, for example `"bearer"` (compare case-insensitively).
   *
   * @throws {TokenFieldError} When absent or not a string.
   */
  tokenType(): string {
    return this.stringField("token_type");
  }

  /**
   * The `access_token`.
   *
   * @throws {TokenFieldError} When absent or not a string.
   */
  accessToken(): string {
    return this.stringField("access_token");
  }

  /**
   * The `expires_in` value: the access token's lifetime in seconds, counted from receipt.
   *
   * @throws {TokenFieldError} When absent or not a number.
   */
  accessTokenExpiresInSeconds(): number {
    return this.numberField("expires_in");
  }

  /**
   * When the access token expires: {@link OAuth2Tokens.receivedAt} plus `expires_in` seconds.
   * Fixed at receipt, so every call returns the same instant.
   *
   * @returns A new `Date` (safe to mutate).
   * @throws {TokenFieldError} When `expires_in` is absent or not a number.
   */
  accessTokenExpiresAt(): Date {
    return new Date(this.receivedAt.getTime() + this.accessTokenExpiresInSeconds() * 1000);
  }

  /** Whether the response has a string `refresh_token`. */
  hasRefreshToken(): boolean {
    return this.hasStringField("refresh_token");
  }

  /**
   * The `refresh_token`.
   *
   * @throws {TokenFieldError} When absent or not a string.
   */
  refreshToken(): string {
    return this.stringField("refresh_token");
  }

  /** Whether the response has a string `scope`. */
  hasScopes(): boolean {
    return this.hasStringField("scope");
  }

  /**
   * The granted scopes: the `scope` field split on spaces.
   *
   * @throws {TokenFieldError} When absent or not a string.
   */
  scopes(): string[] {
    return this.stringField("scope")
      .split(" ")
      .filter((scope) => scope !== "");
  }

  /**
   * The OpenID Connect `id_token`.
   *
   * @throws {TokenFieldError} When absent or not a string.
   */
  idToken(): string {
    return this.stringField("id_token");
  }
}

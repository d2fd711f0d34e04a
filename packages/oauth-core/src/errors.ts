import { redactJson, redactText, sanitizeCause } from "./redaction.js";

/**
 * How many characters of an unexpected body {@link UnexpectedResponseError} keeps: enough
 * to recognise an HTML error page or a proxy message, not enough to carry a whole document.
 */
export const BODY_EXCERPT_LENGTH = 200;

function stringOrNull(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

/** An error's JSON form: its name and message, then the named fields (each class lists the ones it can show). */
function jsonOf<E extends Error>(error: E, ...fields: (keyof E & string)[]): Record<string, unknown> {
  const json: Record<string, unknown> = { name: error.name, message: error.message };
  for (const field of fields) json[field] = error[field];
  return json;
}

/**
 * The authorization server answered with an OAuth 2.0 error (RFC 6749 section 5.2): an
 * HTTP 4xx or 5xx response whose JSON body has a string `error` field.
 *
 * Zoom sends its explanation in a non-standard `reason` field (for example `"Invalid Token!"`)
 * instead of `error_description`: {@link OAuth2RequestError.description} holds whichever the server
 * sent (`error_description` first), and both appear in the message. `reason` is not a field of this
 * class: across the SDK, an error's `reason` is a fixed set of strings saying why it was thrown (see
 * `WebhookVerificationError` and `ZoomPaginationError`), never a server's free text.
 *
 * @example
 * ```ts
 * try {
 *   await zoom.refreshAccessToken(refreshToken);
 * } catch (e) {
 *   if (e instanceof OAuth2RequestError && e.code === "invalid_grant") {
 *     // The refresh token was used, revoked or expired: ask the user to sign in again.
 *   }
 * }
 * ```
 */
export class OAuth2RequestError extends Error {
  override readonly name = "OAuth2RequestError";
  /**
   * The OAuth `error` code the server sent, for example `invalid_grant` or `invalid_client`
   * (`"unknown_error"` when absent). Across the SDK, an error's `code` is the code the server put in its
   * error body, in the server's own type: a string here (RFC 6749), a number on `ZoomApiError`.
   */
  readonly code: string;
  /** The server's explanation: the standard `error_description`, else Zoom's `reason`, when sent. */
  readonly description: string | null;
  /** The standard `error_uri`, when the server sent one. */
  readonly uri: string | null;
  /** The `state` echoed in the error, when the server sent one. */
  readonly state: string | null;
  /** The HTTP status of the response. */
  readonly status: number;
  /** The parsed error body (fields that could hold credentials are replaced by `[REDACTED]`). */
  readonly data: object;

  /**
   * @param status - The HTTP status of the response.
   * @param data - The parsed JSON error body; its `error` field becomes {@link OAuth2RequestError.code}.
   */
  constructor(status: number, data: Readonly<Record<string, unknown>>) {
    const safeData = redactJson(data, []) as Record<string, unknown>;
    const code = stringOrNull(safeData.error) ?? "unknown_error";
    const description = stringOrNull(safeData.error_description);
    const reason = stringOrNull(safeData.reason);
    const details = [...new Set([description, reason].filter((text) => text !== null))];
    super(
      `OAuth2 request failed with ${code}${details.length > 0 ? `: ${details.join("; ")}` : ""}`,
    );
    this.code = code;
    this.description = description ?? reason;
    this.uri = stringOrNull(safeData.error_uri);
    this.state = stringOrNull(safeData.state);
    this.status = status;
    this.data = safeData;
  }

  /** A JSON form with the error's fields (never a credential). */
  toJSON(): Record<string, unknown> {
    return jsonOf(this, "status", "code", "description", "uri", "state", "data");
  }
}

function describeCause(cause: unknown): string {
  if (cause instanceof Error) {
    // undici rejects with a bare "fetch failed" and puts the useful part (ECONNREFUSED,
    // certificate errors, ...) in its own cause.
    const inner = cause.cause instanceof Error ? ` (${cause.cause.message})` : "";
    return `${cause.message}${inner}`;
  }
  return String(cause);
}

/** Options of {@link OAuth2FetchError}. */
export interface OAuth2FetchErrorOptions {
  /** What was being done, for example `"Request to https://zoom.us/oauth/token timed out after 10000 ms"`. */
  context?: string;
  /** Values to keep out of the message, should the cause's message contain them. */
  secrets?: readonly string[];
  /** Whether the request's time limit ended it. Defaults to `false`. */
  timedOut?: boolean;
}

/**
 * What every "no answer" error of the Zoom SDK carries, in `@org/oauth-core` and `@org/zoom-auth`
 * ({@link OAuth2FetchError}) as in `@org/zoom-api` (`ZoomNetworkError`, `ZoomTimeoutError`):
 * `kind: "unreachable"`, so that an app can tell "Zoom could not be reached" from every
 * answer Zoom gave with one check, whichever package threw.
 *
 * @example
 * ```ts
 * catch (error) {
 *   if (isUnreachableError(error)) return retryLater(error.timedOut);
 *   throw error;
 * }
 * ```
 */
export interface UnreachableError extends Error {
  /** Always `"unreachable"`: no answer from the server was classified. */
  readonly kind: "unreachable";
  /** Whether the time limit (`timeoutMs`) ended the request, rather than a network failure or an abort. */
  readonly timedOut: boolean;
}

/**
 * Whether an error is a "no answer" error of any package of the SDK (see {@link UnreachableError}).
 *
 * @param error - Anything caught.
 */
export function isUnreachableError(error: unknown): error is UnreachableError {
  return error instanceof Error && (error as Partial<UnreachableError>).kind === "unreachable";
}

/**
 * The request could not be completed: `fetch()` rejected (network failure, DNS, TLS), the
 * request timed out or was aborted, or the response body could not be read. No answer
 * from the server was classified.
 *
 * The message includes the cause's message. `cause` holds a copy of the original error (name,
 * message, `code`, and its own cause), with secrets redacted: a malformed answer can echo the
 * request into the low-level error.
 */
export class OAuth2FetchError extends Error implements UnreachableError {
  override readonly name = "OAuth2FetchError";
  /** Shared by every "no answer" error of the SDK: see {@link isUnreachableError}. */
  readonly kind = "unreachable";
  /** Whether the request's time limit ended it (rather than a network failure or an abort). */
  readonly timedOut: boolean;
  /** A redacted copy of what `fetch()` (or reading the body) threw. */
  declare readonly cause: unknown;

  /**
   * @param cause - What `fetch()` or reading the body threw.
   * @param options - Context for the message, values to redact from it, and whether it timed out.
   */
  constructor(cause: unknown, options: OAuth2FetchErrorOptions = {}) {
    const context = options.context ?? "Failed to send request";
    const secrets = options.secrets ?? [];
    super(`${context}: ${redactText(describeCause(cause), secrets)}`, { cause: sanitizeCause(cause, secrets) });
    this.timedOut = options.timedOut ?? false;
  }

  /** A JSON form with the name, message, kind and `timedOut` (the cause is left out: it is not ours to serialise). */
  toJSON(): Record<string, unknown> {
    return jsonOf(this, "kind", "timedOut");
  }
}

function excerptOf(body: string, secrets: readonly string[]): string {
  let redacted: string;
  try {
    // JSON is redacted by structure, which catches tokens of any shape (arrays, numbers).
    redacted = JSON.stringify(redactJson(JSON.parse(body), secrets));
  } catch {
    redacted = redactText(body, secrets);
  }
  // Redact before cutting, so that a secret cut in half cannot slip through.
  return redacted.slice(0, BODY_EXCERPT_LENGTH);
}

/**
 * The server answered, but not in a form this client can trust: a 2xx body that is not
 * a JSON object with a string `access_token`, an error status with a body that is not
 * JSON (an HTML page from a proxy, for instance), or a status outside 2xx/4xx/5xx.
 */
export class UnexpectedResponseError extends Error {
  override readonly name = "UnexpectedResponseError";
  /** The HTTP status of the response. */
  readonly status: number;
  /** The `Content-Type` header (redacted, at most 200 characters), or `null` when absent. */
  readonly contentType: string | null;
  /** The start of the body, at most 200 characters, with credentials redacted. */
  readonly bodyExcerpt: string;

  /**
   * @param status - The HTTP status of the response.
   * @param contentType - The `Content-Type` header, or `null`.
   * @param body - The body text; only a redacted excerpt is kept.
   * @param options - `expected` says what the body should have been; `secrets` are values to redact.
   */
  constructor(
    status: number,
    contentType: string | null,
    body: string,
    options: { expected?: string; secrets?: readonly string[] } = {},
  ) {
    const expected = options.expected ? `: expected ${options.expected}` : "";
    // A header can echo what was sent too, and be of any length: redacted and cut like the body.
    const safeContentType =
      contentType === null ? null : redactText(contentType, options.secrets ?? []).slice(0, BODY_EXCERPT_LENGTH);
    super(`Unexpected response: HTTP ${status} (${safeContentType ?? "no content type"})${expected}`);
    this.status = status;
    this.contentType = safeContentType;
    this.bodyExcerpt = excerptOf(body, options.secrets ?? []);
  }

  /** A JSON form with the error's fields (the excerpt is already redacted). */
  toJSON(): Record<string, unknown> {
    return jsonOf(this, "status", "contentType", "bodyExcerpt");
  }
}

/**
 * The server answered with an error status and a JSON body that is not an OAuth 2.0
 * error object (no string `error` field).
 */
export class UnexpectedErrorResponseBodyError extends Error {
  override readonly name = "UnexpectedErrorResponseBodyError";
  /** The HTTP status of the response. */
  readonly status: number;
  /** The parsed JSON body, with credentials redacted. */
  readonly data: unknown;

  /**
   * @param status - The HTTP status of the response.
   * @param data - The parsed JSON body.
   * @param options - `secrets` are values to redact from the body.
   */
  constructor(status: number, data: unknown, options: { secrets?: readonly string[] } = {}) {
    super(`Unexpected error response: HTTP ${status} with a JSON body that has no string "error"`);
    this.status = status;
    this.data = redactJson(data, options.secrets ?? []);
  }

  /** A JSON form with the error's fields (the data is already redacted). */
  toJSON(): Record<string, unknown> {
    return jsonOf(this, "status", "data");
  }
}

function describeType(type: string): string {
  if (type === "null") return "null";
  return `${/^[aeiou]/.test(type) ? "an" : "a"} ${type}`;
}

/**
 * A token accessor was called for a field the token response lacks, or holds with the
 * wrong type (for example `refreshToken()` on a Server-to-Server token, which has none).
 */
export class TokenFieldError extends Error {
  override readonly name = "TokenFieldError";
  /** The missing or malformed field, for example `"refresh_token"`. */
  readonly field: string;
  /** The JSON type the field should have. */
  readonly expected: "string" | "number";
  /** What was found instead: `"missing"`, `"out of range"` or the JSON type of the value (never the value). */
  readonly actual: string;

  /**
   * @param field - The field name.
   * @param expected - The type it should have.
   * @param value - The value found (only its type is kept).
   * @param range - For a number of the right type but an unusable value (`Infinity`, a
   *   fraction, out of bounds): what it should be, e.g. `"a whole number from 1 to 10"`. The
   *   error's `actual` is then `"out of range"`.
   */
  constructor(field: string, expected: "string" | "number", value: unknown, range?: string) {
    const actual =
      range !== undefined
        ? "out of range"
        : value === undefined
          ? "missing"
          : value === null
            ? "null"
            : Array.isArray(value)
              ? "array"
              : typeof value;
    super(
      actual === "missing"
        ? `Token response has no "${field}" field`
        : actual === "out of range"
          ? `Token response field "${field}" is out of range, expected ${range}`
          : `Token response field "${field}" is ${describeType(actual)}, expected a ${expected}`,
    );
    this.field = field;
    this.expected = expected;
    this.actual = actual;
  }

  /** A JSON form with the error's fields. */
  toJSON(): Record<string, unknown> {
    return jsonOf(this, "field", "expected", "actual");
  }
}

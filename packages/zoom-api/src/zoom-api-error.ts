import { readRateLimit, type ZoomRateLimit } from "./rate-limit.js";
import { redactText, redactValue, sentTokenOf } from "./redaction.js";

/** One entry of the `errors` list Zoom adds to validation failures (code 300). */
export interface ZoomFieldError {
  /** The request field that failed validation, when Zoom names one. */
  readonly field?: string;
  /** Zoom's explanation for that field. */
  readonly message: string;
}

/** What {@link ZoomApiError}'s constructor takes. */
export interface ZoomApiErrorInit {
  /** HTTP status. */
  readonly status: number;
  /** Zoom's numeric error code, or `null`. */
  readonly code: number | null;
  /** Zoom's message, or a description of the HTTP status. */
  readonly message: string;
  /** Zoom's per-field validation errors. */
  readonly errors: readonly ZoomFieldError[];
  /** The `x-zm-trackingid` header, or `null`. */
  readonly trackingId: string | null;
  /** Rate-limit headers of a 429, else `null`. */
  readonly rateLimit: ZoomRateLimit | null;
  /** The error body as received. */
  readonly body: unknown;
}

/**
 * A non-2xx answer from Zoom's REST API, for callers who prefer exceptions (`throwOnError: true`,
 * {@link unwrap}, {@link paginate}). Built in one place, so every path reports the same fields.
 */
export class ZoomApiError extends Error {
  override readonly name = "ZoomApiError";
  /** HTTP status, e.g. 404. */
  readonly status: number;
  /**
   * Zoom's numeric error code from the body (e.g. 124 invalid token, 1001 user does not exist), or `null`.
   * As everywhere in the SDK, `code` is the code the server sent, in the server's own type: Zoom's REST
   * API numbers its errors, its OAuth endpoints name them (`OAuth2RequestError.code`, a string).
   */
  readonly code: number | null;
  /** Zoom's per-field validation errors; empty when there are none. */
  readonly errors: readonly ZoomFieldError[];
  /** The `x-zm-trackingid` response header, to quote to Zoom support. */
  readonly trackingId: string | null;
  /** For a 429: what the rate-limit headers said. `null` for every other status. */
  readonly rateLimit: ZoomRateLimit | null;
  /**
   * The error body: parsed JSON when it was JSON, else text, else `undefined`; with the access token
   * redacted and values nested deeper than 32 levels replaced by `"[TOO DEEP]"`.
   */
  readonly body: unknown;

  constructor(init: ZoomApiErrorInit) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.errors = init.errors;
    this.trackingId = init.trackingId;
    this.rateLimit = init.rateLimit;
    this.body = init.body;
  }

  /** A JSON form with the error's fields. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      code: this.code,
      errors: this.errors,
      trackingId: this.trackingId,
      rateLimit: this.rateLimit,
      body: this.body,
    };
  }
}

/**
 * Builds the {@link ZoomApiError} for a non-2xx response: the one place where Zoom's error body
 * (`{ code, message, errors? }`) and headers are interpreted. When the response came through a
 * client of this package, the access token its request carried is redacted from every field (a
 * server may echo it), and the body is copied to a bounded depth.
 * @param response - the failed response (its body is not read here).
 * @param receivedBody - its body, already read: parsed JSON, text, or `undefined`.
 * @param now - current time in ms, to resolve relative `Retry-After` values. Defaults to `Date.now()`.
 */
export function createZoomApiError(response: Response, receivedBody: unknown, now: number = Date.now()): ZoomApiError {
  const token = sentTokenOf(response);
  const body = redactValue(receivedBody, token);
  const header = (name: string): string | null => {
    const value = response.headers.get(name);
    return value === null ? null : redactText(value, token);
  };
  const zoomBody = isRecord(body) ? body : {};
  const code = typeof zoomBody.code === "number" ? zoomBody.code : null;
  const zoomMessage = typeof zoomBody.message === "string" && zoomBody.message !== "" ? zoomBody.message : null;
  const statusText = response.statusText ? ` ${redactText(response.statusText, token)}` : "";
  return new ZoomApiError({
    status: response.status,
    code,
    message: zoomMessage ?? `Zoom API answered HTTP ${response.status}${statusText}`,
    errors: readFieldErrors(zoomBody.errors),
    trackingId: header("x-zm-trackingid"),
    rateLimit: response.status === 429 ? redactRateLimit(readRateLimit(response.headers, now), token) : null,
    body,
  });
}

/**
 * Reads a failed response's body the way openapi-fetch does (JSON when it parses, else text) and builds
 * its {@link ZoomApiError}. The body is read, never cancelled: cancelling a mocked body hangs under MSW.
 */
export async function readZoomApiError(response: Response, now?: number): Promise<ZoomApiError> {
  let body: unknown;
  try {
    const text = await response.text();
    body = text === "" ? undefined : parseJsonOrText(text);
  } catch {
    body = undefined;
  }
  return createZoomApiError(response, body, now);
}

function parseJsonOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function redactRateLimit(rateLimit: ZoomRateLimit, token: string | null): ZoomRateLimit {
  const redact = (value: string | null) => (value === null ? null : redactText(value, token));
  return { ...rateLimit, type: redact(rateLimit.type), category: redact(rateLimit.category) };
}

function readFieldErrors(value: unknown): readonly ZoomFieldError[] {
  if (!Array.isArray(value)) return [];
  const errors: ZoomFieldError[] = [];
  for (const entry of value) {
    if (!isRecord(entry)) continue;
    const message = typeof entry.message === "string" ? entry.message : "";
    errors.push(typeof entry.field === "string" ? { field: entry.field, message } : { message });
  }
  return errors;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Failures to get any HTTP answer from Zoom. Their messages name the method and URL, never a header:
 * the access token cannot leak through them.
 */

/** What both transport error classes record about the request that failed. */
export interface ZoomRequestDescription {
  /** HTTP method, e.g. `"GET"`. */
  readonly method: string;
  /** Request URL without its query string (query values may carry personal data). */
  readonly url: string;
}

/**
 * The request got no complete HTTP answer: DNS, connection refused, a connection reset before or in
 * the middle of the body, TLS... A copy of the low-level error is kept as `cause`: its name, message
 * and `code`, with the access token redacted (a malformed answer can echo the request).
 *
 * Like every "no answer" error of the SDK (`OAuth2FetchError` of `@org/oauth-core` and
 * `@org/zoom-auth` too), it has `kind: "unreachable"` and `timedOut`: {@link isUnreachableError}
 * catches them all at once.
 */
export class ZoomNetworkError extends Error {
  override readonly name: "ZoomNetworkError" | "ZoomTimeoutError" = "ZoomNetworkError";
  /** Shared by every "no answer" error of the SDK: see {@link isUnreachableError}. */
  readonly kind = "unreachable";
  /** Whether the time limit (`timeoutMs`) ended the request: `true` exactly for {@link ZoomTimeoutError}. */
  readonly timedOut: boolean = false;
  /** HTTP method of the failed request. */
  readonly method: string;
  /** URL of the failed request, without its query string. */
  readonly url: string;

  constructor(request: ZoomRequestDescription, options?: { cause?: unknown; message?: string }) {
    super(options?.message ?? `Network error: ${request.method} ${request.url} got no complete response`, {
      cause: options?.cause,
    });
    this.method = request.method;
    this.url = request.url;
  }

  /** A JSON form with the error's fields (the cause is left out: it is not ours to serialise). */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      kind: this.kind,
      timedOut: this.timedOut,
      method: this.method,
      url: this.url,
    };
  }
}

/**
 * An attempt did not complete (headers and whole body) within `timeoutMs`. A {@link ZoomNetworkError},
 * so one `instanceof` catches both.
 */
export class ZoomTimeoutError extends ZoomNetworkError {
  override readonly name: "ZoomTimeoutError" = "ZoomTimeoutError";
  override readonly timedOut: boolean = true;
  /** The timeout that elapsed, in milliseconds. */
  readonly timeoutMs: number;

  constructor(request: ZoomRequestDescription, timeoutMs: number) {
    super(request, { message: `Timeout: ${request.method} ${request.url} did not complete within ${timeoutMs} ms` });
    this.timeoutMs = timeoutMs;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), timeoutMs: this.timeoutMs };
  }
}

/**
 * Whether an error is a "no answer" error of any package of the SDK: `ZoomNetworkError` and
 * `ZoomTimeoutError` here, `OAuth2FetchError` of `@org/oauth-core` and `@org/zoom-auth`. They all
 * carry `kind: "unreachable"` and `timedOut`, so this one check (or the same function exported by
 * `@org/oauth-core`) tells "Zoom could not be reached" from every answer Zoom gave.
 *
 * @example
 * ```ts
 * try {
 *   await unwrap(client.GET("/users/me"));
 * } catch (error) {
 *   if (isUnreachableError(error)) return showOffline(error.timedOut);
 *   throw error;
 * }
 * ```
 */
export function isUnreachableError(error: unknown): error is Error & { readonly kind: "unreachable"; readonly timedOut: boolean } {
  return error instanceof Error && (error as { kind?: unknown }).kind === "unreachable";
}

/** Describes a request for an error message: method and URL without query string or fragment. */
export function describeRequest(request: Request): ZoomRequestDescription {
  const url = new URL(request.url);
  return { method: request.method, url: `${url.origin}${url.pathname}` };
}

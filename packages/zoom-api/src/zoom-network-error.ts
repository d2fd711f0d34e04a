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
 * The request never got an HTTP answer (DNS, connection refused or reset, TLS...). The low-level error
 * is kept as `cause`.
 */
export class ZoomNetworkError extends Error {
  override readonly name: string = "ZoomNetworkError";
  /** HTTP method of the failed request. */
  readonly method: string;
  /** URL of the failed request, without its query string. */
  readonly url: string;

  constructor(request: ZoomRequestDescription, options?: { cause?: unknown; message?: string }) {
    super(options?.message ?? `Network error: ${request.method} ${request.url} got no response`, {
      cause: options?.cause,
    });
    this.method = request.method;
    this.url = request.url;
  }
}

/** The request got no response headers within `timeoutMs`. A {@link ZoomNetworkError}, so one `instanceof` catches both. */
export class ZoomTimeoutError extends ZoomNetworkError {
  override readonly name: string = "ZoomTimeoutError";
  /** The timeout that elapsed, in milliseconds. */
  readonly timeoutMs: number;

  constructor(request: ZoomRequestDescription, timeoutMs: number) {
    super(request, { message: `Timeout: ${request.method} ${request.url} got no response within ${timeoutMs} ms` });
    this.timeoutMs = timeoutMs;
  }
}

/** Describes a request for an error message: method and URL without query string or fragment. */
export function describeRequest(request: Request): ZoomRequestDescription {
  const url = new URL(request.url);
  return { method: request.method, url: `${url.origin}${url.pathname}` };
}

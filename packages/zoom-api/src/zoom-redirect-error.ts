import type { ZoomRequestDescription } from "./zoom-network-error.js";

/**
 * Zoom's API answered with a redirect the client will not follow: to another origin (following it
 * would hand the request, and its body, to a server that is not Zoom's), or more than
 * 5 redirects in a row. Never retried.
 */
export class ZoomRedirectError extends Error {
  override readonly name = "ZoomRedirectError";
  /** HTTP method of the request. */
  readonly method: string;
  /** URL of the request, without its query string. */
  readonly url: string;
  /** The redirect's status, e.g. 307. */
  readonly status: number;
  /** The origin the redirect pointed to (never its path or query, which may carry data). */
  readonly locationOrigin: string;

  constructor(request: ZoomRequestDescription, status: number, locationOrigin: string, reason: "cross-origin" | "too-many") {
    super(
      reason === "cross-origin"
        ? `Redirect refused: ${request.method} ${request.url} answered ${status} to another origin (${locationOrigin})`
        : `Redirect refused: ${request.method} ${request.url} redirected more than ${MAX_REDIRECTS} times`,
    );
    this.method = request.method;
    this.url = request.url;
    this.status = status;
    this.locationOrigin = locationOrigin;
  }

  /** A JSON form with the error's fields. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      method: this.method,
      url: this.url,
      status: this.status,
      locationOrigin: this.locationOrigin,
    };
  }
}

/** The most same-origin redirects followed for one attempt. */
export const MAX_REDIRECTS = 5;

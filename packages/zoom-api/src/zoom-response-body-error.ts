import { redactText } from "./redaction.js";

/** How many characters of an unreadable body {@link ZoomResponseBodyError} keeps. */
export const BODY_EXCERPT_LENGTH = 200;

/**
 * A 2xx answer whose body is not the JSON the operation promises (an HTML page from a proxy, a
 * truncated document...). Carries the status and a short excerpt, with the access token redacted.
 */
export class ZoomResponseBodyError extends Error {
  override readonly name = "ZoomResponseBodyError";
  /** HTTP status of the answer. */
  readonly status: number;
  /** The `Content-Type` header (redacted, cut to 200 characters), or `null`. */
  readonly contentType: string | null;
  /** The start of the body, at most 200 characters, with the access token redacted. */
  readonly bodyExcerpt: string;

  constructor(status: number, contentType: string | null, body: string, token: string | null) {
    const safeContentType = contentType === null ? null : redactText(contentType, token).slice(0, BODY_EXCERPT_LENGTH);
    super(`Unreadable response: HTTP ${status} (${safeContentType ?? "no content type"}) is not valid JSON`);
    this.status = status;
    this.contentType = safeContentType;
    // Redact before cutting, so that a token cut in half cannot slip through.
    this.bodyExcerpt = redactText(body, token).slice(0, BODY_EXCERPT_LENGTH);
  }

  /** A JSON form with the error's fields. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      contentType: this.contentType,
      bodyExcerpt: this.bodyExcerpt,
    };
  }
}

import type { Middleware } from "openapi-fetch";
import { sentTokenOf } from "./redaction.js";
import { ZoomResponseBodyError } from "./zoom-response-body-error.js";

const streamedRequests = new WeakSet<Request>();

/**
 * Whether the caller asked for the body as a stream (`parseAs: "stream"`, e.g. a recording download):
 * the transport then hands the body on as it arrives, ended by the call's `signal`, instead of reading
 * it whole under the attempt's deadline.
 */
export function isStreamedRequest(request: Request): boolean {
  return streamedRequests.has(request);
}

/**
 * The middleware every client gets, registered first (so that it sees the request first and the
 * final response last):
 * - marks requests whose body is wanted as a stream, for the transport;
 * - checks that a 2xx body read as JSON (the default `parseAs`) is JSON, where openapi-fetch would
 *   throw a bare `SyntaxError`: a {@link ZoomResponseBodyError} with the status and an excerpt. The
 *   transport already holds the body in memory; a clone is read, the response handed on untouched.
 */
export const responseBodyMiddleware: Middleware = {
  onRequest({ request, options }) {
    if (options.parseAs === "stream") streamedRequests.add(request);
  },
  async onResponse({ request, response, options }) {
    if (!response.ok || options.parseAs !== "json" || response.status === 204 || request.method === "HEAD") return;
    const text = await response.clone().text();
    if (text === "") return;
    try {
      JSON.parse(text);
    } catch {
      throw new ZoomResponseBodyError(response.status, response.headers.get("Content-Type"), text, sentTokenOf(response));
    }
  },
};

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
 * - gives a 2xx response read as JSON (the default `parseAs`) a `json()` that throws a
 *   {@link ZoomResponseBodyError} with the status and an excerpt where the body is not JSON, where
 *   openapi-fetch would throw a bare `SyntaxError`. openapi-fetch's own read stays the only parse.
 */
export const responseBodyMiddleware: Middleware = {
  onRequest({ request, options }) {
    if (options.parseAs === "stream") streamedRequests.add(request);
  },
  onResponse({ request, response, options }) {
    if (!response.ok || options.parseAs !== "json" || response.status === 204 || request.method === "HEAD") return;
    Object.defineProperty(response, "json", {
      value: async () => {
        const text = await response.text();
        try {
          return JSON.parse(text);
        } catch {
          throw new ZoomResponseBodyError(response.status, response.headers.get("Content-Type"), text, sentTokenOf(response));
        }
      },
    });
  },
};

import type { Middleware } from "openapi-fetch";
import { readZoomApiError } from "./zoom-api-error.js";

/**
 * The `throwOnError` behaviour as openapi-fetch middleware: every final non-2xx answer (after retries)
 * becomes a thrown {@link ZoomApiError}.
 * @param clock - current time in ms, to resolve relative `Retry-After` values in the error's rate-limit info.
 */
export function createThrowOnErrorMiddleware(clock: () => number): Middleware {
  return {
    async onResponse({ response }) {
      if (!response.ok) throw await readZoomApiError(response, clock());
    },
  };
}

import openapiFetch, { type Client } from "openapi-fetch";
import type { paths } from "./generated/zoom-api.js";
import { responseBodyMiddleware } from "./response-body-middleware.js";
import { serializeZoomBody } from "./multipart-body.js";
import { createThrowOnErrorMiddleware } from "./throw-on-error-middleware.js";
import { resolveZoomClientOptions, type ZoomClientOptions } from "./zoom-client-options.js";
import { createZoomTransport } from "./zoom-transport.js";

// Our CommonJS build (esbuild, Node-compatible interop) hands the default import the whole exports
// object of openapi-fetch's CJS file, whose function is then under `.default`; the ESM build gets the function.
const createClient: typeof openapiFetch =
  typeof openapiFetch === "function"
    ? openapiFetch
    : (openapiFetch as unknown as { default: typeof openapiFetch }).default;

/** A typed client for Zoom's REST API: an openapi-fetch `Client` over the project's spec. */
export type ZoomClient = Client<paths>;

/**
 * Creates a typed Zoom REST API client.
 *
 * Every call goes through one transport (token, timeout, abort, retries) and, with `throwOnError`, one
 * middleware turning non-2xx answers into {@link ZoomApiError}. Options are validated here, at once.
 * Bodies are sent as JSON, except uploads: an object body holding a `Blob` or `File` (the typed body of
 * a `multipart/form-data` operation) is sent as multipart form data.
 *
 * @example
 * ```ts
 * const client = createZoomClient({ getAccessToken: () => tokens.accessToken() });
 * const { data, error } = await client.GET("/users/me");
 * ```
 * @typeParam Paths - the API description; defaults to the generated `paths` of Zoom's API. Override it
 *   only to use a spec of your own with the same behaviour.
 * @throws {ZoomClientOptionsError} when an option is missing or wrong.
 */
export function createZoomClient<Paths extends {} = paths>(options: ZoomClientOptions): Client<Paths> {
  const resolved = resolveZoomClientOptions(options);
  const client = createClient<Paths>({ baseUrl: resolved.baseUrl, fetch: createZoomTransport(resolved), bodySerializer: serializeZoomBody });
  // Registered first: it sees the request first and the final response last.
  client.use(responseBodyMiddleware);
  if (resolved.throwOnError) client.use(createThrowOnErrorMiddleware(resolved.clock));
  return client;
}

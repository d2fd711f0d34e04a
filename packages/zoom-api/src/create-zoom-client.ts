import openapiFetch, { type Client } from "openapi-fetch";
import type { paths } from "./generated/zoom-api.js";
import { responseBodyMiddleware } from "./response-body-middleware.js";
import { registerClientContext } from "./client-context.js";
import { serializeZoomBody } from "./multipart-body.js";
import { scopeCheckMiddleware } from "./scope-check-option.js";
import { createThrowOnErrorMiddleware } from "./throw-on-error-middleware.js";
import { applyTokenOptions } from "./token-options.js";
import { resolveZoomClientOptions, type ZoomClientOptions } from "./zoom-client-options.js";
import { createZoomTransport } from "./zoom-transport.js";

// Our CommonJS build (esbuild, Node-compatible interop) hands the default import the whole exports
// object of openapi-fetch's CJS file, whose function is then under `.default`; the ESM build gets the function.
// Looked up at each call, not at module level: reading `.default` there would count as a side effect and
// pull openapi-fetch into every bundle that imports anything from this package (an error class, `unwrap`).
function openapiCreateClient(): typeof openapiFetch {
  return typeof openapiFetch === "function" ? openapiFetch : (openapiFetch as unknown as { default: typeof openapiFetch }).default;
}

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
 * const client = createZoomClient({ tokens }); // ZoomTokens or a token source: its api_url is the base
 * // or: createZoomClient({ getAccessToken: () => source.getAccessToken() })
 * const { data, error } = await client.GET("/users/me");
 * ```
 * @typeParam Paths - the API description; defaults to the generated `paths` of Zoom's API. Override it
 *   only to use a spec of your own with the same behaviour.
 * @throws {ZoomClientOptionsError} when an option is missing or wrong.
 */
export function createZoomClient<Paths extends {} = paths>(options: ZoomClientOptions): Client<Paths> {
  const { options: plain, grantedScopes } = applyTokenOptions(options);
  const { checkScopes, ...clientOptions } = plain ?? {};
  const resolved = resolveZoomClientOptions(plain === null || typeof plain !== "object" ? plain : clientOptions);
  const scopeCheck = scopeCheckMiddleware(checkScopes, grantedScopes);
  const client = openapiCreateClient()<Paths>({ baseUrl: resolved.baseUrl, fetch: createZoomTransport(resolved), bodySerializer: serializeZoomBody });
  // Registered first: it sees the request first and the final response last.
  client.use(responseBodyMiddleware);
  // Before throwOnError's middleware: a call refused here never reaches the network.
  if (scopeCheck !== null) client.use(scopeCheck);
  if (resolved.throwOnError) client.use(createThrowOnErrorMiddleware(resolved.clock));
  registerClientContext(client, resolved);
  return client;
}


import type { HttpMethod, OpenApiDocument } from "../validation/openapi-document.js";
import { createPathMatcher } from "../validation/path-matcher.js";

/** One operation of specs/zoom-api.yaml as the handlers route it. */
export interface ApiRoute {
  method: HttpMethod;
  /** The spec's path template, e.g. `/users/{userId}`. */
  pathTemplate: string;
  /** The msw path, matched on path only so any origin works: `*\/v2/users/:userId`. */
  mswPath: string;
  operationId: string;
  /** The operation's rate-limit label (`LIGHT`, `MEDIUM`, `HEAVY`, `RESOURCE_INTENSIVE`), when the spec gives one. */
  rateLimitLabel: string | undefined;
}

/**
 * The route table of an OpenAPI document: one entry per operation, in the order of the spec's
 * {@link createPathMatcher path matcher} (most specific path first, so `GET /users/me` comes before
 * `GET /users/{userId}`). Throws when an operation has no operationId, because the handlers dispatch on it.
 */
export function buildRouteTable(spec: OpenApiDocument): ApiRoute[] {
  const { basePath, operations } = createPathMatcher(spec);
  return operations.map(({ method, pathTemplate, operation }) => {
    if (typeof operation.operationId !== "string" || operation.operationId === "") {
      throw new Error(`specs/zoom-api.yaml: ${method.toUpperCase()} ${pathTemplate} has no operationId`);
    }
    const label = operation["x-zoom-rate-limit"];
    return {
      method,
      pathTemplate,
      mswPath: `*${basePath}${pathTemplate.replace(/\{([^}]+)\}/g, ":$1")}`,
      operationId: operation.operationId,
      rateLimitLabel: typeof label === "string" ? label : undefined,
    };
  });
}

import { HTTP_METHODS, type HttpMethod, type OpenApiDocument } from "../validation/openapi-document.js";

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

/** Counts the literal segments of a template: more literal segments means more specific. */
function literalSegments(template: string): number {
  return template.split("/").filter((segment) => segment !== "" && !segment.startsWith("{")).length;
}

/**
 * The route table of an OpenAPI document: one entry per operation, most specific path first, so
 * `GET /users/me` comes before `GET /users/{userId}`. Throws when an operation has no operationId,
 * because the handlers dispatch on it.
 */
export function buildRouteTable(spec: OpenApiDocument): ApiRoute[] {
  const serverUrl = spec.servers?.[0]?.url;
  const basePath = serverUrl && URL.canParse(serverUrl) ? new URL(serverUrl).pathname.replace(/\/$/, "") : "";
  const routes: ApiRoute[] = [];
  for (const [pathTemplate, item] of Object.entries(spec.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (operation === undefined) continue;
      if (typeof operation.operationId !== "string" || operation.operationId === "") {
        throw new Error(`specs/zoom-api.yaml: ${method.toUpperCase()} ${pathTemplate} has no operationId`);
      }
      const label = operation["x-zoom-rate-limit"];
      routes.push({
        method,
        pathTemplate,
        mswPath: `*${basePath}${pathTemplate.replace(/\{([^}]+)\}/g, ":$1")}`,
        operationId: operation.operationId,
        rateLimitLabel: typeof label === "string" ? label : undefined,
      });
    }
  }
  return routes.sort((a, b) => literalSegments(b.pathTemplate) - literalSegments(a.pathTemplate));
}

import { HTTP_METHODS, type HttpMethod, type OpenApiDocument, type OpenApiOperation } from "./openapi-document.js";

/** An operation of a spec, with the path template it is served under. */
export interface SpecOperation {
  method: HttpMethod;
  /** The spec's path template, e.g. `/users/{userId}`. */
  pathTemplate: string;
  operation: OpenApiOperation;
}

/** An operation of the spec matched to a concrete request path. */
export interface MatchedOperation extends SpecOperation {
  operationId: string | undefined;
  /** Values of the template's `{placeholders}`, decoded. */
  pathParams: Record<string, string>;
  /** `"GET /users/{userId}"`, used in messages. */
  label: string;
}

/** Finds the operation a request path is for: the one place the mock reads the spec's path templates. */
export interface PathMatcher {
  /** The path of the spec's first server URL (`/v2` for `https://api.zoom.us/v2`), stripped before matching. */
  readonly basePath: string;
  /** Every operation of the spec, most specific path first (`GET /users/me` before `GET /users/{userId}`). */
  readonly operations: readonly SpecOperation[];
  /** The operation for a method and a request path (with or without the base path), or `null`. */
  match(method: string, pathOrUrl: string | URL): MatchedOperation | null;
}

interface CompiledTemplate {
  template: string;
  pattern: RegExp;
  names: string[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Counts the literal segments of a template: more literal segments means more specific. */
function literalSegments(template: string): number {
  return template.split("/").filter((segment) => segment !== "" && !segment.startsWith("{")).length;
}

function compileTemplate(template: string): CompiledTemplate {
  const names: string[] = [];
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const name = /^\{([^}]+)\}$/.exec(part)?.[1];
      if (name === undefined) return escapeRegExp(part);
      names.push(name);
      return "([^/]+)";
    })
    .join("");
  return { template, pattern: new RegExp(`^${source}/?$`), names };
}

/**
 * The path matcher of an OpenAPI document. Templates are tried most specific first, so a literal
 * path (`/users/me`) wins over a template that would also match it (`/users/{userId}`).
 */
export function createPathMatcher(spec: OpenApiDocument): PathMatcher {
  const serverUrl = spec.servers?.[0]?.url;
  const basePath = serverUrl && URL.canParse(serverUrl) ? new URL(serverUrl).pathname.replace(/\/$/, "") : "";
  const templates = Object.keys(spec.paths ?? {})
    .sort((a, b) => literalSegments(b) - literalSegments(a))
    .map(compileTemplate);
  const operations: SpecOperation[] = templates.flatMap(({ template }) =>
    HTTP_METHODS.flatMap((method) => {
      const operation = spec.paths?.[template]?.[method];
      return operation === undefined ? [] : [{ method, pathTemplate: template, operation }];
    }),
  );

  const match = (method: string, pathOrUrl: string | URL): MatchedOperation | null => {
    const lowerMethod = method.toLowerCase();
    if (!(HTTP_METHODS as readonly string[]).includes(lowerMethod)) return null;
    const httpMethod = lowerMethod as HttpMethod;
    let path = typeof pathOrUrl === "string" ? pathOrUrl : pathOrUrl.pathname;
    if (typeof pathOrUrl === "string" && URL.canParse(pathOrUrl)) path = new URL(pathOrUrl).pathname;
    if (basePath && (path === basePath || path.startsWith(`${basePath}/`))) path = path.slice(basePath.length) || "/";
    for (const { template, pattern, names } of templates) {
      const found = pattern.exec(path);
      const operation = found ? spec.paths?.[template]?.[httpMethod] : undefined;
      if (!found || !operation) continue;
      const pathParams: Record<string, string> = {};
      names.forEach((name, index) => {
        pathParams[name] = decodeURIComponent(found[index + 1] ?? "");
      });
      return {
        method: httpMethod,
        pathTemplate: template,
        operationId: operation.operationId,
        operation,
        pathParams,
        label: `${httpMethod.toUpperCase()} ${template}`,
      };
    }
    return null;
  };

  return { basePath, operations, match };
}

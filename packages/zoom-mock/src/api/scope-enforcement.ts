import { HTTP_METHODS, type OpenApiDocument } from "../validation/openapi-document.js";
import type { ApiCaller } from "./api-operation.js";
import { ZoomApiFailure } from "./model/api-failure.js";

/** The scopes that allow one operation (any one of them), from its `x-scopes`. */
export interface OperationScopes {
  classic: readonly string[];
  granular: readonly string[];
}

function names(value: unknown): string[] {
  // Zoom's document writes some names with a stray leading space (" division:read:admin").
  return Array.isArray(value) ? value.filter((name): name is string => typeof name === "string").map((name) => name.trim()).filter((name) => name !== "") : [];
}

/** Each operation's scopes by operationId; operations without `x-scopes` are not listed (and not checked). */
export function operationScopesOf(spec: OpenApiDocument): Map<string, OperationScopes> {
  const scopes = new Map<string, OperationScopes>();
  for (const item of Object.values(spec.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      const declared = operation?.["x-scopes"] as { macro?: unknown; granular?: unknown } | undefined;
      if (operation === undefined || typeof operation.operationId !== "string" || declared === undefined || declared === null) continue;
      scopes.set(operation.operationId, { classic: names(declared.macro), granular: names(declared.granular) });
    }
  }
  return scopes;
}

/**
 * Zoom's answer to a token without the operation's scopes: HTTP 400, code 4711 (the "scope mismatch" of
 * Zoom's OAuth error table), and a message listing what would allow the call, e.g.
 * `Invalid access token, does not contain scopes:[user:read:list_users:admin].` Seen in public reports
 * against api.zoom.us (zoom/zoomapps-sample-js issue 25, Zoom's developer forum thread 108207): Zoom lists
 * the granular scopes where the operation has them, user-level and admin ones alike.
 * @throws {ZoomApiFailure} when the caller holds none of `required`.
 */
export function assertCallerScopes(caller: ApiCaller, required: OperationScopes | undefined): void {
  if (required === undefined) return;
  const held = new Set(caller.scopes);
  if (required.classic.some((scope) => held.has(scope)) || required.granular.some((scope) => held.has(scope))) return;
  const listed = required.granular.length > 0 ? required.granular : required.classic;
  throw new ZoomApiFailure(400, 4711, `Invalid access token, does not contain scopes:[${listed.join(", ")}].`);
}

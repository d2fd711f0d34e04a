import type { HttpHandler } from "msw";
import type { ZoomMockContext } from "../create-zoom-mock.js";
import { createSpecRoute } from "../spec-route.js";
import type { OpenApiDocument } from "../validation/openapi-document.js";
import { createSpecValidator } from "../validation/spec-validator.js";
import type { ApiCaller, ApiOperationResult } from "./api-operation.js";
import { newTrackingId, toHttpResponse, violationBody } from "./api-responses.js";
import { invalidAccessToken, ZoomApiFailure } from "./model/api-failure.js";
import { apiOperationOf } from "./operations/index.js";
import { readMultipartBody } from "./multipart-body.js";
import { buildRouteTable } from "./route-table.js";
import { assertCallerScopes, operationScopesOf } from "./scope-enforcement.js";
import { snapshotBeforeOperation } from "../webhooks/model-changes.js";

/** Options of {@link createApiHandlers}. */
export interface ApiHandlersOptions {
  /**
   * The OpenAPI document to serve and validate against (default: the bundled specs/zoom-api.yaml),
   * e.g. a draft of the next version of the spec.
   */
  spec?: OpenApiDocument;
  /**
   * Refuse a token that holds none of the operation's `x-scopes` with Zoom's 400 code 4711, as Zoom does
   * (default `true`; `false` lets any valid token call any operation).
   */
  enforceScopes?: boolean;
}

/** `Authorization: Bearer <token>` -> the token, or `null`. */
function bearerToken(request: Request): string | null {
  const match = /^bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "");
  return match?.[1] ?? null;
}

/**
 * The caller behind a bearer token the OAuth mock issued. Unknown, expired or revoked tokens, and
 * tokens of a user who has since been removed, give Zoom's 401 code 124.
 */
function authenticate(context: ZoomMockContext, request: Request): ApiCaller {
  const token = bearerToken(request);
  if (token === null) throw invalidAccessToken();
  const verification = context.state.verifyAccessToken(token);
  if (!verification.ok) throw invalidAccessToken();
  const { record, user } = verification;
  if (record.userId !== null && user === null) throw invalidAccessToken();
  return { userId: record.userId, accountId: record.accountId, clientId: record.clientId, scopes: record.scopes };
}

function parseJsonBody(text: string | null): unknown {
  if (text === null || text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // The spec validator has already reported a body that is not JSON; the operation sees none.
    return undefined;
  }
}

/**
 * msw handlers for every operation of specs/zoom-api.yaml, generated from its route table and
 * matched on path (`*\/v2/...`) so they answer for https://api.zoom.us and behind the local server.
 * Each one checks the request against the spec, authenticates the bearer token against the tokens
 * the OAuth mock issued, applies simulated rate limits, runs the operation on the resource model,
 * and checks the answer against the spec's response schema. Every answer carries `x-zm-trackingid`.
 */
export function createApiHandlers(context: ZoomMockContext, options: ApiHandlersOptions = {}): HttpHandler[] {
  // The mock's own validator, compiled once and shared with `zoom.validators.api`, unless another spec is served.
  const validator = options.spec === undefined ? context.validators.api : createSpecValidator(options.spec);
  if (validator === null) return [];
  const { spec } = validator;
  const { api } = context;
  const changes = api.changes;
  const routes = buildRouteTable(spec);
  const labels = new Map(routes.map((route) => [route.operationId, route.rateLimitLabel]));
  const scopes = options.enforceScopes === false ? null : operationScopesOf(spec);

  return routes.map((route) =>
    createSpecRoute({
      runtime: context.runtime,
      validator,
      method: route.method as "get" | "post" | "put" | "patch" | "delete",
      path: route.mswPath,
      // Credentials are checked by the handler (401 code 124, as Zoom answers), not reported as violations.
      checkSecurity: false,
      faultRoutes: (match) => ["api", match?.operationId ?? route.operationId],
      violationResponse: (violations) => toHttpResponse(violationBody(violations), newTrackingId()),
      faultErrorBody: (status) => ({ code: status, message: `Injected fault: HTTP ${status}` }),
      resolve: async ({ request, snapshot, match, url, requestViolations }) => {
        const trackingId = newTrackingId();
        // The route the validator matched decides the operation: it prefers `/users/me` to `/users/{userId}`.
        const operationId = match.operationId ?? route.operationId;
        let result: ApiOperationResult;
        try {
          // Outside strict mode createSpecRoute lets an invalid request through (it has been
          // recorded); Zoom would still refuse it, so the mock does too, with the violations found once.
          if (requestViolations.length > 0) return toHttpResponse(violationBody(requestViolations), trackingId);
          const caller = authenticate(context, request);
          if (scopes !== null) assertCallerScopes(caller, scopes.get(operationId));
          api.model.rateLimits.check(operationId, labels.get(operationId));
          const operation = apiOperationOf(operationId);
          const form = snapshot.form === undefined ? undefined : await readMultipartBody(snapshot.form);
          if (operation === undefined) {
            result = { status: 501, body: { code: 501, message: `The mock does not implement ${operationId} yet.` } };
          } else {
            const body = form === undefined ? parseJsonBody(snapshot.bodyText) : undefined;
            // The records the operation may change are copied first, so the webhooks can describe the change.
            const before = changes.observed ? snapshotBeforeOperation(match.pathParams, caller.userId ?? "", api.model) : undefined;
            result = operation(
              { operationId, path: match.pathParams, query: url.searchParams, body, ...(form === undefined ? {} : { form }), caller },
              api.model,
            );
            if (before !== undefined && result.status < 300) {
              changes.publish({ kind: "operation", operationId, path: match.pathParams, body, caller, before, status: result.status, result: result.body });
            }
          }
        } catch (error) {
          if (!(error instanceof ZoomApiFailure)) throw error;
          result = { status: error.status, body: error.toBody(), headers: { ...error.headers } };
        }
        return toHttpResponse(api.applyOverride(operationId, result), trackingId);
      },
    }),
  );
}

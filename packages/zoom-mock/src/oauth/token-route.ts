import { type HttpHandler, HttpResponse } from "msw";
import { createSpecRoute, type ViolatingRequest } from "../spec-route.js";
import { handleTokenRequest, revokeToken } from "./authorization-rules.js";
import { authenticateClient } from "./client-authentication.js";
import { oauthFailures, type ZoomOAuthFailure } from "./oauth-errors.js";
import { type OAuthRouteContext, oauthFaultBody, violationErrorBody, violationStatus } from "./oauth-route-context.js";
import type { OpenApiDocument } from "../validation/openapi-document.js";

const failureResponse = (failure: ZoomOAuthFailure) => HttpResponse.json(failure.body, { status: failure.status });

/**
 * The `grant_type` values the spec's token request offers (the `const` of each `oneOf` alternative), so
 * a grant added to the spec is known here without a second list.
 */
export function grantTypesOf(spec: OpenApiDocument): ReadonlySet<string> {
  const schemas = (spec.components?.schemas ?? {}) as Record<string, { oneOf?: { $ref?: string }[]; properties?: Record<string, { const?: unknown }> }>;
  const found = new Set<string>();
  for (const alternative of schemas.TokenRequest?.oneOf ?? []) {
    const name = alternative.$ref?.split("/").pop();
    const grantType = name === undefined ? undefined : schemas[name]?.properties?.grant_type?.const;
    if (typeof grantType === "string") found.add(grantType);
  }
  return found;
}

/** `POST /oauth/token` (every grant) and `POST /oauth/revoke`, both authenticated with the app's credentials. */
export function createTokenHandlers(context: OAuthRouteContext): HttpHandler[] {
  const { state, runtime, validator } = context;
  const grantTypes = grantTypesOf(validator.spec);
  /**
   * In strict mode a request that breaks the spec is refused with the code Zoom gives that refusal: wrong
   * credentials first (`invalid_client`), then a grant Zoom does not offer (`unsupported_grant_type`), and
   * anything else missing or malformed as `invalid_request`, whose `reason` names the broken rule.
   */
  const violationResponse = (violations: Parameters<typeof violationErrorBody>[0], { request, url, form }: ViolatingRequest) => {
    const status = violationStatus(violations);
    if (status === 400) {
      if (!authenticateClient(state, request.headers.get("authorization"), form)) return failureResponse(oauthFailures.invalidClient);
      const grantType = form.get("grant_type");
      if (url.pathname.endsWith("/oauth/token") && grantType !== null && !grantTypes.has(grantType)) {
        return failureResponse(oauthFailures.unsupportedGrantType);
      }
    }
    return HttpResponse.json(violationErrorBody(violations), { status });
  };
  const common = {
    runtime,
    validator,
    method: "post" as const,
    violationResponse,
    faultErrorBody: oauthFaultBody,
  };
  return [
    createSpecRoute({
      ...common,
      path: "*/oauth/token",
      faultRoutes: () => ["token"],
      resolve: async ({ request, form }) => {
        const app = authenticateClient(state, request.headers.get("authorization"), form);
        if (!app) return failureResponse(oauthFailures.invalidClient);
        const outcome = await handleTokenRequest(state, app, form);
        return outcome.ok ? HttpResponse.json(outcome.body) : failureResponse(outcome.failure);
      },
    }),
    createSpecRoute({
      ...common,
      path: "*/oauth/revoke",
      faultRoutes: () => ["revoke"],
      resolve: ({ request, form }) => {
        const app = authenticateClient(state, request.headers.get("authorization"), form);
        if (!app) return failureResponse(oauthFailures.invalidClient);
        const outcome = revokeToken(state, app, form.get("token") ?? "");
        return outcome.ok ? HttpResponse.json({ status: "success" }) : failureResponse(outcome.failure);
      },
    }),
  ];
}

import { type HttpHandler, HttpResponse } from "msw";
import { createSpecRoute } from "../spec-route.js";
import { handleTokenRequest, revokeToken } from "./authorization-rules.js";
import { authenticateClient } from "./client-authentication.js";
import { oauthFailures, type ZoomOAuthFailure } from "./oauth-errors.js";
import { type OAuthRouteContext, oauthFaultBody, violationErrorBody, violationStatus } from "./oauth-route-context.js";

const failureResponse = (failure: ZoomOAuthFailure) => HttpResponse.json(failure.body, { status: failure.status });

/** `POST /oauth/token` (every grant) and `POST /oauth/revoke`, both authenticated with the app's credentials. */
export function createTokenHandlers(context: OAuthRouteContext): HttpHandler[] {
  const { state, runtime, validator } = context;
  const common = {
    runtime,
    validator,
    method: "post" as const,
    violationResponse: (violations: Parameters<typeof violationErrorBody>[0]) =>
      HttpResponse.json(violationErrorBody(violations), { status: violationStatus(violations) }),
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

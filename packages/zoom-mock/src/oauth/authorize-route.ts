import { type HttpHandler, HttpResponse } from "msw";
import { createSpecRoute } from "../spec-route.js";
import { type AuthorizationOutcome, checkAuthorizationRequest, decideAuthorization } from "./authorization-rules.js";
import { AUTHORIZATION_PARAMETERS, renderConsentPage, renderErrorPage } from "./consent-page.js";
import { type OAuthRouteContext, oauthFaultBody, violationErrorBody, violationStatus } from "./oauth-route-context.js";

function answer(outcome: Exclude<AuthorizationOutcome, { kind: "consent" }>): Response {
  if (outcome.kind === "redirect") return new Response(null, { status: 302, headers: { Location: outcome.location.href } });
  return HttpResponse.html(renderErrorPage(outcome.message), { status: outcome.status });
}

/**
 * `GET /oauth/authorize` serves the consent page; `POST /oauth/authorize` takes the form's decision and
 * redirects to the app. Both check the request the same way (see `authorization-rules.ts`).
 */
export function createAuthorizeHandlers(context: OAuthRouteContext): HttpHandler[] {
  const { state, runtime, validator } = context;
  const violationResponse = (violations: Parameters<typeof violationErrorBody>[0]) =>
    HttpResponse.html(renderErrorPage(violationErrorBody(violations).reason ?? "spec violation"), {
      status: violationStatus(violations),
    });
  const common = {
    runtime,
    validator,
    path: "*/oauth/authorize",
    faultRoutes: () => ["authorize"],
    violationResponse,
    faultErrorBody: oauthFaultBody,
  };
  return [
    createSpecRoute({
      ...common,
      method: "get",
      resolve: ({ url }) => {
        const outcome = checkAuthorizationRequest(state, url.searchParams);
        if (outcome.kind !== "consent") return answer(outcome);
        const html = renderConsentPage({
          app: outcome.request.app,
          users: [...state.users.values()],
          selectedUserId: state.defaultUserId,
          params: url.searchParams,
        });
        return HttpResponse.html(html, { status: 200 });
      },
    }),
    createSpecRoute({
      ...common,
      method: "post",
      resolve: ({ form }) => {
        const params = new URLSearchParams();
        for (const name of AUTHORIZATION_PARAMETERS) {
          const value = form.get(name);
          if (value !== null) params.set(name, value);
        }
        const userId = form.get("user_id");
        const decision = form.get("decision") === "allow" ? { allow: true as const, ...(userId ? { userId } : {}) } : { allow: false as const };
        const outcome = decideAuthorization(state, params, decision);
        if (outcome.kind === "consent") return HttpResponse.html(renderErrorPage("No decision was made."), { status: 400 });
        return answer(outcome);
      },
    }),
  ];
}

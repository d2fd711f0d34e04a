import { type HttpHandler, HttpResponse } from "msw";
import { createSpecRoute, type ViolatingRequest } from "../spec-route.js";
import { type AuthorizationOutcome, checkAuthorizationRequest, decideAuthorization, errorRedirect } from "./authorization-rules.js";
import { AUTHORIZATION_PARAMETERS, renderConsentPage, renderErrorPage } from "./consent-page.js";
import { type OAuthRouteContext, oauthFaultBody, violationErrorBody, violationStatus } from "./oauth-route-context.js";

function answer(outcome: Exclude<AuthorizationOutcome, { kind: "consent" }>): Response {
  if (outcome.kind === "redirect") return new Response(null, { status: 302, headers: { Location: outcome.location.href } });
  return HttpResponse.html(renderErrorPage(outcome.message), { status: outcome.status });
}

/** The authorization request carried in the consent form's hidden fields. */
function authorizationParameters(form: URLSearchParams): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of AUTHORIZATION_PARAMETERS) {
    const value = form.get(name);
    if (value !== null) params.set(name, value);
  }
  return params;
}

/**
 * `GET /oauth/authorize` serves the consent page; `POST /oauth/authorize` takes the form's decision and
 * redirects to the app. Both check the request the same way (see `authorization-rules.ts`).
 */
export function createAuthorizeHandlers(context: OAuthRouteContext): HttpHandler[] {
  const { state, runtime, validator } = context;
  /**
   * In strict mode a request that breaks the spec is refused as Zoom refuses it: an error page when the
   * client or redirect URI cannot be trusted, otherwise a redirect with the model's error, or
   * `invalid_request` when only the spec (a malformed challenge, say) objects. The violation itself is
   * recorded for `assertNoViolations()`.
   */
  const violationResponse = (violations: Parameters<typeof violationErrorBody>[0], { request, url, form }: ViolatingRequest) => {
    const errorPage = () =>
      HttpResponse.html(renderErrorPage(violationErrorBody(violations).reason ?? "spec violation"), {
        status: violationStatus(violations),
      });
    if (violationStatus(violations) !== 400) return errorPage();
    const params = request.method === "GET" ? url.searchParams : authorizationParameters(form);
    const outcome = checkAuthorizationRequest(state, params);
    if (outcome.kind === "consent") return answer(errorRedirect(outcome.request, "invalid_request"));
    return outcome.kind === "redirect" ? answer(outcome) : errorPage();
  };
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
        const params = authorizationParameters(form);
        const userId = form.get("user_id");
        const decision = form.get("decision") === "allow" ? { allow: true as const, ...(userId ? { userId } : {}) } : { allow: false as const };
        const outcome = decideAuthorization(state, params, decision);
        if (outcome.kind === "consent") return HttpResponse.html(renderErrorPage("No decision was made."), { status: 400 });
        return answer(outcome);
      },
    }),
  ];
}

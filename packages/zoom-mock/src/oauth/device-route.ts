import { type HttpHandler, HttpResponse } from "msw";
import { createSpecRoute } from "../spec-route.js";
import { authenticateClient } from "./client-authentication.js";
import { escapeHtml, page, renderErrorPage } from "./consent-page.js";
import {
  checkDeviceDecision,
  DEVICE_VERIFICATION_PATH,
  type DeviceDecisionRefusal,
  decideDeviceAuthorization,
  startDeviceAuthorization,
} from "./device-authorization-rules.js";
import { oauthFailures } from "./oauth-errors.js";
import { type OAuthRouteContext, oauthFaultBody, violationErrorBody, violationStatus } from "./oauth-route-context.js";

const refusals: Record<DeviceDecisionRefusal | "unknown-user", string> = {
  unknown: "This code is not known. Check the code your device shows and try again.",
  expired: "This code has expired. Start again on your device.",
  decided: "This code has already been used.",
  "unknown-user": "The user who decides is unknown.",
};

function codeEntryPage(): string {
  return page(
    "Connect a device",
    `<h1>Connect a device</h1>
<form method="get" action="${DEVICE_VERIFICATION_PATH}">
<p><label>Enter the code your device shows <input name="user_code" autocomplete="off" autofocus></label></p>
<p><button type="submit">Continue</button></p>
</form>`,
  );
}

function deviceConsentPage(appName: string, userCode: string, users: ReadonlyArray<{ id: string; display_name: string; email: string }>, selectedUserId: string | null): string {
  const picker =
    users.length > 1
      ? `<p><label>Sign in as <select name="user_id">${users
          .map((user) => `<option value="${escapeHtml(user.id)}"${user.id === selectedUserId ? " selected" : ""}>${escapeHtml(user.display_name)} (${escapeHtml(user.email)})</option>`)
          .join("")}</select></label></p>`
      : "";
  return page(
    `Authorize ${appName}`,
    `<h1>${escapeHtml(appName)} on a device wants to access your Zoom account</h1>
<p>Only allow it if your device shows the code <strong>${escapeHtml(userCode)}</strong>.</p>
<form method="post" action="${DEVICE_VERIFICATION_PATH}">
<input type="hidden" name="user_code" value="${escapeHtml(userCode)}">
${picker}
<p><button type="submit" name="decision" value="allow">Allow</button><button type="submit" name="decision" value="deny">Deny</button></p>
</form>`,
  );
}

/**
 * The device authorization grant's routes: `POST /oauth/devicecode` (the app starts), and the
 * verification page `GET /oauth_device` with its form's answer `POST /oauth_device` (the user decides).
 * The app's polls go to the token endpoint (see `token-route.ts`).
 */
export function createDeviceHandlers(context: OAuthRouteContext): HttpHandler[] {
  const { state, runtime, validator } = context;
  const pageViolation = (violations: Parameters<typeof violationErrorBody>[0]) =>
    HttpResponse.html(renderErrorPage(violationErrorBody(violations).reason ?? "spec violation"), { status: violationStatus(violations) });
  return [
    createSpecRoute({
      runtime,
      validator,
      method: "post",
      path: "*/oauth/devicecode",
      faultRoutes: () => ["devicecode"],
      violationResponse: (violations) => HttpResponse.json(violationErrorBody(violations), { status: violationStatus(violations) }),
      faultErrorBody: oauthFaultBody,
      resolve: ({ request, url, form }) => {
        // Both readings of where the client id goes: the body (RFC 8628) or the query (a secondary source).
        const params = new URLSearchParams(form);
        const queryClientId = url.searchParams.get("client_id");
        if (queryClientId !== null && !params.has("client_id")) params.set("client_id", queryClientId);
        const app = authenticateClient(state, request.headers.get("authorization"), params);
        if (!app) return HttpResponse.json(oauthFailures.invalidClient.body, { status: oauthFailures.invalidClient.status });
        return HttpResponse.json(startDeviceAuthorization(state, app, url.origin));
      },
    }),
    createSpecRoute({
      runtime,
      validator,
      method: "get",
      path: `*${DEVICE_VERIFICATION_PATH}`,
      faultRoutes: () => ["device-page"],
      violationResponse: pageViolation,
      faultErrorBody: oauthFaultBody,
      resolve: ({ url }) => {
        const userCode = url.searchParams.get("user_code");
        if (userCode === null || userCode.trim() === "") return HttpResponse.html(codeEntryPage(), { status: 200 });
        const checked = checkDeviceDecision(state, userCode);
        if (!checked.ok) return HttpResponse.html(renderErrorPage(refusals[checked.reason]), { status: 400 });
        const app = state.apps.get(checked.record.clientId);
        const html = deviceConsentPage(app?.name ?? "An app", checked.record.userCode, [...state.users.values()], state.defaultUserId);
        return HttpResponse.html(html, { status: 200 });
      },
    }),
    createSpecRoute({
      runtime,
      validator,
      method: "post",
      path: `*${DEVICE_VERIFICATION_PATH}`,
      faultRoutes: () => ["device-page"],
      violationResponse: pageViolation,
      faultErrorBody: oauthFaultBody,
      resolve: ({ form }) => {
        const userId = form.get("user_id");
        const decision = form.get("decision") === "allow" ? { allow: true as const, ...(userId ? { userId } : {}) } : { allow: false as const };
        const outcome = decideDeviceAuthorization(state, form.get("user_code") ?? "", decision);
        if (!outcome.ok) return HttpResponse.html(renderErrorPage(refusals[outcome.reason]), { status: 400 });
        const done = decision.allow ? "The device is connected. You can return to it now." : "The device was not connected.";
        return HttpResponse.html(page("Device authorization", `<h1>${done}</h1>`), { status: 200 });
      },
    }),
  ];
}

import { generateCodeVerifier, generateState, Zoom } from "@org/zoom-auth";
import { createZoomMock, MOCK_CLIENT_ID, MOCK_CLIENT_SECRET } from "@org/zoom-mock";
import { startZoomMockServer, type ZoomMockServer } from "@org/zoom-mock/server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

const REDIRECT_URI = "http://127.0.0.1:3000/login/zoom/callback";
const zoomMock = createZoomMock();
let server: ZoomMockServer;

beforeAll(async () => {
  server = await startZoomMockServer({ mock: zoomMock });
});
afterEach(() => zoomMock.assertNoViolations());
afterAll(() => server.close());

describe("the guide over real HTTP, with the consent page", () => {
  it("signs in through the consent form, refreshes and revokes", async () => {
    const zoom = new Zoom(MOCK_CLIENT_ID, MOCK_CLIENT_SECRET, REDIRECT_URI, { authorizationServer: server.url });
    const state = generateState();
    const codeVerifier = generateCodeVerifier();
    const page = await fetch(zoom.createAuthorizationURL(state, codeVerifier));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Allow");
    expect(html).toContain("Deny");

    const form = new URLSearchParams();
    for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
      form.set(name ?? "", (value ?? "").replace(/&amp;/g, "&"));
    }
    form.set("decision", "allow");
    const decision = await fetch(new URL("/oauth/authorize", server.url), { method: "POST", body: form, redirect: "manual" });
    expect(decision.status).toBe(302);
    const callback = new URL(decision.headers.get("location") ?? "");
    expect(callback.searchParams.get("state")).toBe(state);

    const tokens = await zoom.validateAuthorizationCode(callback.searchParams.get("code") ?? "", codeVerifier);
    expect(tokens.apiUrl()).toBe(server.url);
    const refreshed = await zoom.refreshAccessToken(tokens.refreshToken());
    await zoom.revokeToken(refreshed.accessToken());
    expect(zoomMock.state.verifyAccessToken(refreshed.accessToken())).toEqual({ ok: false, reason: "revoked" });
  });
});

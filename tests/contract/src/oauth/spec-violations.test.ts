import { MOCK_CLIENT_ID, MOCK_CLIENT_SECRET, SpecViolationError } from "@org/zoom-mock";
import { describe, expect, it } from "vitest";
import { consent, useZoomOAuthMock, zoomClient } from "./oauth-fixture.js";

const zoomMock = useZoomOAuthMock();
const basic = `Basic ${btoa(`${MOCK_CLIENT_ID}:${MOCK_CLIENT_SECRET}`)}`;

describe("the suite fails when a request breaks specs/zoom-oauth.yaml", () => {
  it("a token request without redirect_uri is answered 400 and fails the test through assertNoViolations", async () => {
    const response = await fetch("https://zoom.us/oauth/token", {
      method: "POST",
      headers: { authorization: basic, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "authorization_code", code: "some-code" }),
    });
    expect(response.status).toBe(400);
    expect((await response.json()).reason).toContain("body must have required property 'redirect_uri'");

    // This is what the fixture's afterEach runs: it would fail this test.
    let thrown: unknown;
    try {
      zoomMock.assertNoViolations();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SpecViolationError);
    expect((thrown as SpecViolationError).violations).toEqual([
      {
        side: "request",
        operation: "POST /oauth/token",
        operationId: "requestToken",
        location: "body",
        field: "redirect_uri",
        rule: "required",
        message: "body must have required property 'redirect_uri'",
      },
    ]);
    expect(String(thrown)).not.toContain("some-code");
    zoomMock.clearViolations();
  });

  it("a JSON body where the spec wants a form is a violation too", async () => {
    await fetch("https://zoom.us/oauth/revoke", {
      method: "POST",
      headers: { authorization: basic, "content-type": "application/json" },
      body: JSON.stringify({ token: "t" }),
    });
    expect(zoomMock.violations.map((violation) => violation.location)).toEqual(["content-type"]);
    zoomMock.clearViolations();
  });
});

describe("a client that breaks the spec fails the guide's flow", () => {
  it("@org/zoom-auth with redirect_uri stripped from its requests gets a 400 naming it, and a violation", async () => {
    const stripRedirectUri: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      const form = new URLSearchParams(await request.text());
      form.delete("redirect_uri");
      return globalThis.fetch(request.url, { method: request.method, headers: request.headers, body: form });
    };
    const broken = zoomClient({ fetch: stripRedirectUri });
    const { code, codeVerifier } = await consent(zoomMock, broken);
    await expect(broken.validateAuthorizationCode(code, codeVerifier)).rejects.toMatchObject({
      name: "OAuth2RequestError",
      code: "invalid_request",
      description: expect.stringContaining("redirect_uri"),
    });
    expect(() => zoomMock.assertNoViolations()).toThrow(/POST \/oauth\/token: body must have required property 'redirect_uri'/);
    zoomMock.clearViolations();
  });

  it("@org/zoom-auth with code_verifier stripped is refused as Zoom refuses it (invalid_grant), which breaks no spec rule", async () => {
    const stripVerifier: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      const form = new URLSearchParams(await request.text());
      form.delete("code_verifier");
      return globalThis.fetch(request.url, { method: request.method, headers: request.headers, body: form });
    };
    const broken = zoomClient({ fetch: stripVerifier });
    const { code, codeVerifier } = await consent(zoomMock, broken);
    await expect(broken.validateAuthorizationCode(code, codeVerifier)).rejects.toMatchObject({
      name: "OAuth2RequestError",
      code: "invalid_grant",
      description: "Invalid code_verifier",
    });
    expect(zoomMock.violations).toEqual([]);
  });
});

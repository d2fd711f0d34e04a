import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createZoomMock, MOCK_CLIENT_ID } from "../index.js";
import { makePkce } from "../test-support/pkce.js";

const REDIRECT_URI = "http://localhost:4000/cb";
const zoom = createZoomMock();
const server = setupServer(...zoom.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  server.resetHandlers();
  zoom.assertNoViolations();
});
afterAll(() => server.close());

function params(overrides: Record<string, string> = {}): URLSearchParams {
  return new URLSearchParams({
    response_type: "code",
    client_id: MOCK_CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    state: "s1",
    code_challenge: makePkce().challenge,
    code_challenge_method: "S256",
    ...overrides,
  });
}

const decide = (form: URLSearchParams) =>
  fetch("https://zoom.us/oauth/authorize", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: form,
    redirect: "manual",
  });

describe("the consent page", () => {
  it("carries the request in hidden fields, escaped", async () => {
    const page = await fetch(`https://zoom.us/oauth/authorize?${params({ state: '"><script>alert(1)</script>' })}`);
    const html = await page.text();
    expect(html).toContain('<input type="hidden" name="state" value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">');
    expect(html).not.toContain("<script>");
    expect(html).toContain(`<input type="hidden" name="redirect_uri" value="${REDIRECT_URI}">`);
  });

  it("lets the user choose among several users", async () => {
    const other = createZoomMock();
    other.addUser({ first_name: "Grace", last_name: "Hopper", email: "grace@example.com" });
    server.use(...other.handlers);
    const html = await (await fetch(`https://zoom.us/oauth/authorize?${params()}`)).text();
    expect(html).toContain('<select name="user_id">');
    expect(html).toContain("Grace Hopper (grace@example.com)");
  });

  it("redirects an unsupported response_type as an error to the app", async () => {
    const lenient = createZoomMock({ strict: false });
    server.use(...lenient.handlers);
    const response = await fetch(`https://zoom.us/oauth/authorize?${params({ response_type: "token" })}`, { redirect: "manual" });
    expect(response.status).toBe(302);
    expect(new URL(response.headers.get("location") ?? "").searchParams.get("error")).toBe("unsupported_response_type");
    expect(lenient.violations.map((violation) => violation.message)).toEqual(['query.response_type must be "code"']);
  });
});

describe("the consent decision", () => {
  it("Allow issues a code for the chosen user", async () => {
    const grace = zoom.addUser({ first_name: "Grace", email: "grace@example.com" });
    const form = params();
    form.set("decision", "allow");
    form.set("user_id", grace.id);
    const response = await decide(form);
    const code = new URL(response.headers.get("location") ?? "").searchParams.get("code") ?? "";
    expect(zoom.state.authorizationCodes.get(code)).toMatchObject({ userId: grace.id, redirectUri: REDIRECT_URI });
  });

  it("checks the hidden fields again: a tampered redirect URI gets an error page, not a redirect", async () => {
    const form = params({ redirect_uri: "https://attacker.example/steal" });
    form.set("decision", "allow");
    const response = await decide(form);
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
    expect(await response.text()).toContain("not registered for this app");
  });

  it("Deny redirects with access_denied and no code", async () => {
    const form = params();
    form.set("decision", "deny");
    const location = new URL((await decide(form)).headers.get("location") ?? "");
    expect([location.searchParams.get("error"), location.searchParams.get("state"), location.searchParams.has("code")]).toEqual([
      "access_denied",
      "s1",
      false,
    ]);
  });
});

import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createZoomMock, MOCK_CLIENT_ID, MOCK_CLIENT_SECRET } from "../index.js";
import { basic, makePkce } from "../test-support/pkce.js";

// Zoom's rules, as FACTS.md records them: PKCE optional for confidential clients (method `plain` when
// absent), required for public clients; refusals named by their OAuth error code. All in strict mode.
const REDIRECT_URI = "http://localhost:4000/cb";
const PUBLIC_CLIENT_ID = "public-client-id";
const zoom = createZoomMock();
zoom.registerApp({ clientId: PUBLIC_CLIENT_ID, clientSecret: null, redirectUris: [REDIRECT_URI] });
const server = setupServer(...zoom.handlers);

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => zoom.assertNoViolations());
afterAll(() => server.close());

function authorizationURL(extra: Record<string, string> = {}, clientId = MOCK_CLIENT_ID): URL {
  const url = new URL("https://zoom.us/oauth/authorize");
  url.search = new URLSearchParams({ response_type: "code", client_id: clientId, redirect_uri: REDIRECT_URI, state: "s1", ...extra }).toString();
  return url;
}

function post(path: "token" | "revoke", form: Record<string, string>, authorization: string | null = basic(MOCK_CLIENT_ID, MOCK_CLIENT_SECRET)) {
  return fetch(`https://zoom.us/oauth/${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...(authorization === null ? {} : { authorization }) },
    body: new URLSearchParams(form),
  });
}

async function codeFrom(url: URL): Promise<string> {
  const redirect = await zoom.approve(url);
  const code = redirect.searchParams.get("code");
  if (code === null) throw new Error(`no code in the redirect: error=${redirect.searchParams.get("error")}`);
  return code;
}

describe("a confidential client without PKCE (as Zoom's own Node SDK signs in)", () => {
  it("signs in through the consent page, refreshes and revokes with zero violations", async () => {
    const page = await fetch(authorizationURL());
    expect(page.status).toBe(200);
    const decision = await fetch("https://zoom.us/oauth/authorize", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ decision: "allow", response_type: "code", client_id: MOCK_CLIENT_ID, redirect_uri: REDIRECT_URI, state: "s1" }),
      redirect: "manual",
    });
    expect(decision.status).toBe(302);
    const code = new URL(decision.headers.get("location") ?? "").searchParams.get("code") ?? "";

    const exchanged = await post("token", { grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI });
    expect(exchanged.status).toBe(200);
    const tokens = (await exchanged.json()) as { access_token: string; refresh_token: string };

    const refreshed = await post("token", { grant_type: "refresh_token", refresh_token: tokens.refresh_token });
    expect(refreshed.status).toBe(200);
    const rotated = (await refreshed.json()) as { access_token: string };

    const revoked = await post("revoke", { token: rotated.access_token });
    expect(await revoked.json()).toEqual({ status: "success" });
    expect(zoom.violations).toEqual([]);
  });

  it("must send the verifier once it has sent a challenge", async () => {
    const { challenge } = makePkce();
    const code = await codeFrom(authorizationURL({ code_challenge: challenge, code_challenge_method: "S256" }));
    const response = await post("token", { grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI });
    expect([response.status, await response.json()]).toEqual([400, { reason: "Invalid code_verifier", error: "invalid_grant" }]);
  });
});

describe("code_challenge_method", () => {
  it("is plain when absent: the verifier is the challenge itself", async () => {
    const { verifier } = makePkce();
    const code = await codeFrom(authorizationURL({ code_challenge: verifier }));
    const response = await post("token", { grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI, code_verifier: verifier });
    expect(response.status).toBe(200);
  });

  it("is plain when absent, so the S256 form of the verifier does not match", async () => {
    const { verifier, challenge } = makePkce();
    const code = await codeFrom(authorizationURL({ code_challenge: challenge }));
    const response = await post("token", { grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI, code_verifier: verifier });
    expect([response.status, await response.json()]).toEqual([400, { reason: "Invalid code_verifier", error: "invalid_grant" }]);
  });
});

describe("a public client (no secret)", () => {
  it("must send a code challenge: without one the app gets error=invalid_request", async () => {
    const redirect = await zoom.approve(authorizationURL({}, PUBLIC_CLIENT_ID));
    expect(redirect.searchParams.get("error")).toBe("invalid_request");
    expect(redirect.searchParams.get("state")).toBe("s1");
    expect(redirect.searchParams.has("code")).toBe(false);
  });

  it("signs in with S256 and client_id in the body, no Authorization header", async () => {
    const { verifier, challenge } = makePkce();
    const code = await codeFrom(authorizationURL({ code_challenge: challenge, code_challenge_method: "S256" }, PUBLIC_CLIENT_ID));
    const form = { grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI, code_verifier: verifier, client_id: PUBLIC_CLIENT_ID };
    const response = await post("token", form, null);
    expect(response.status).toBe(200);
  });
});

describe("Zoom's error codes", () => {
  it("unsupported_grant_type for a grant Zoom does not offer (the violation is still recorded)", async () => {
    const response = await post("token", { grant_type: "password" });
    expect([response.status, await response.json()]).toEqual([400, { reason: "Unsupported grant type", error: "unsupported_grant_type" }]);
    expect(zoom.violations.map((violation) => violation.location)).toEqual(["body"]);
    zoom.clearViolations();
  });

  it("unsupported_grant_type in lenient mode too", async () => {
    const lenient = createZoomMock({ strict: false });
    server.use(...lenient.handlers);
    try {
      const response = await post("token", { grant_type: "password" });
      expect([response.status, (await response.json()).error]).toEqual([400, "unsupported_grant_type"]);
    } finally {
      server.resetHandlers();
    }
  });

  it("invalid_client before anything else when the credentials are wrong", async () => {
    const response = await post("token", { grant_type: "password" }, basic(MOCK_CLIENT_ID, "wrong"));
    expect([response.status, await response.json()]).toEqual([401, { reason: "Invalid client_id or client_secret", error: "invalid_client" }]);
    const revoke = await post("revoke", {}, basic(MOCK_CLIENT_ID, "wrong"));
    expect([revoke.status, (await revoke.json()).error]).toEqual([401, "invalid_client"]);
    zoom.clearViolations();
  });

  it("invalid_grant for a code that is unknown, and for a used refresh token", async () => {
    const unknown = await post("token", { grant_type: "authorization_code", code: "nope", redirect_uri: REDIRECT_URI });
    expect([unknown.status, (await unknown.json()).error]).toEqual([400, "invalid_grant"]);
    const refresh = await post("token", { grant_type: "refresh_token", refresh_token: "nope" });
    expect([refresh.status, await refresh.json()]).toEqual([400, { reason: "Invalid Token!", error: "invalid_grant" }]);
  });

  it("invalid_request for a missing parameter, naming it in the reason", async () => {
    const response = await post("token", { grant_type: "authorization_code", code: "c" });
    expect([response.status, await response.json()]).toEqual([
      400,
      {
        error: "invalid_request",
        reason: "specs/zoom-oauth.yaml violation: request POST /oauth/token: body must have required property 'redirect_uri'",
      },
    ]);
    zoom.clearViolations();
  });

  it("a malformed authorization request from a trusted client is redirected with error=invalid_request", async () => {
    const response = await fetch(authorizationURL({ code_challenge: "short" }), { redirect: "manual" });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location") ?? "");
    expect([location.origin + location.pathname, location.searchParams.get("error")]).toEqual([REDIRECT_URI, "invalid_request"]);
    expect(zoom.violations.map((violation) => violation.message)).toEqual(["query.code_challenge must NOT have fewer than 43 characters"]);
    zoom.clearViolations();
  });

  it("an authorization request from an unknown client gets an error page, never a redirect", async () => {
    const response = await fetch(authorizationURL({ code_challenge: "short" }, "unknown-client"), { redirect: "manual" });
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
    zoom.clearViolations();
  });
});

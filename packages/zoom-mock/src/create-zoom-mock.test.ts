import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createZoomMock, MOCK_CLIENT_ID, MOCK_CLIENT_SECRET } from "./index.js";
import { AUTHORIZATION_CODE_LIFETIME_MS } from "./state.js";
import { basic, makePkce } from "./test-support/pkce.js";

const REDIRECT_URI = "http://localhost:3000/login/zoom/callback";

let now = Date.parse("2026-01-01T00:00:00Z");
const zoom = createZoomMock({ clock: () => now });
const server = setupServer(...zoom.handlers);

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  zoom.assertNoViolations();
  zoom.faults.clear();
});
afterAll(() => server.close());

function authorizationURL(challenge: string, state = "state-1", redirectUri = REDIRECT_URI): URL {
  const url = new URL("https://zoom.us/oauth/authorize");
  url.search = new URLSearchParams({
    response_type: "code",
    client_id: MOCK_CLIENT_ID,
    redirect_uri: redirectUri,
    state,
    code_challenge: challenge,
    code_challenge_method: "S256",
  }).toString();
  return url;
}

function token(form: Record<string, string>, authorization = basic(MOCK_CLIENT_ID, MOCK_CLIENT_SECRET)) {
  return fetch("https://zoom.us/oauth/token", {
    method: "POST",
    headers: { authorization, "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
    body: new URLSearchParams(form),
  });
}

async function codeFor(pkce: { challenge: string }, redirectUri = REDIRECT_URI): Promise<string> {
  const redirect = await zoom.approve(authorizationURL(pkce.challenge, "s", redirectUri));
  return redirect.searchParams.get("code") ?? "";
}

async function signIn() {
  const pkce = makePkce();
  const code = await codeFor(pkce);
  const response = await token({ grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI, code_verifier: pkce.verifier });
  return (await response.json()) as { access_token: string; refresh_token: string };
}

describe("authorization codes", () => {
  it("approve redirects to the redirect URI with a code and the state", async () => {
    const redirect = await zoom.approve(authorizationURL(makePkce().challenge, "xyz"));
    expect(redirect.origin + redirect.pathname).toBe(REDIRECT_URI);
    expect(redirect.searchParams.get("state")).toBe("xyz");
    expect(redirect.searchParams.get("code")).toMatch(/\S{20,}/);
  });

  it("deny redirects with error=access_denied and the state", async () => {
    const redirect = await zoom.deny(authorizationURL(makePkce().challenge, "xyz"));
    expect(redirect.searchParams.get("error")).toBe("access_denied");
    expect(redirect.searchParams.get("state")).toBe("xyz");
    expect(redirect.searchParams.has("code")).toBe(false);
  });

  it("exchanges a code once for Zoom's token response", async () => {
    const pkce = makePkce();
    const code = await codeFor(pkce);
    const form = { grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI, code_verifier: pkce.verifier };
    const first = await token(form);
    expect(first.status).toBe(200);
    const body = await first.json();
    expect(body).toMatchObject({ token_type: "bearer", expires_in: 3599, api_url: "https://api.zoom.us" });
    expect(zoom.state.verifyAccessToken(body.access_token)).toMatchObject({ ok: true, user: { email: "ada@example.com" } });

    const second = await token(form);
    expect(second.status).toBe(400);
    expect(await second.json()).toEqual({ reason: "Invalid authorization code", error: "invalid_grant" });
    // A replayed code ends what the first exchange started.
    expect(zoom.state.verifyAccessToken(body.access_token)).toEqual({ ok: false, reason: "revoked" });
  });

  it("expires a code after 5 minutes of the injected clock", async () => {
    const pkce = makePkce();
    const code = await codeFor(pkce);
    now += AUTHORIZATION_CODE_LIFETIME_MS;
    const response = await token({ grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI, code_verifier: pkce.verifier });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ reason: "Authorization code has expired", error: "invalid_grant" });
  });

  it("still accepts a code just under 5 minutes old", async () => {
    const pkce = makePkce();
    const code = await codeFor(pkce);
    now += AUTHORIZATION_CODE_LIFETIME_MS - 1;
    const response = await token({ grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI, code_verifier: pkce.verifier });
    expect(response.status).toBe(200);
  });

  it("refuses a wrong code verifier", async () => {
    const code = await codeFor(makePkce());
    const response = await token({ grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI, code_verifier: makePkce().verifier });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ reason: "Invalid code_verifier", error: "invalid_grant" });
  });

  it("refuses a redirect URI other than the authorization request's", async () => {
    const pkce = makePkce();
    const code = await codeFor(pkce);
    const response = await token({
      grant_type: "authorization_code",
      code,
      redirect_uri: "http://localhost:3000/elsewhere",
      code_verifier: pkce.verifier,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ reason: "Redirect URI mismatch", error: "invalid_grant" });
  });

  it("refuses bad client credentials with 401 invalid_client", async () => {
    const pkce = makePkce();
    const code = await codeFor(pkce);
    const response = await token(
      { grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI, code_verifier: pkce.verifier },
      basic(MOCK_CLIENT_ID, "wrong-secret"),
    );
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ reason: "Invalid client_id or client_secret", error: "invalid_client" });
  });

  it("does not redirect for an unknown client or an unregistered redirect URI", async () => {
    const unknownClient = authorizationURL(makePkce().challenge);
    unknownClient.searchParams.set("client_id", "nobody");
    await expect(zoom.approve(unknownClient)).rejects.toMatchObject({ name: "ZoomMockAuthorizationError" });
    await expect(zoom.approve(authorizationURL(makePkce().challenge, "s", "https://attacker.example/cb"))).rejects.toThrow(
      /redirect_uri is missing or not registered/,
    );
  });
});

describe("refresh and revoke", () => {
  it("rotates the refresh token; the replaced one answers Invalid Token!", async () => {
    const first = await signIn();
    const refreshed = await token({ grant_type: "refresh_token", refresh_token: first.refresh_token });
    expect(refreshed.status).toBe(200);
    const second = (await refreshed.json()) as { refresh_token: string; access_token: string };
    expect(second.refresh_token).not.toBe(first.refresh_token);

    const replay = await token({ grant_type: "refresh_token", refresh_token: first.refresh_token });
    expect(replay.status).toBe(400);
    expect(await replay.json()).toEqual({ reason: "Invalid Token!", error: "invalid_grant" });

    const again = await token({ grant_type: "refresh_token", refresh_token: second.refresh_token });
    expect(again.status).toBe(200);
  });

  it("revoking an access token ends its grant: access and refresh tokens stop working", async () => {
    const tokens = await signIn();
    const response = await fetch("https://zoom.us/oauth/revoke", {
      method: "POST",
      headers: { authorization: basic(MOCK_CLIENT_ID, MOCK_CLIENT_SECRET), "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token: tokens.access_token }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "success" });
    expect(zoom.state.verifyAccessToken(tokens.access_token)).toEqual({ ok: false, reason: "revoked" });
    const refresh = await token({ grant_type: "refresh_token", refresh_token: tokens.refresh_token });
    expect(await refresh.json()).toEqual({ reason: "Invalid Token!", error: "invalid_grant" });
  });

  it("state.revokeAccessToken refuses one access token early and leaves the refresh token working", async () => {
    const tokens = await signIn();
    expect(zoom.state.revokeAccessToken(tokens.access_token)).toBe(true);
    expect(zoom.state.revokeAccessToken(tokens.access_token)).toBe(false);
    expect(zoom.state.verifyAccessToken(tokens.access_token)).toEqual({ ok: false, reason: "revoked" });
    const refresh = await token({ grant_type: "refresh_token", refresh_token: tokens.refresh_token });
    expect(refresh.status).toBe(200);
  });

  it("expires access tokens after an hour", async () => {
    const tokens = await signIn();
    now += 60 * 60 * 1000;
    expect(zoom.state.verifyAccessToken(tokens.access_token)).toEqual({ ok: false, reason: "expired" });
  });
});

describe("server-to-server and app-only tokens", () => {
  it("account_credentials gives a one-hour token without a refresh token", async () => {
    const response = await token({ grant_type: "account_credentials", account_id: zoom.defaultApp.accountId });
    const body = await response.json();
    expect(response.status).toBe(200);
    expect(body.refresh_token).toBeUndefined();
    expect(zoom.state.findAccessToken(body.access_token)).toMatchObject({ kind: "account_credentials", userId: zoom.defaultUser.id });
  });

  it("account_credentials refuses another account", async () => {
    const response = await token({ grant_type: "account_credentials", account_id: "someone-else" });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ reason: "Invalid account_id", error: "invalid_grant" });
  });

  it("client_credentials gives an app-only token", async () => {
    const response = await token({ grant_type: "client_credentials" });
    const body = await response.json();
    expect(body.refresh_token).toBeUndefined();
    expect(zoom.state.findAccessToken(body.access_token)).toMatchObject({ kind: "client_credentials", userId: null });
  });
});

describe("public clients", () => {
  it("authenticate with client_id in the body and PKCE, without a secret", async () => {
    zoom.registerApp({ clientId: "public-app", clientSecret: null, redirectUris: [REDIRECT_URI] });
    const pkce = makePkce();
    const url = authorizationURL(pkce.challenge);
    url.searchParams.set("client_id", "public-app");
    const code = (await zoom.approve(url)).searchParams.get("code") ?? "";
    const response = await fetch("https://zoom.us/oauth/token", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code,
        redirect_uri: REDIRECT_URI,
        code_verifier: pkce.verifier,
        client_id: "public-app",
      }),
    });
    expect(response.status).toBe(200);
  });
});

describe("injected randomness", () => {
  it("takes every code, token and id from randomString (and, deprecated, from random)", () => {
    let issued = 0;
    const next = () => `id-${++issued}`;
    expect(createZoomMock({ randomString: next }).state.randomString).toBe(next);
    expect(createZoomMock({ random: next }).state.randomString).toBe(next);
  });
});

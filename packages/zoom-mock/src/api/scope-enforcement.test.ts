import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createSeededZoomMock, parseSeed } from "../cli/seed-file.js";
import { createZoomMock, MOCK_CLIENT_ID, MOCK_CLIENT_SECRET, type ZoomMock } from "../create-zoom-mock.js";
import { zoomApiSpec } from "../generated/index.js";
import { DEFAULT_APP_SCOPES, DEFAULT_APP_TOKEN_SCOPES } from "../state.js";
import { basic, makePkce } from "../test-support/pkce.js";
import { operationScopesOf } from "./scope-enforcement.js";

const REDIRECT_URI = "http://localhost:3000/callback";

// One msw server; each test names the mock whose handlers answer.
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function serve(options: Parameters<typeof createZoomMock>[0] = {}): ZoomMock {
  const zoom = createZoomMock(options);
  server.use(...zoom.handlers);
  return zoom;
}

async function tokenRequest(form: Record<string, string>, credentials: [string, string] = [MOCK_CLIENT_ID, MOCK_CLIENT_SECRET]) {
  const response = await fetch("https://zoom.us/oauth/token", {
    method: "POST",
    headers: { authorization: basic(...credentials), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { access_token: string; refresh_token?: string; scope: string };
}

async function signIn(zoom: ZoomMock, clientId = MOCK_CLIENT_ID, clientSecret = MOCK_CLIENT_SECRET) {
  const pkce = makePkce();
  const url = new URL("https://zoom.us/oauth/authorize");
  url.search = new URLSearchParams({ response_type: "code", client_id: clientId, redirect_uri: REDIRECT_URI, code_challenge: pkce.challenge, code_challenge_method: "S256" }).toString();
  const code = (await zoom.approve(url)).searchParams.get("code") ?? "";
  return tokenRequest({ grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI, code_verifier: pkce.verifier }, [clientId, clientSecret]);
}

async function call(path: string, token: string) {
  const response = await fetch(`https://api.zoom.us/v2${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("the scopes every token carries", () => {
  it("a user's tokens (code, refresh, device flow) carry the app's scopes, space-separated, as recorded", async () => {
    const zoom = serve();
    const signedIn = await signIn(zoom);
    expect(signedIn.scope).toBe(DEFAULT_APP_SCOPES.join(" "));
    expect(zoom.state.findAccessToken(signedIn.access_token)?.scopes).toEqual(DEFAULT_APP_SCOPES);

    const refreshed = await tokenRequest({ grant_type: "refresh_token", refresh_token: signedIn.refresh_token ?? "" });
    expect(refreshed.scope).toBe(DEFAULT_APP_SCOPES.join(" "));

    const started = await fetch("https://zoom.us/oauth/devicecode", { method: "POST", headers: { authorization: basic(MOCK_CLIENT_ID, MOCK_CLIENT_SECRET) } });
    const { device_code, user_code } = (await started.json()) as { device_code: string; user_code: string };
    zoom.devices.approve(user_code);
    const device = await tokenRequest({ grant_type: "urn:ietf:params:oauth:grant-type:device_code", device_code });
    expect(device.scope).toBe(DEFAULT_APP_SCOPES.join(" "));
    zoom.assertNoViolations();
  });

  it("the app's own tokens (Server-to-Server, client_credentials) carry its account-level scopes", async () => {
    const zoom = serve();
    const s2s = await tokenRequest({ grant_type: "account_credentials", account_id: zoom.defaultApp.accountId });
    expect(s2s.scope).toBe(DEFAULT_APP_TOKEN_SCOPES.join(" "));
    const appOnly = await tokenRequest({ grant_type: "client_credentials" });
    expect(appOnly.scope).toBe(DEFAULT_APP_TOKEN_SCOPES.join(" "));
    expect(zoom.state.findAccessToken(appOnly.access_token)?.scopes).toEqual(DEFAULT_APP_TOKEN_SCOPES);
    zoom.assertNoViolations();
  });

  it("follow what the app was given: registerApp, the mock's options, a seed file", async () => {
    const zoom = serve({ defaultAppScopes: ["user:read:user"], defaultAppTokenScopes: ["user:read:list_users:admin"] });
    expect((await signIn(zoom)).scope).toBe("user:read:user");
    expect((await tokenRequest({ grant_type: "account_credentials", account_id: zoom.defaultApp.accountId })).scope).toBe("user:read:list_users:admin");

    // One list serves every grant unless the app's own tokens are given another.
    zoom.registerApp({ clientId: "s2s", clientSecret: "s2s-secret", scopes: ["meeting:read:admin", "user:read:admin"] });
    expect((await tokenRequest({ grant_type: "account_credentials", account_id: zoom.defaultApp.accountId }, ["s2s", "s2s-secret"])).scope).toBe(
      "meeting:read:admin user:read:admin",
    );

    const seeded = createSeededZoomMock(
      parseSeed({
        defaultAppScopes: ["meeting:read"],
        defaultAppTokenScopes: ["meeting:read:admin"],
        apps: [{ clientId: "bot", clientSecret: "bot-secret", scopes: ["user:read"], appTokenScopes: ["imchat:bot"] }],
      }),
    );
    expect(seeded.defaultApp).toMatchObject({ scopes: ["meeting:read"], appTokenScopes: ["meeting:read:admin"] });
    expect(seeded.state.apps.get("bot")).toMatchObject({ scopes: ["user:read"], appTokenScopes: ["imchat:bot"] });
  });

  it("refuses a scope name that cannot be written in a space-separated `scope`, naming the field", () => {
    const zoom = createZoomMock();
    expect(() => zoom.registerApp({ clientId: "x", clientSecret: "y", scopes: ["user:read meeting:read"] })).toThrow(
      'registerApp: scopes holds "user:read meeting:read", which is not a scope name',
    );
    expect(() => zoom.registerApp({ clientId: "x", clientSecret: "y", appTokenScopes: [""] })).toThrow("registerApp: appTokenScopes holds");
    expect(() => parseSeed({ apps: [{ clientId: "a", clientSecret: "b", scopes: ["two words"] }] }, "seed.json")).toThrow(
      "seed.json: apps[0].scopes[0] must be a scope name (a non-empty string without spaces)",
    );
    expect(() => parseSeed({ enforceScopes: "no" }, "seed.json")).toThrow("seed.json: enforceScopes must be boolean");
  });
});

describe("the mock's scope enforcement (on by default, as at Zoom)", () => {
  /** Signs the default user in to a new app configured with `scopes`. */
  let apps = 0;
  async function userTokenWith(zoom: ZoomMock, scopes: string[]): Promise<string> {
    const clientId = `app-${++apps}`;
    zoom.registerApp({ clientId, clientSecret: "secret", scopes });
    return (await signIn(zoom, clientId, "secret")).access_token;
  }

  it("answers Zoom's 400 code 4711, listing the granular scopes, to a token without any of the operation's scopes", async () => {
    const zoom = serve();
    expect(await call("/users/me", await userTokenWith(zoom, ["meeting:read"]))).toEqual({
      status: 400,
      body: { code: 4711, message: "Invalid access token, does not contain scopes:[user:read:user, user:read:user:admin]." },
    });
    // Zoom's answer, not a broken request: nothing is recorded as a violation.
    zoom.assertNoViolations();
  });

  it("lets a call through with any one classic or granular alternative", async () => {
    const zoom = serve();
    for (const scope of ["user:read", "user:read:admin", "user:read:user", "user:read:user:admin"]) {
      expect((await call("/users/me", await userTokenWith(zoom, [scope]))).status, scope).toBe(200);
    }
  });

  it("the seeded app's user tokens are user-level: an account-wide call needs an admin's scopes", async () => {
    const zoom = serve();
    const user = (await signIn(zoom)).access_token;
    expect((await call("/users/me", user)).status).toBe(200);
    expect(await call("/groups", user)).toEqual({
      status: 400,
      body: { code: 4711, message: "Invalid access token, does not contain scopes:[group:read:list_groups:admin]." },
    });
    const account = (await tokenRequest({ grant_type: "account_credentials", account_id: zoom.defaultApp.accountId })).access_token;
    expect((await call("/groups", account)).status).toBe(200);
  });

  it("checks the token before the scopes: an unknown token is still 401 code 124", async () => {
    serve();
    expect(await call("/users/me", "not-a-token")).toMatchObject({ status: 401, body: { code: 124 } });
  });

  it("is turned off with enforceScopes: false (or `\"enforceScopes\": false` in a seed file)", async () => {
    for (const zoom of [createZoomMock({ enforceScopes: false }), createSeededZoomMock(parseSeed({ enforceScopes: false }))]) {
      server.use(...zoom.handlers);
      const grant = zoom.state.createGrant({ kind: "authorization_code", clientId: MOCK_CLIENT_ID, userId: zoom.defaultUser.id, accountId: zoom.defaultApp.accountId, scopes: [] });
      expect((await call("/groups", zoom.state.issueAccessToken(grant).token)).status).toBe(200);
      server.resetHandlers();
    }
  });
});

describe("the seeded scope sets", () => {
  if (zoomApiSpec === null) throw new Error("specs/zoom-api.yaml has not been bundled");
  const operations = [...operationScopesOf(zoomApiSpec).entries()];
  const userLevel = (scope: string) => !scope.includes(":admin") && !scope.includes(":master");
  const allows = (held: readonly string[], required: { classic: readonly string[]; granular: readonly string[] }) =>
    [...required.classic, ...required.granular].some((scope) => held.includes(scope));

  it("the app's own tokens may call every operation of the spec", () => {
    expect(operations.length).toBeGreaterThan(200);
    expect(operations.filter(([, required]) => !allows(DEFAULT_APP_TOKEN_SCOPES, required)).map(([operationId]) => operationId)).toEqual([]);
    expect(DEFAULT_APP_TOKEN_SCOPES.filter(userLevel)).toEqual([]);
  });

  it("a user's tokens may make every call that has a user-level scope, and hold no account-level one", () => {
    const withUserScope = operations.filter(([, required]) => [...required.classic, ...required.granular].some(userLevel));
    expect(withUserScope.filter(([, required]) => !allows(DEFAULT_APP_SCOPES, required)).map(([operationId]) => operationId)).toEqual([]);
    expect(DEFAULT_APP_SCOPES.filter((scope) => !userLevel(scope))).toEqual([]);
  });
});

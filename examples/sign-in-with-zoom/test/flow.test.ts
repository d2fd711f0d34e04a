import { createZoomMock } from "@org/zoom-mock";
import { afterEach, describe, expect, it } from "vitest";
import { type RunningDemo, startDemo } from "../src/start-demo.js";
import { CookieJar } from "./cookie-jar.js";

// The whole flow over plain HTTP against the embedded mock Zoom (the browser test covers the same
// journey with clicks; these cover the failure paths a browser cannot easily provoke).

let demo: RunningDemo | undefined;
let logLines: string[] = [];

afterEach(async () => {
  const running = demo;
  demo = undefined;
  logLines = [];
  await running?.close();
  // Every request the app made to the mock Zoom followed the project's OAuth and API specs.
  running?.mock?.zoom.assertNoViolations();
});

async function start(mock = createZoomMock(), clock?: () => number) {
  demo = await startDemo({ env: { PORT: "0" }, log: (line) => logLines.push(line), mock, ...(clock ? { clock } : {}) });
  return { demo, mock, app: new URL(demo.url) };
}

/** `/login` as a browser would call it: returns the authorization URL and fills the jar with state + verifier. */
async function beginLogin(app: URL, jar: CookieJar): Promise<URL> {
  const response = await jar.fetch(new URL("/login", app));
  expect(response.status).toBe(302);
  return new URL(response.headers.get("location") ?? "");
}

function allIssuedAccessTokens(mock: ReturnType<typeof createZoomMock>): string[] {
  return [...mock.state.accessTokens.values()].map((record) => record.token);
}

describe("sign-in flow over HTTP", () => {
  it("sets the state and verifier in short-lived HttpOnly SameSite=Lax cookies scoped to /login", async () => {
    const { app, demo } = await start();
    const jar = new CookieJar();
    const authorizationURL = await beginLogin(app, jar);

    expect(authorizationURL.origin).toBe(demo.mock?.url);
    expect(authorizationURL.pathname).toBe("/oauth/authorize");
    expect(authorizationURL.searchParams.get("state")).toBe(jar.cookies.get("zoom_oauth_state"));
    expect(authorizationURL.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorizationURL.searchParams.get("redirect_uri")).toBe(new URL("/login/zoom/callback", app).href);
    for (const line of jar.setCookieLines) {
      expect(line).toMatch(/; Path=\/login; Max-Age=600; HttpOnly; SameSite=Lax$/);
      expect(line).not.toContain("Secure"); // http://localhost: a Secure cookie would never come back
    }
  });

  it("signs in, shows /users/me, keeps tokens server-side, and revokes on sign-out", async () => {
    const { app, mock } = await start();
    const jar = new CookieJar();
    const redirect = await mock.approve(await beginLogin(app, jar));

    const callback = await jar.fetch(redirect);
    expect(callback.status).toBe(302);
    expect(callback.headers.get("location")).toBe("/");
    expect(jar.cookies.has("zoom_oauth_state")).toBe(false);
    expect(jar.cookies.has("zoom_code_verifier")).toBe(false);
    const sessionId = jar.cookies.get("zoom_demo_session");
    expect(sessionId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [accessToken] = allIssuedAccessTokens(mock);
    expect(accessToken).toBeDefined();
    expect(sessionId).not.toBe(accessToken);

    const home = await jar.fetch(app);
    const html = await home.text();
    expect(home.status).toBe(200);
    expect(html).toContain(mock.defaultUser.display_name);
    expect(html).toContain(mock.defaultUser.email);
    expect(html).not.toContain(accessToken);

    const logout = await jar.fetch(new URL("/logout", app), {
      method: "POST",
      headers: { origin: app.origin },
    });
    expect(logout.status).toBe(303);
    expect(jar.cookies.has("zoom_demo_session")).toBe(false);
    expect(mock.state.verifyAccessToken(accessToken ?? "")).toEqual({ ok: false, reason: "revoked" });

    // Nothing secret in the log: no token, code, state or session id, one line per request.
    const log = logLines.join("\n");
    for (const secret of [accessToken, redirect.searchParams.get("code"), redirect.searchParams.get("state"), sessionId]) {
      expect(log).not.toContain(secret);
    }
    expect(logLines).toHaveLength(4);
    expect(logLines[1]).toMatch(/ GET \/login\/zoom\/callback 302 \d+ms$/);
  });

  it("shows only http(s) or data: image pictures, never a script URL", async () => {
    const { app, mock } = await start();
    const grace = mock.addUser({ first_name: "Grace", last_name: "Hopper", pic_url: "javascript:alert(1)" });
    const jar = new CookieJar();
    await jar.fetch(await mock.approve(await beginLogin(app, jar), { userId: grace.id }));

    const html = await (await jar.fetch(app)).text();
    expect(html).toContain(grace.display_name);
    expect(html).toContain("<span>GH</span>");
    expect(html).not.toContain("javascript:");
    expect(html).not.toContain('class="picture"');
  });

  it("rejects a callback whose state differs from the cookie, without exchanging the code", async () => {
    const { app, mock } = await start();
    const jar = new CookieJar();
    const redirect = await mock.approve(await beginLogin(app, jar));
    const forged = new URL(redirect);
    forged.searchParams.set("state", `${redirect.searchParams.get("state")?.slice(0, -1)}x`);

    const response = await jar.fetch(forged);
    const html = await response.text();
    expect(response.status).toBe(400);
    expect(html).toContain("This sign-in response does not belong to this browser");
    expect(html).toContain('href="/"');
    expect(allIssuedAccessTokens(mock)).toEqual([]);
    expect(jar.cookies.has("zoom_oauth_state")).toBe(false);
  });

  it("explains a callback that arrives with no sign-in in progress", async () => {
    const { app, mock } = await start();
    const redirect = await mock.approve(await beginLogin(app, new CookieJar()));
    const response = await new CookieJar().fetch(redirect);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("No sign-in is in progress in this browser");
  });

  it("explains a code that was already used (invalid_grant)", async () => {
    const { app, mock } = await start();
    const jar = new CookieJar();
    const redirect = await mock.approve(await beginLogin(app, jar));
    const loginCookies = jar.header();
    expect((await jar.fetch(redirect)).status).toBe(302);

    // Replay the same callback with the same state and verifier: only the code is spent.
    const replay = await fetch(redirect, { headers: { cookie: loginCookies }, redirect: "manual" });
    const html = await replay.text();
    expect(replay.status).toBe(400);
    expect(html).toContain("The sign-in code has expired or was already used");
    expect(html).not.toMatch(/\n\s+at /); // no stack trace
    expect(logLines.at(-1)).toMatch(/ 400 \d+ms error=OAuth2RequestError:invalid_grant/);
  });

  it("explains a code that expired before it was exchanged", async () => {
    let now = Date.parse("2026-01-01T00:00:00Z");
    const mock = createZoomMock({ clock: () => now });
    const { app } = await start(mock);
    const jar = new CookieJar();
    const redirect = await mock.approve(await beginLogin(app, jar));
    now += 6 * 60 * 1000; // Zoom's codes live 5 minutes

    const response = await jar.fetch(redirect);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("The sign-in code has expired or was already used");
  });

  it("refreshes an access token about to expire before calling /users/me", async () => {
    let now = Date.parse("2026-01-01T00:00:00Z");
    const clock = () => now;
    const mock = createZoomMock({ clock });
    const { app } = await start(mock, clock);
    const jar = new CookieJar();
    await jar.fetch(await mock.approve(await beginLogin(app, jar)));
    const [firstToken] = allIssuedAccessTokens(mock);

    now += 59 * 60 * 1000 + 30 * 1000; // 30 s before the hour is up
    const home = await jar.fetch(app);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain(mock.defaultUser.display_name);
    const tokens = allIssuedAccessTokens(mock);
    expect(tokens).toHaveLength(2);
    const secondToken = tokens.find((token) => token !== firstToken) ?? "";
    expect(mock.state.verifyAccessToken(secondToken).ok).toBe(true);

    // Sign-out revokes the token in use now, not the first one.
    await jar.fetch(new URL("/logout", app), { method: "POST", headers: { origin: app.origin } });
    expect(mock.state.verifyAccessToken(secondToken)).toEqual({ ok: false, reason: "revoked" });
  });

  it("keeps the session when Zoom's token endpoint is down while the access token still works", async () => {
    let now = Date.parse("2026-01-01T00:00:00Z");
    const clock = () => now;
    const mock = createZoomMock({ clock });
    const { app } = await start(mock, clock);
    const jar = new CookieJar();
    await jar.fetch(await mock.approve(await beginLogin(app, jar)));

    now += 59 * 60 * 1000 + 30 * 1000; // inside the refresh margin, not yet expired
    mock.faults.inject({ route: "token", kind: "network" });
    const home = await jar.fetch(app);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain(mock.defaultUser.display_name);
    expect(allIssuedAccessTokens(mock)).toHaveLength(1);

    // The next page after the outage refreshes as usual, in the same session.
    const next = await jar.fetch(app);
    expect(next.status).toBe(200);
    expect(allIssuedAccessTokens(mock)).toHaveLength(2);
  });

  it("shows the denied-consent page for ?error=access_denied", async () => {
    const { app, mock } = await start();
    const jar = new CookieJar();
    const redirect = await mock.deny(await beginLogin(app, jar));
    const response = await jar.fetch(redirect);
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("You did not allow access");
    expect(jar.cookies.size).toBe(0);
  });

  it("refuses a cross-site sign-out and keeps the session", async () => {
    const { app, mock } = await start();
    const jar = new CookieJar();
    await jar.fetch(await mock.approve(await beginLogin(app, jar)));

    for (const headers of [{ "sec-fetch-site": "cross-site" }, { origin: "https://evil.example" }, {}]) {
      const response = await jar.fetch(new URL("/logout", app), { method: "POST", headers });
      expect(response.status, JSON.stringify(headers)).toBe(403);
    }
    expect(jar.cookies.has("zoom_demo_session")).toBe(true);
    expect((await (await jar.fetch(app)).text()).includes(mock.defaultUser.display_name)).toBe(true);
  });

  it("ends the session when Zoom no longer accepts its token", async () => {
    const { app, mock } = await start();
    const jar = new CookieJar();
    await jar.fetch(await mock.approve(await beginLogin(app, jar)));
    for (const record of mock.state.accessTokens.values()) mock.state.revokeGrant(record.grantId);

    // The API refuses the token (401); the app refreshes once more, and Zoom refuses the refresh token too.
    const response = await jar.fetch(app);
    expect(response.status).toBe(401);
    expect(await response.text()).toContain("Your Zoom sign-in is no longer valid");
    expect(logLines.at(-1)).toMatch(/ 401 \d+ms error=ReauthorizationRequiredError/);
    expect(jar.cookies.has("zoom_demo_session")).toBe(false);
  });

  it("answers unknown paths and wrong methods with an error page", async () => {
    const { app } = await start();
    const missing = await fetch(new URL("/nope", app));
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("Page not found");
    const wrongMethod = await fetch(new URL("/logout", app));
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("POST");
    // A HEAD of the callback (link checker, prefetch) must not spend the code.
    const head = await fetch(new URL("/login/zoom/callback?code=c&state=s", app), { method: "HEAD" });
    expect(head.status).toBe(405);
  });

  it("sends the login to the canonical host so the cookies come back with the callback", async () => {
    const { app } = await start();
    const viaIp = new URL("/login", app);
    viaIp.hostname = "127.0.0.1";
    const response = await fetch(viaIp, { redirect: "manual" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(new URL("/login", app).href);
    expect(response.headers.getSetCookie()).toEqual([]);
  });
});

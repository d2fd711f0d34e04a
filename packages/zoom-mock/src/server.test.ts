import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createZoomMock, MOCK_CLIENT_ID, MOCK_CLIENT_SECRET } from "./index.js";
import { startZoomMockServer, type ZoomMockServer } from "./server.js";
import { basic, makePkce } from "./test-support/pkce.js";

const REDIRECT_URI = "http://127.0.0.1:3000/callback";
const zoom = createZoomMock();
let server: ZoomMockServer;

beforeAll(async () => {
  server = await startZoomMockServer({ mock: zoom, port: 0 });
});
afterAll(() => server.close());

function authorizeURL(challenge: string, clientId = MOCK_CLIENT_ID): URL {
  const url = new URL("/oauth/authorize", server.url);
  url.search = new URLSearchParams({
    response_type: "code",
    client_id: clientId,
    redirect_uri: REDIRECT_URI,
    state: "st",
    code_challenge: challenge,
    code_challenge_method: "S256",
  }).toString();
  return url;
}

/** Reads the hidden fields of the consent form, as a browser would submit them. */
function consentForm(html: string): URLSearchParams {
  const form = new URLSearchParams();
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    form.set(name ?? "", (value ?? "").replace(/&amp;/g, "&"));
  }
  return form;
}

describe("startZoomMockServer", () => {
  it("listens on loopback and advertises itself as api_url", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(zoom.state.apiUrl).toBe(server.url);
  });

  it("runs authorize, consent and token over real HTTP", async () => {
    const pkce = makePkce();
    const page = await fetch(authorizeURL(pkce.challenge));
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain("Ada Lovelace");
    expect(html).toContain('<form method="post" action="/oauth/authorize">');

    const form = consentForm(html);
    form.set("decision", "allow");
    const decision = await fetch(new URL("/oauth/authorize", server.url), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: form,
      redirect: "manual",
    });
    expect(decision.status).toBe(302);
    const location = new URL(decision.headers.get("location") ?? "");
    expect(location.origin + location.pathname).toBe(REDIRECT_URI);
    expect(location.searchParams.get("state")).toBe("st");

    const tokens = await fetch(new URL("/oauth/token", server.url), {
      method: "POST",
      headers: { authorization: basic(MOCK_CLIENT_ID, MOCK_CLIENT_SECRET), "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code: location.searchParams.get("code") ?? "",
        redirect_uri: REDIRECT_URI,
        code_verifier: pkce.verifier,
      }),
    });
    expect(tokens.status).toBe(200);
    expect(await tokens.json()).toMatchObject({ token_type: "bearer", api_url: server.url });
    zoom.assertNoViolations();
  });

  it("answers Deny with error=access_denied", async () => {
    const form = consentForm(await (await fetch(authorizeURL(makePkce().challenge))).text());
    form.set("decision", "deny");
    const decision = await fetch(new URL("/oauth/authorize", server.url), { method: "POST", body: form, redirect: "manual" });
    expect(new URL(decision.headers.get("location") ?? "").searchParams.get("error")).toBe("access_denied");
  });

  it("shows an error page, and redirects nowhere, for an unknown client", async () => {
    const page = await fetch(authorizeURL(makePkce().challenge, "unknown-client"), { redirect: "manual" });
    expect(page.status).toBe(400);
    expect(page.headers.get("location")).toBeNull();
    expect(await page.text()).toContain("The app is unknown");
  });

  it("drops the connection for a network fault", async () => {
    zoom.faults.inject({ route: "token", kind: "network" });
    await expect(fetch(new URL("/oauth/token", server.url), { method: "POST", body: new URLSearchParams() })).rejects.toThrow(TypeError);
  });

  it("answers its health check and a Zoom-style 404 for a path it does not serve", async () => {
    const health = await fetch(new URL("/health", server.url));
    expect([health.status, await health.json()]).toEqual([200, { status: "ok" }]);
    const unknown = await fetch(new URL("/nothing/here", server.url));
    expect([unknown.status, await unknown.json()]).toEqual([404, { code: 404, message: "No route for GET /nothing/here." }]);
  });

  it("resets the socket for a network fault: an HTTP client sees ECONNRESET and no response", async () => {
    zoom.faults.inject({ route: "token", kind: "network" });
    const failure = await new Promise<NodeJS.ErrnoException>((resolve, reject) => {
      const request = httpRequest(new URL("/oauth/token", server.url), { method: "POST" }, () => reject(new Error("a response arrived")));
      request.on("error", resolve);
      request.end("grant_type=client_credentials");
    });
    expect(failure.code).toBe("ECONNRESET");
  });

  it("holds the socket without writing a byte during a delay fault", async () => {
    zoom.faults.inject({ route: "token", kind: "delay", delayMs: "infinite" });
    const { port, hostname } = new URL(server.url);
    const socket = connect(Number(port), hostname);
    let received = "";
    socket.on("data", (chunk) => {
      received += chunk.toString();
    });
    socket.write(`POST /oauth/token HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Length: 0\r\n\r\n`);
    // The fault is taken once the request reached the handler: from then on the server is holding it.
    while (zoom.faults.pending.length > 0) await new Promise((resolve) => setTimeout(resolve, 10));
    // A full exchange on another connection: had the held request been answered, its bytes would be here by now.
    expect((await fetch(new URL("/health", server.url))).status).toBe(200);
    socket.destroy();
    expect(received).toBe("");
  });
});

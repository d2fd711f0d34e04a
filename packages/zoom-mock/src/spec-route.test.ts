import { HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createZoomMock, MOCK_CLIENT_ID, MOCK_CLIENT_SECRET, type SpecViolation, SpecViolationError } from "./index.js";
import { createSpecRoute } from "./spec-route.js";
import { basic } from "./test-support/pkce.js";

const seen: SpecViolation[] = [];
const strictZoom = createZoomMock({ onViolation: (violation) => seen.push(violation) });
const lenientZoom = createZoomMock({ strict: false });
const server = setupServer();

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  server.resetHandlers();
  strictZoom.clearViolations();
  lenientZoom.clearViolations();
  seen.length = 0;
});
afterAll(() => server.close());

const exchangeWithoutRedirectUri = () =>
  fetch("https://zoom.us/oauth/token", {
    method: "POST",
    headers: { authorization: basic(MOCK_CLIENT_ID, MOCK_CLIENT_SECRET), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "authorization_code", code: "any" }),
  });

describe("a request that breaks the spec", () => {
  it("in strict mode is answered 400 naming the violation, recorded, reported, and fails assertNoViolations", async () => {
    server.use(...strictZoom.handlers);
    const response = await exchangeWithoutRedirectUri();
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: "invalid_request",
      reason: "specs/zoom-oauth.yaml violation: request POST /oauth/token: body must have required property 'redirect_uri'",
    });
    expect(strictZoom.violations).toHaveLength(1);
    expect(seen).toEqual(strictZoom.violations);
    expect(() => strictZoom.assertNoViolations()).toThrow(SpecViolationError);
    expect(() => strictZoom.assertNoViolations()).toThrow(/redirect_uri/);
  });

  it("in lenient mode is recorded and then answered by the model, like Zoom would", async () => {
    server.use(...lenientZoom.handlers);
    const response = await exchangeWithoutRedirectUri();
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ reason: "Invalid authorization code", error: "invalid_grant" });
    expect(lenientZoom.violations.map((violation) => violation.message)).toEqual(["body must have required property 'redirect_uri'"]);
  });

  it("through approve() throws in strict mode", async () => {
    const url = "https://zoom.us/oauth/authorize?client_id=mock-client-id&redirect_uri=http%3A%2F%2Flocalhost%2Fcb";
    await expect(strictZoom.approve(url)).rejects.toThrow(/query must have required property 'response_type'/);
  });
});

describe("a response that breaks the spec", () => {
  it("is replaced by a 500 naming the violation in strict mode", async () => {
    const { runtime, validators } = strictZoom.context;
    server.use(
      createSpecRoute({
        runtime,
        validator: validators.oauth,
        method: "post",
        path: "*/oauth/revoke",
        faultRoutes: () => ["revoke"],
        violationResponse: (violations) => HttpResponse.json({ error: "server_error", reason: violations[0]?.message ?? "" }, { status: 500 }),
        faultErrorBody: () => ({}),
        resolve: () => HttpResponse.json({ status: "done" }),
      }),
    );
    const response = await fetch("https://zoom.us/oauth/revoke", {
      method: "POST",
      headers: { authorization: basic(MOCK_CLIENT_ID, MOCK_CLIENT_SECRET), "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token: "t" }),
    });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: "server_error", reason: 'body.status must be "success"' });
    expect(strictZoom.violations).toMatchObject([{ side: "response", operation: "POST /oauth/revoke" }]);
  });
});

describe("fault injection", () => {
  const tokenCall = () =>
    fetch("https://zoom.us/oauth/token", {
      method: "POST",
      headers: { authorization: basic(MOCK_CLIENT_ID, MOCK_CLIENT_SECRET), "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "client_credentials" }),
    });

  it("answers the next N requests of a route with a 5xx, then behaves again", async () => {
    server.use(...strictZoom.handlers);
    strictZoom.faults.inject({ route: "token", kind: "status", status: 503, times: 2 });
    expect((await tokenCall()).status).toBe(503);
    const second = await tokenCall();
    expect(second.status).toBe(503);
    expect(await second.json()).toEqual({ error: "server_error", reason: "Injected fault: HTTP 503" });
    expect((await tokenCall()).status).toBe(200);
    expect(strictZoom.faults.pending).toEqual([]);
  });

  it("answers with HTML, any JSON body, or a network error", async () => {
    server.use(...strictZoom.handlers);
    strictZoom.faults.inject({ route: "token", kind: "html" });
    strictZoom.faults.inject({ route: "token", kind: "json", body: { hello: "world" } });
    strictZoom.faults.inject({ route: "token", kind: "network" });
    const html = await tokenCall();
    expect([html.status, html.headers.get("content-type")]).toEqual([502, "text/html"]);
    expect(await html.text()).toContain("<h1>Error 502</h1>");
    const json = await tokenCall();
    expect([json.status, await json.json()]).toEqual([200, { hello: "world" }]);
    await expect(tokenCall()).rejects.toThrow(TypeError);
  });

  it("only affects its own route", async () => {
    server.use(...strictZoom.handlers);
    strictZoom.faults.inject({ route: "revoke", kind: "network" });
    expect((await tokenCall()).status).toBe(200);
    expect(strictZoom.faults.pending).toHaveLength(1);
  });

  it("delays a request and then answers it normally", async () => {
    server.use(...strictZoom.handlers);
    strictZoom.faults.inject({ route: "token", kind: "delay", delayMs: 1 });
    expect((await tokenCall()).status).toBe(200);
  });

  it("refuses a fault it cannot act out", () => {
    expect(() => strictZoom.faults.inject({ route: "token", kind: "delay" })).toThrow(/needs delayMs/);
    expect(() => strictZoom.faults.inject({ route: "token", kind: "status", status: 42 })).toThrow(/status must be/);
    expect(() => strictZoom.faults.inject({ route: "token", kind: "network", times: 0 })).toThrow(/times/);
  });
});

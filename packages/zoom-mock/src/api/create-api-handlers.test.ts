import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createZoomMock } from "../create-zoom-mock.js";
import { zoomApiSpec } from "../generated/index.js";
import { apiOperationOf } from "./operations/index.js";
import { buildRouteTable } from "./route-table.js";

const zoom = createZoomMock();
const server = setupServer(...zoom.handlers);

/** A token the user granted the default app: it carries the app's (user-level) scopes. */
function tokenFor(userId: string): string {
  const grant = zoom.state.createGrant({
    kind: "authorization_code",
    clientId: zoom.defaultApp.clientId,
    userId,
    accountId: zoom.defaultApp.accountId,
    scopes: zoom.defaultApp.scopes,
  });
  return zoom.state.issueAccessToken(grant).token;
}

const api = (path: string, init: RequestInit & { token?: string } = {}) => {
  const headers = new Headers(init.headers);
  if (init.token !== undefined) headers.set("authorization", `Bearer ${init.token}`);
  if (init.body !== undefined) headers.set("content-type", "application/json");
  return fetch(`https://api.zoom.us/v2${path}`, { ...init, headers });
};

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => zoom.clearViolations());
afterAll(() => server.close());

describe("route table", () => {
  it("has an operation implementation for every operation of the spec", () => {
    if (zoomApiSpec === null) throw new Error("specs/zoom-api.yaml has not been bundled");
    const missing = buildRouteTable(zoomApiSpec)
      .map((route) => route.operationId)
      .filter((operationId) => apiOperationOf(operationId) === undefined);
    expect(missing).toEqual([]);
  });

  it("puts the literal /users/me before /users/{userId}", () => {
    if (zoomApiSpec === null) throw new Error("specs/zoom-api.yaml has not been bundled");
    const paths = buildRouteTable(zoomApiSpec).map((route) => `${route.method} ${route.pathTemplate}`);
    expect(paths.indexOf("get /users/me")).toBeLessThan(paths.indexOf("get /users/{userId}"));
    expect(buildRouteTable(zoomApiSpec).find((route) => route.operationId === "user")?.mswPath).toBe("*/v2/users/:userId");
  });
});

describe("API handlers", () => {
  it("answers /users/me for the token's user, with a tracking id", async () => {
    const response = await api("/users/me", { token: tokenFor(zoom.defaultUser.id) });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-zm-trackingid")).toMatch(/^v=2\.0;clid=us01;rid=WEB_[0-9a-f]{32}$/);
    expect(await response.json()).toMatchObject({ id: zoom.defaultUser.id, email: "ada@example.com", first_name: "Ada" });
    expect(zoom.violations).toEqual([]);
  });

  it("refuses a missing or unknown token with 401 code 124", async () => {
    for (const token of [undefined, "not-a-token"]) {
      const response = await api("/users/me", token === undefined ? {} : { token });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ code: 124, message: "Invalid access token." });
    }
    expect(zoom.violations).toEqual([]);
  });

  it("answers 404 code 1001 for an unknown user", async () => {
    const response = await api("/users/nobody", { token: tokenFor(zoom.defaultUser.id) });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ code: 1001, message: "User does not exist: nobody." });
  });

  it("answers a request that breaks the spec with 400 code 300 naming the field, and records it", async () => {
    const response = await api("/users/me/meetings?page_size=301", { token: tokenFor(zoom.defaultUser.id) });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { code: number; errors: { field: string }[] };
    expect(body.code).toBe(300);
    expect(body.errors.map((error) => error.field)).toEqual(["page_size"]);
    expect(zoom.violations).toEqual([expect.objectContaining({ side: "request", location: "query" })]);
  });

  it("reports a mock response that breaks the response schema and answers 500 in strict mode", async () => {
    // A user id must be a string: a fixture with a numeric id breaks the User schema.
    zoom.api.overrideResponse("userMe", (result) => ({ ...result, body: { ...(result.body as object), id: 42 } }));
    const response = await api("/users/me", { token: tokenFor(zoom.defaultUser.id) });
    expect(response.status).toBe(500);
    expect(zoom.violations).toEqual([
      {
        side: "response",
        operation: "GET /users/me",
        operationId: "userMe",
        location: "body",
        field: "id",
        rule: "type",
        message: "body.id must be string",
      },
    ]);
    expect(() => zoom.assertNoViolations()).toThrow(/response GET \/users\/me/);
  });

  it("simulates a QPS limit with Retry-After seconds and X-RateLimit headers", async () => {
    zoom.api.rateLimit({ type: "QPS", retryAfterSeconds: 2 });
    const token = tokenFor(zoom.defaultUser.id);
    const limited = await api("/users/me", { token });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("2");
    expect(limited.headers.get("x-ratelimit-type")).toBe("QPS");
    expect(limited.headers.get("x-ratelimit-category")).toBe("Light");
    expect(await limited.json()).toMatchObject({ code: 429 });
    expect((await api("/users/me", { token })).status).toBe(200);
    expect(zoom.violations).toEqual([]);
  });

  it("test hooks create meetings and webinars for a user named by id or email", () => {
    const api = zoom.api;
    expect(api.createMeeting(zoom.defaultUser.id, { topic: "Hooked" }).host_id).toBe(zoom.defaultUser.id);
    expect(api.createWebinar("ada@example.com").host_email).toBe("ada@example.com");
    expect(() => api.createMeeting("nobody")).toThrow(expect.objectContaining({ code: 1001 }));
  });

  it("creates, reads, patches and deletes a meeting", async () => {
    const token = tokenFor(zoom.defaultUser.id);
    const createdResponse = await api("/users/me/meetings", {
      method: "POST",
      token,
      body: JSON.stringify({ topic: "Planning", type: 2, start_time: "2026-12-01T10:00:00Z", duration: 30 }),
    });
    expect(createdResponse.status).toBe(201);
    const meeting = (await createdResponse.json()) as { id: number; join_url: string };
    expect(Number.isInteger(meeting.id)).toBe(true);
    const patched = await api(`/meetings/${meeting.id}`, { method: "PATCH", token, body: JSON.stringify({ topic: "Planning 2" }) });
    expect(patched.status).toBe(204);
    expect(await (await api(`/meetings/${meeting.id}`, { token })).json()).toMatchObject({ id: meeting.id, topic: "Planning 2" });
    expect((await api(`/meetings/${meeting.id}`, { method: "DELETE", token })).status).toBe(204);
    const gone = await api(`/meetings/${meeting.id}`, { token });
    expect(gone.status).toBe(404);
    expect(await gone.json()).toMatchObject({ code: 3001 });
    expect(zoom.violations).toEqual([]);
  });
});

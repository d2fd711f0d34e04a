import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { createZoomClient } from "./create-zoom-client.js";
import { unwrap } from "./unwrap.js";
import { createZoomApiError, ZoomApiError } from "./zoom-api-error.js";

const API = "https://api.zoom.us/v2";
const NOW = Date.parse("2026-11-28T12:00:00Z");
const validationFailure = {
  code: 300,
  message: "Validation Failed.",
  errors: [{ field: "email", message: "Invalid field." }],
};

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function answerUsersMe(status: number, body: unknown, headers: Record<string, string> = {}) {
  server.use(http.get(`${API}/users/me`, () => HttpResponse.json(body as object, { status, headers })));
}

describe("createZoomApiError", () => {
  it("reads Zoom's code, message, field errors and tracking id", () => {
    const response = new Response(null, { status: 400, headers: { "x-zm-trackingid": "v=2.0;clid=us06;rid=1" } });
    const error = createZoomApiError(response, validationFailure);
    expect(error).toBeInstanceOf(ZoomApiError);
    expect(error).toMatchObject({
      name: "ZoomApiError",
      status: 400,
      code: 300,
      message: "Validation Failed.",
      errors: [{ field: "email", message: "Invalid field." }],
      trackingId: "v=2.0;clid=us06;rid=1",
      rateLimit: null,
      body: validationFailure,
    });
  });

  it("describes the HTTP status when the body is not Zoom's (e.g. an HTML page from a proxy)", () => {
    const error = createZoomApiError(new Response(null, { status: 502, statusText: "Bad Gateway" }), "<html>…</html>");
    expect(error).toMatchObject({ status: 502, code: null, errors: [], trackingId: null, body: "<html>…</html>" });
    expect(error.message).toBe("Zoom API answered HTTP 502 Bad Gateway");
  });

  it("adds the rate-limit headers to a 429", () => {
    const response = new Response(null, {
      status: 429,
      headers: { "X-RateLimit-Type": "QPS", "X-RateLimit-Remaining": "0", "Retry-After": "1" },
    });
    expect(createZoomApiError(response, { code: 429, message: "slow down" }, NOW).rateLimit).toEqual({
      type: "QPS",
      category: null,
      limit: null,
      remaining: 0,
      retryAt: new Date(NOW + 1000),
    });
  });
});

describe("throwOnError", () => {
  it("throws ZoomApiError for a non-2xx answer", async () => {
    answerUsersMe(401, { code: 124, message: "Invalid access token." }, { "x-zm-trackingid": "track-1" });
    const client = createZoomClient({ accessToken: "expired-token", throwOnError: true });
    const error = await client.GET("/users/me").catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ZoomApiError);
    expect(error).toMatchObject({ status: 401, code: 124, message: "Invalid access token.", trackingId: "track-1" });
  });

  it("throws after retries are spent, with the final answer", async () => {
    let attempts = 0;
    server.use(
      http.get(`${API}/users/me`, () => {
        attempts++;
        return HttpResponse.json({ code: 500, message: `failure ${attempts}` }, { status: 500 });
      }),
    );
    const client = createZoomClient({ accessToken: "t", throwOnError: true, testing: { sleep: async () => {} } });
    await expect(client.GET("/users/me")).rejects.toMatchObject({ status: 500, message: "failure 3" });
  });

  it("returns data unchanged for a 2xx answer", async () => {
    answerUsersMe(200, { id: "u1", email: "ada@example.com" });
    const client = createZoomClient({ accessToken: "t", throwOnError: true });
    expect((await client.GET("/users/me")).data?.email).toBe("ada@example.com");
  });

  it("never puts the access token in the error's message, stack or JSON", async () => {
    const secret = "super-secret-access-token";
    answerUsersMe(401, { code: 124, message: "Invalid access token." });
    const client = createZoomClient({ accessToken: secret, throwOnError: true });
    const error = (await client.GET("/users/me").catch((thrown: unknown) => thrown)) as ZoomApiError;
    for (const text of [error.message, error.stack ?? "", JSON.stringify(error)]) expect(text).not.toContain(secret);
  });
});

describe("unwrap", () => {
  it("returns the typed data of a successful call", async () => {
    answerUsersMe(200, { id: "u1", email: "ada@example.com" });
    const client = createZoomClient({ accessToken: "t" });
    const me = await unwrap(client.GET("/users/me"));
    expectTypeOf(me.email).toEqualTypeOf<string>();
    expect(me.email).toBe("ada@example.com");
  });

  it("throws ZoomApiError for a failed call, from a promise or a settled result", async () => {
    answerUsersMe(404, { code: 1001, message: "User does not exist: me" });
    const client = createZoomClient({ accessToken: "t" });
    await expect(unwrap(client.GET("/users/me"))).rejects.toMatchObject({ name: "ZoomApiError", code: 1001 });
    const settled = await client.GET("/users/me");
    expect(() => unwrap(settled)).toThrow(ZoomApiError);
  });
});

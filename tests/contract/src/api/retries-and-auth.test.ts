import { createZoomClient, unwrap, ZoomApiError } from "@org/zoom-api";
import { describe, expect, it } from "vitest";
import { GENERATED_DEFAULTS, signIn, useZoomApiMock, zoomAuth } from "./api-fixture.js";

// The mock and the client share this clock, so date-form Retry-After values resolve the same on both sides.
let now = Date.parse("2026-11-28T10:00:00Z");
const clock = () => now;
const { zoom, api, requests } = useZoomApiMock({ clock });

/** A client that records the waits it asks for instead of sleeping, on the mock's clock. */
async function recordingClient(options: { maxRetries?: number } = {}) {
  const tokens = await signIn(zoom);
  const waits: number[] = [];
  const client = createZoomClient({
    accessToken: tokens.accessToken(),
    testing: {
      clock,
      random: () => 0.5,
      sleep: async (ms) => {
        waits.push(ms);
      },
    },
    ...options,
  });
  requests.length = 0;
  return { client, waits, tokens };
}

describe("retries against the mock's rate limits and faults", () => {
  it("retries a 429 whose Retry-After is in seconds (QPS), after waiting that long", async () => {
    const { client, waits } = await recordingClient();
    api.rateLimit({ type: "QPS", retryAfterSeconds: 1 });
    const me = await unwrap(client.GET("/users/me"));
    expect(me.id).toBe(zoom.defaultUser.id);
    expect(requests).toEqual(["GET /v2/users/me", "GET /v2/users/me"]);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThanOrEqual(1000);
  });

  it.each(["http-date", "date-time"] as const)("retries a 429 whose Retry-After is a date (%s form), waiting until then", async (format) => {
    const { client, waits } = await recordingClient();
    api.rateLimit({ type: "QPS", retryAfterSeconds: 3, retryAfterFormat: format });
    const me = await unwrap(client.GET("/users/me"));
    expect(me.id).toBe(zoom.defaultUser.id);
    expect(requests).toEqual(["GET /v2/users/me", "GET /v2/users/me"]);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThanOrEqual(3000);
    expect(waits[0]).toBeLessThan(10_000);
  });

  it("surfaces a daily limit that resets hours away instead of sleeping on it", async () => {
    const { client, waits } = await recordingClient();
    api.rateLimit({ type: "Daily-limit" });
    const { error, response } = await client.GET("/users/me");
    expect(response.status).toBe(429);
    expect(response.headers.get("x-ratelimit-type")).toBe("Daily-limit");
    expect(response.headers.get("retry-after")).toBe("2026-11-29T00:00:00.000Z");
    expect(error).toMatchObject({ code: 429 });
    expect(waits).toEqual([]);
    expect(requests).toHaveLength(1);
  });

  it("retries a GET answered 503", async () => {
    const { client } = await recordingClient();
    zoom.faults.inject({ route: "userMe", kind: "status", status: 503 });
    expect((await unwrap(client.GET("/users/me"))).email).toBe("ada@example.com");
    expect(requests).toEqual(["GET /v2/users/me", "GET /v2/users/me"]);
  });

  it("does not retry a POST answered 502: the meeting might have been created", async () => {
    const { client } = await recordingClient();
    zoom.faults.inject({ route: "meetingCreate", kind: "status", status: 502 });
    const { error, response } = await client.POST("/users/{userId}/meetings", {
      params: { path: { userId: "me" } },
      body: { topic: "Once only", type: 2, duration: 30, ...GENERATED_DEFAULTS },
    });
    expect(response.status).toBe(502);
    expect(error).toBeDefined();
    expect(requests).toEqual(["POST /v2/users/me/meetings"]);
    expect(api.model.meetings.hostedBy(zoom.defaultUser.id).some((meeting) => meeting.topic === "Once only")).toBe(false);
  });
});

describe("bearer tokens", () => {
  it("answers 401 code 124 once the token is revoked", async () => {
    const { client, tokens } = await recordingClient();
    expect((await client.GET("/users/me")).response.status).toBe(200);
    await zoomAuth().revokeToken(tokens.accessToken());
    const failure = await unwrap(client.GET("/users/me")).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ZoomApiError);
    expect(failure).toMatchObject({ status: 401, code: 124, message: "Invalid access token." });
  });

  it("answers 401 code 124 once the token has expired (after an hour)", async () => {
    const saved = now;
    try {
      const { client } = await recordingClient();
      now += 60 * 60 * 1000;
      const { error, response } = await client.GET("/users/me");
      expect(response.status).toBe(401);
      expect(error).toEqual({ code: 124, message: "Invalid access token." });
    } finally {
      now = saved;
    }
  });

  it("answers 401 code 124 to a token the mock never issued", async () => {
    const response = await fetch("https://api.zoom.us/v2/users/me", { headers: { Authorization: "Bearer made-up" } });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ code: 124, message: "Invalid access token." });
  });
});

import { describe, expect, it } from "vitest";
import { createFakeFetch, jsonResponse, type RecordedRequest } from "../../oauth-core/test/fake-fetch.js";
import { DeviceAuthorization, DeviceAuthorizationError, OAuth2RequestError, UnexpectedResponseError, Zoom } from "./index.js";

const START = Date.UTC(2026, 0, 1);
const DEVICE_CODE = "device-code-secret-123";

const deviceAnswer = (fields: Record<string, unknown> = {}) =>
  jsonResponse({
    device_code: DEVICE_CODE,
    user_code: "WDJB-MJHT",
    verification_uri: "https://zoom.us/oauth_device",
    verification_uri_complete: "https://zoom.us/oauth_device?user_code=WDJB-MJHT",
    expires_in: 900,
    interval: 5,
    ...fields,
  });

const tokens = { access_token: "at-1", refresh_token: "rt-1", token_type: "bearer", expires_in: 3599, scope: "user:read", api_url: "https://eu01api.zoom.us" };

/**
 * A Zoom client over a fake token endpoint that answers each poll from `polls` in turn, and a sleep
 * that records each wait and moves the fake clock by it: no real time passes.
 */
function deviceFlow(polls: Array<() => Response>, deviceFields: Record<string, unknown> = {}) {
  let now = START;
  const waits: number[] = [];
  let poll = 0;
  const fake = createFakeFetch((request: RecordedRequest) => {
    if (request.url.startsWith("https://zoom.us/oauth/devicecode")) return deviceAnswer(deviceFields);
    const answer = polls[poll++];
    if (answer === undefined) throw new Error("polled more often than the test expected");
    return answer();
  });
  const zoom = new Zoom("client-id", "client-secret", null, { fetch: fake.fetch, clock: () => now });
  const sleep = async (ms: number) => {
    waits.push(ms);
    now += ms;
  };
  return { zoom, sleep, waits, requests: fake.requests, pollCount: () => poll };
}

const pending = () => jsonResponse({ error: "authorization_pending", reason: "User has not yet authorized" }, 400);
const slowDown = () => jsonResponse({ error: "slow_down" }, 400);
const approved = () => jsonResponse(tokens);

describe("Zoom device authorization", () => {
  it("asks /oauth/devicecode with Basic credentials and client_id, and keeps the device code out of sight", async () => {
    const { zoom, requests } = deviceFlow([]);
    const authorization = await zoom.requestDeviceAuthorization();
    expect(requests[0]?.method).toBe("POST");
    expect(requests[0]?.url).toBe("https://zoom.us/oauth/devicecode?client_id=client-id");
    expect(requests[0]?.headers.get("Authorization")).toBe(`Basic ${btoa("client-id:client-secret")}`);
    expect(authorization).toBeInstanceOf(DeviceAuthorization);
    expect(authorization.userCode).toBe("WDJB-MJHT");
    expect(authorization.verificationURI).toBe("https://zoom.us/oauth_device");
    expect(authorization.verificationURIComplete).toBe("https://zoom.us/oauth_device?user_code=WDJB-MJHT");
    expect(authorization.interval).toBe(5);
    expect(authorization.expiresAt).toEqual(new Date(START + 900_000));
    expect(authorization.deviceCode()).toBe(DEVICE_CODE);
    expect(JSON.stringify(authorization)).not.toContain(DEVICE_CODE);
  });

  it("polls every interval while the user has not decided, then resolves to ZoomTokens", async () => {
    const { zoom, sleep, waits, requests } = deviceFlow([pending, pending, approved]);
    const authorization = await zoom.requestDeviceAuthorization();
    const result = await zoom.pollDeviceAuthorization(authorization, { testing: { sleep } });
    expect(result.accessToken()).toBe("at-1");
    expect(result.refreshToken()).toBe("rt-1");
    expect(result.apiUrl()).toBe("https://eu01api.zoom.us");
    expect(waits).toEqual([5000, 5000, 5000]);
    expect(requests[1]?.url).toBe("https://zoom.us/oauth/token");
    expect(requests[1]?.body).toBe(
      `grant_type=${encodeURIComponent("urn:ietf:params:oauth:grant-type:device_code")}&device_code=${DEVICE_CODE}`,
    );
  });

  it("waits five seconds more after every slow_down, for the rest of the poll", async () => {
    const { zoom, sleep, waits } = deviceFlow([slowDown, pending, slowDown, pending, approved]);
    const events: unknown[] = [];
    await zoom.pollDeviceAuthorization(await zoom.requestDeviceAuthorization(), { testing: { sleep }, onPending: (event) => events.push(event) });
    expect(waits).toEqual([5000, 10_000, 10_000, 15_000, 15_000]);
    expect(events).toEqual([
      { code: "slow_down", nextPollInMs: 10_000 },
      { code: "authorization_pending", nextPollInMs: 10_000 },
      { code: "slow_down", nextPollInMs: 15_000 },
      { code: "authorization_pending", nextPollInMs: 15_000 },
    ]);
  });

  it("uses the server's interval, and five seconds when it names none", async () => {
    const slow = deviceFlow([approved], { interval: 8 });
    await slow.zoom.pollDeviceAuthorization(await slow.zoom.requestDeviceAuthorization(), { testing: { sleep: slow.sleep } });
    expect(slow.waits).toEqual([8000]);
    const unnamed = deviceFlow([approved], { interval: undefined });
    await unnamed.zoom.pollDeviceAuthorization(await unnamed.zoom.requestDeviceAuthorization(), { testing: { sleep: unnamed.sleep } });
    expect(unnamed.waits).toEqual([5000]);
  });

  it("rejects with DeviceAuthorizationError access_denied when the user refuses", async () => {
    const { zoom, sleep } = deviceFlow([pending, () => jsonResponse({ error: "access_denied", reason: "User denied" }, 400)]);
    const error = await zoom.pollDeviceAuthorization(await zoom.requestDeviceAuthorization(), { testing: { sleep } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeviceAuthorizationError);
    expect(error).toMatchObject({ name: "DeviceAuthorizationError", code: "access_denied" });
    expect((error as Error).cause).toBeInstanceOf(OAuth2RequestError);
  });

  it("rejects with expired_token when Zoom says the codes expired", async () => {
    const { zoom, sleep } = deviceFlow([() => jsonResponse({ error: "expired_token" }, 400)]);
    await expect(zoom.pollDeviceAuthorization(await zoom.requestDeviceAuthorization(), { testing: { sleep } })).rejects.toMatchObject({
      code: "expired_token",
    });
  });

  it("stops at expires_in by its own clock, without another poll, when Zoom keeps saying pending", async () => {
    const polls = Array.from({ length: 200 }, () => pending);
    const { zoom, sleep, pollCount } = deviceFlow(polls, { expires_in: 30 });
    const error = await zoom.pollDeviceAuthorization(await zoom.requestDeviceAuthorization(), { testing: { sleep } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "DeviceAuthorizationError", code: "expired_token" });
    // Polls at 5, 10, ... 25 s; at 30 s the codes are dead and no request is sent.
    expect(pollCount()).toBe(5);
  });

  it("reads invalid_grant after the codes' lifetime as expired_token (a server without RFC 8628's code)", async () => {
    const { zoom, sleep } = deviceFlow([pending, () => jsonResponse({ error: "invalid_grant", reason: "Invalid Token!" }, 400)], { expires_in: 6 });
    await expect(zoom.pollDeviceAuthorization(await zoom.requestDeviceAuthorization(), { testing: { sleep } })).rejects.toMatchObject({
      code: "expired_token",
    });
  });

  it("passes other refusals on as OAuth2RequestError, with the device code nowhere in them", async () => {
    const { zoom, sleep } = deviceFlow([() => jsonResponse({ error: "invalid_client", reason: "Invalid client_id or client_secret" }, 401)]);
    const error = await zoom.pollDeviceAuthorization(await zoom.requestDeviceAuthorization(), { testing: { sleep } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OAuth2RequestError);
    expect(JSON.stringify(error) + String((error as Error).stack)).not.toContain(DEVICE_CODE);
  });

  it("polls on, waiting twice as long, after a poll that got no answer", async () => {
    const { zoom, sleep, waits } = deviceFlow([
      () => {
        throw new TypeError("fetch failed");
      },
      approved,
    ]);
    const result = await zoom.pollDeviceAuthorization(await zoom.requestDeviceAuthorization(), { testing: { sleep } });
    expect(result.accessToken()).toBe("at-1");
    expect(waits).toEqual([5000, 10_000]);
  });

  it("stops when the signal aborts, with its reason", async () => {
    const controller = new AbortController();
    const { zoom } = deviceFlow([pending, pending]);
    const authorization = await zoom.requestDeviceAuthorization();
    const sleep = async () => {
      controller.abort(new Error("user pressed Ctrl-C"));
    };
    await expect(zoom.pollDeviceAuthorization(authorization, { testing: { sleep }, signal: controller.signal })).rejects.toThrow("user pressed Ctrl-C");
  });

  it("waits with a real timer that an abort ends early", async () => {
    const controller = new AbortController();
    const { zoom } = deviceFlow([]);
    const authorization = await zoom.requestDeviceAuthorization();
    const polling = zoom.pollDeviceAuthorization(authorization, { signal: controller.signal });
    controller.abort(new Error("cancelled"));
    await expect(polling).rejects.toThrow("cancelled");
  });

  it("refuses an answer without the codes, without echoing the device code", async () => {
    const { zoom } = deviceFlow([], { user_code: undefined });
    const error = await zoom.requestDeviceAuthorization().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(String((error as Error).message) + JSON.stringify(error)).not.toContain(DEVICE_CODE);
  });

  it("rejects arguments that are not what the poll needs, at once", async () => {
    const { zoom } = deviceFlow([]);
    await expect(zoom.pollDeviceAuthorization({} as DeviceAuthorization)).rejects.toThrow(TypeError);
  });

  it("keeps the redirect-based methods closed on a client made for the device flow only", () => {
    const { zoom } = deviceFlow([]);
    expect(() => zoom.createAuthorizationURL("state", "a".repeat(43))).toThrow(/needs a redirectURI/);
  });
});

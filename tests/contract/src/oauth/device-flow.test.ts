import { createZoomClient } from "@org/zoom-api";
import { DeviceAuthorizationError, OAuth2RequestError, Zoom, type ZoomTokens } from "@org/zoom-auth";
import { MOCK_CLIENT_ID, MOCK_CLIENT_SECRET } from "@org/zoom-mock";
import { describe, expect, it } from "vitest";
import { useZoomOAuthMock } from "./oauth-fixture.js";

// One clock for the mock and the client; the poll's sleep moves it, so no test waits for real.
let now = Date.UTC(2026, 5, 1, 9, 0, 0);
const zoomMock = useZoomOAuthMock({ clock: () => now });
const device = new Zoom(MOCK_CLIENT_ID, MOCK_CLIENT_SECRET, null, { clock: () => now });

/** A sleep that lets `ms` pass on the shared clock, then lets the test act (the user deciding). */
function fakeTime(onWait: (waitNumber: number) => void | Promise<void> = () => {}) {
  const waits: number[] = [];
  const sleep = async (ms: number) => {
    waits.push(ms);
    now += ms;
    await onWait(waits.length);
  };
  return { waits, sleep };
}

/**
 * A poller that ignores `slow_down`: it polls every `interval` whatever the answer, as a careless
 * client would. Returns the answers it got.
 */
async function pollIgnoringSlowDown(deviceCode: string, interval: number): Promise<string[]> {
  const answers: string[] = [];
  for (let poll = 0; poll < 400; poll++) {
    now += interval * 1000;
    const response = await fetch("https://zoom.us/oauth/token", {
      method: "POST",
      headers: { Authorization: `Basic ${btoa(`${MOCK_CLIENT_ID}:${MOCK_CLIENT_SECRET}`)}`, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "urn:ietf:params:oauth:grant-type:device_code", device_code: deviceCode }),
    });
    const body = (await response.json()) as { error?: string; access_token?: string };
    answers.push(body.error ?? "tokens");
    if (body.error !== "authorization_pending" && body.error !== "slow_down") return answers;
  }
  return answers;
}

describe("device authorization grant against the mock", () => {
  it("signs a user in: codes, a pending poll, approval on the verification page, then tokens that work", async () => {
    const authorization = await device.requestDeviceAuthorization();
    expect(authorization.verificationURI).toBe("https://zoom.us/oauth_device");
    expect(authorization.userCode).toMatch(/^[B-Z]{4}-[B-Z]{4}$/);
    expect(authorization.interval).toBe(5);

    // The user opens the verification page, sees the consent form, and allows the device.
    const consentPage = await fetch(authorization.verificationURIComplete ?? "");
    expect(consentPage.status).toBe(200);
    expect(await consentPage.text()).toContain(authorization.userCode);
    const { waits, sleep } = fakeTime(async (waitNumber) => {
      if (waitNumber !== 2) return;
      const answer = await fetch("https://zoom.us/oauth_device", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ user_code: authorization.userCode.toLowerCase(), decision: "allow" }),
      });
      expect(await answer.text()).toContain("The device is connected");
    });
    const pending: string[] = [];
    const tokens: ZoomTokens = await device.pollDeviceAuthorization(authorization, { testing: { sleep }, onPending: (event) => pending.push(event.code) });
    expect(pending).toEqual(["authorization_pending"]);
    expect(waits).toEqual([5000, 5000]);
    expect(tokens.hasRefreshToken()).toBe(true);
    expect(tokens.apiUrl()).toBe("https://api.zoom.us");

    const api = createZoomClient({ tokens });
    const { data: me } = await api.GET("/users/me");
    expect(me?.email).toBe(zoomMock.defaultUser.email);

    // Device tokens refresh (and rotate) like any user's.
    const refreshed = await device.refreshAccessToken(tokens.refreshToken());
    expect(refreshed.refreshToken()).not.toBe(tokens.refreshToken());
  });

  it("waits five seconds more after slow_down, and still gets its tokens", async () => {
    const authorization = await device.requestDeviceAuthorization();
    zoomMock.devices.slowDown(authorization.userCode);
    const { waits, sleep } = fakeTime((waitNumber) => {
      if (waitNumber === 2) zoomMock.devices.approve(authorization.userCode);
    });
    const tokens = await device.pollDeviceAuthorization(authorization, { testing: { sleep } });
    expect(waits).toEqual([5000, 10_000]);
    expect(tokens.accessToken()).toBeTruthy();
  });

  it("fails a poller that ignores slow_down: the mock keeps telling it to slow down until the codes expire", async () => {
    const authorization = await device.requestDeviceAuthorization();
    zoomMock.devices.slowDown(authorization.userCode);
    const answers = await pollIgnoringSlowDown(authorization.deviceCode(), 5);
    expect(answers[0]).toBe("slow_down");
    expect(answers).not.toContain("tokens");
    expect(answers.at(-1)).toBe("expired_token");
  });

  it("rejects with access_denied when the user denies the device", async () => {
    const authorization = await device.requestDeviceAuthorization();
    const { sleep } = fakeTime(() => zoomMock.devices.deny(authorization.userCode));
    const error = await device.pollDeviceAuthorization(authorization, { testing: { sleep } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeviceAuthorizationError);
    expect(error).toMatchObject({ code: "access_denied" });
  });

  it("rejects with expired_token when nobody approves within 15 minutes", async () => {
    const authorization = await device.requestDeviceAuthorization();
    const { waits, sleep } = fakeTime();
    await expect(device.pollDeviceAuthorization(authorization, { testing: { sleep } })).rejects.toMatchObject({ code: "expired_token" });
    expect(waits.reduce((sum, ms) => sum + ms, 0)).toBe(900_000);
  });

  it("answers expired_token from the mock when the poll arrives after expiry (its own clock not consulted)", async () => {
    const authorization = await device.requestDeviceAuthorization();
    now += 900_000;
    const answers = await pollIgnoringSlowDown(authorization.deviceCode(), 0);
    expect(answers).toEqual(["expired_token"]);
  });

  it("gives a device code its tokens once: a second poll after success is invalid_grant", async () => {
    const authorization = await device.requestDeviceAuthorization();
    zoomMock.devices.approve(authorization.userCode);
    const { sleep } = fakeTime();
    await device.pollDeviceAuthorization(authorization, { testing: { sleep } });
    await expect(device.pollDeviceAuthorization(authorization, { testing: { sleep } })).rejects.toBeInstanceOf(OAuth2RequestError);
  });

  it("refuses an app with wrong credentials at /oauth/devicecode", async () => {
    const wrong = new Zoom(MOCK_CLIENT_ID, "not-the-secret", null);
    await expect(wrong.requestDeviceAuthorization()).rejects.toMatchObject({ name: "OAuth2RequestError", code: "invalid_client" });
  });

  it("shows an error page for an unknown code and the code entry form without one", async () => {
    const unknown = await fetch("https://zoom.us/oauth_device?user_code=BBBB-BBBB");
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain("not known");
    const entry = await fetch("https://zoom.us/oauth_device");
    expect(await entry.text()).toContain('name="user_code"');
  });
});

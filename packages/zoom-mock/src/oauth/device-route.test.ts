import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createZoomMock, MOCK_CLIENT_ID, MOCK_CLIENT_SECRET } from "../create-zoom-mock.js";

let now = Date.UTC(2026, 5, 1);
const zoom = createZoomMock({ clock: () => now });
const server = setupServer(...zoom.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => zoom.assertNoViolations());
afterAll(() => server.close());

const basic = `Basic ${btoa(`${MOCK_CLIENT_ID}:${MOCK_CLIENT_SECRET}`)}`;
const form = { "Content-Type": "application/x-www-form-urlencoded" };

async function start(init: RequestInit = { method: "POST", headers: { Authorization: basic } }, query = "") {
  const response = await fetch(`https://zoom.us/oauth/devicecode${query}`, init);
  return { status: response.status, body: (await response.json()) as Record<string, string | number> };
}

async function poll(deviceCode: string) {
  const response = await fetch("https://zoom.us/oauth/token", {
    method: "POST",
    headers: { Authorization: basic, ...form },
    body: new URLSearchParams({ grant_type: "urn:ietf:params:oauth:grant-type:device_code", device_code: deviceCode }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

describe("the mock's device authorization grant", () => {
  it("issues a device code, a user code and where to enter it, under the spec", async () => {
    const { status, body } = await start();
    expect(status).toBe(200);
    expect(body).toMatchObject({ verification_uri: "https://zoom.us/oauth_device", expires_in: 900, interval: 5 });
    expect(body.user_code).toMatch(/^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/);
    expect(body.verification_uri_complete).toBe(`https://zoom.us/oauth_device?user_code=${body.user_code}`);
    expect(zoom.state.deviceAuthorizations.get(String(body.device_code))?.status).toBe("pending");
  });

  it("finds the client by Basic credentials, by client_id in the query, and refuses a mismatch", async () => {
    expect((await start(undefined, `?client_id=${MOCK_CLIENT_ID}`)).status).toBe(200);
    expect((await start(undefined, "?client_id=another-app")).body.error).toBe("invalid_client");
    expect((await start({ method: "POST" })).status).toBe(401);
  });

  it("answers pending, then tokens once the user approves, then refuses the spent code", async () => {
    const { body } = await start();
    const deviceCode = String(body.device_code);
    expect((await poll(deviceCode)).body.error).toBe("authorization_pending");
    now += 5000;
    zoom.devices.approve(String(body.user_code));
    const approved = await poll(deviceCode);
    expect(approved.status).toBe(200);
    expect(approved.body.refresh_token).toBeTruthy();
    expect(zoom.state.accessTokens.get(approved.body.access_token ?? "")?.kind).toBe("device_code");
    now += 5000;
    expect((await poll(deviceCode)).body.error).toBe("invalid_grant");
  });

  it("answers slow_down to a poll sooner than the interval, and adds five seconds to it", async () => {
    const { body } = await start();
    const deviceCode = String(body.device_code);
    await poll(deviceCode);
    now += 4999;
    expect((await poll(deviceCode)).body.error).toBe("slow_down");
    now += 5000;
    expect((await poll(deviceCode)).body.error).toBe("slow_down");
    now += 15_000;
    expect((await poll(deviceCode)).body.error).toBe("authorization_pending");
    expect(zoom.state.deviceAuthorizations.get(deviceCode)?.intervalMs).toBe(15_000);
  });

  it("answers access_denied after the user denies, and expired_token after 15 minutes", async () => {
    const denied = await start();
    zoom.devices.deny(String(denied.body.user_code));
    expect((await poll(String(denied.body.device_code))).body.error).toBe("access_denied");
    const late = await start();
    now += 900_000;
    expect((await poll(String(late.body.device_code))).body.error).toBe("expired_token");
    expect(() => zoom.devices.approve(String(late.body.user_code))).toThrow(/expired/);
  });

  it("lets the user approve on the verification page, typing the code in any case", async () => {
    const { body } = await start();
    const userCode = String(body.user_code);
    const page = await fetch(`https://zoom.us/oauth_device?user_code=${userCode.toLowerCase().replace("-", "")}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(userCode);
    expect(html).toContain('name="decision" value="allow"');
    const decided = await fetch("https://zoom.us/oauth_device", {
      method: "POST",
      headers: form,
      body: new URLSearchParams({ user_code: userCode, decision: "allow", user_id: zoom.defaultUser.id }),
    });
    expect(decided.status).toBe(200);
    expect(zoom.state.deviceAuthorizations.get(String(body.device_code))).toMatchObject({ status: "approved", userId: zoom.defaultUser.id });
    const again = await fetch(`https://zoom.us/oauth_device?user_code=${userCode}`);
    expect(again.status).toBe(400);
    expect(await again.text()).toContain("already been used");
  });
});

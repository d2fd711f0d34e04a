import { createZoomClient, unwrap } from "@org/zoom-api";
import { ZoomServerToServer } from "@org/zoom-auth";
import { createZoomMock, MOCK_CLIENT_ID, MOCK_CLIENT_SECRET } from "@org/zoom-mock";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

// Server-to-Server OAuth through the typed client, against the mock: an app-level token, cached,
// replaced shortly before it expires and, with onUnauthorized, when the API refuses it early.

let now = Date.parse("2026-11-28T09:00:00Z");
const clock = () => now;
const zoomMock = createZoomMock({ clock });
const server = setupServer(...zoomMock.handlers);

/** Every request that reached the mock, as `METHOD pathname status`. */
const seen: string[] = [];
server.events.on("response:mocked", ({ request, response }) => {
  seen.push(`${request.method} ${new URL(request.url).pathname} ${response.status}`);
});

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(() => {
  seen.length = 0;
});
afterEach(() => zoomMock.assertNoViolations());
afterAll(() => server.close());

function serverToServerApp() {
  const s2s = new ZoomServerToServer(zoomMock.defaultApp.accountId, MOCK_CLIENT_ID, MOCK_CLIENT_SECRET, { clock });
  const client = createZoomClient({
    getAccessToken: () => s2s.getAccessToken(),
    onUnauthorized: () => s2s.invalidate(),
    maxRetries: 0,
  });
  return { s2s, client };
}

describe("Server-to-Server OAuth against the Zoom mock", () => {
  it("one token for many calls, a new one when it nears expiry", async () => {
    const { s2s, client } = serverToServerApp();
    await Promise.all([unwrap(client.GET("/users/me")), unwrap(client.GET("/users/me"))]);
    const first = await s2s.getAccessToken();
    now += 3599_000 - 30_000; // inside the one-minute margin
    await unwrap(client.GET("/users/me"));
    expect(await s2s.getAccessToken()).not.toBe(first);
    expect(seen.filter((line) => line.startsWith("POST /oauth/token"))).toEqual(["POST /oauth/token 200", "POST /oauth/token 200"]);
  });

  it("when an admin revokes the app's token, the next call gets a new one and succeeds", async () => {
    const { s2s, client } = serverToServerApp();
    await unwrap(client.GET("/users/me"));
    const revoked = await s2s.getAccessToken();
    zoomMock.state.revokeGrant(zoomMock.state.findAccessToken(revoked)?.grantId ?? "");
    seen.length = 0;

    const me = await unwrap(client.GET("/users/me"));

    expect(me.email).toBe(zoomMock.defaultUser.email);
    expect(seen).toEqual(["GET /v2/users/me 401", "POST /oauth/token 200", "GET /v2/users/me 200"]);
    expect(await s2s.getAccessToken()).not.toBe(revoked);
  });
});

import { createZoomClient, unwrap } from "@org/zoom-api";
import { ZoomClientCredentials } from "@org/zoom-auth";
import { createZoomMock, MOCK_CLIENT_ID, MOCK_CLIENT_SECRET } from "@org/zoom-mock";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

// App-only tokens (client_credentials) through the typed client, against the mock.

let now = Date.parse("2026-11-28T09:00:00Z");
const clock = () => now;
const zoomMock = createZoomMock({ clock });
const server = setupServer(...zoomMock.handlers);
let tokenRequests = 0;
server.events.on("request:start", ({ request }) => {
  if (new URL(request.url).pathname === "/oauth/token") tokenRequests++;
});
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => zoomMock.assertNoViolations());
afterAll(() => server.close());

describe("ZoomClientCredentials against the Zoom mock", () => {
  it("gets an app-only token: no user, no refresh token, the app's scopes", async () => {
    const app = new ZoomClientCredentials(MOCK_CLIENT_ID, MOCK_CLIENT_SECRET, { clock });
    const tokens = await app.getTokens();
    expect(tokens.hasRefreshToken()).toBe(false);
    expect(tokens.scopes()).toEqual([...zoomMock.defaultApp.appTokenScopes]);
    expect(zoomMock.state.findAccessToken(tokens.accessToken())).toMatchObject({ kind: "client_credentials", userId: null });
  });

  it("is a token source for createZoomClient: one token for many calls, a new one after the API refuses it", async () => {
    const app = new ZoomClientCredentials(MOCK_CLIENT_ID, MOCK_CLIENT_SECRET, { clock });
    const client = createZoomClient({ tokens: app, maxRetries: 0 });
    const userId = zoomMock.defaultUser.id;
    tokenRequests = 0;
    for (let call = 0; call < 3; call++) {
      expect((await unwrap(client.GET("/users/{userId}", { params: { path: { userId } } }))).id).toBe(userId);
    }
    expect(tokenRequests).toBe(1);

    zoomMock.state.revokeAccessToken(await app.getAccessToken());
    expect((await unwrap(client.GET("/users/{userId}", { params: { path: { userId } } }))).id).toBe(userId);
    expect(tokenRequests).toBe(2);

    now += 3600 * 1000;
    await unwrap(client.GET("/users/{userId}", { params: { path: { userId } } }));
    expect(tokenRequests).toBe(3);
  });
});

import { generateCodeVerifier, generateState, Zoom } from "@org/zoom-auth";
import { createZoomClient, unwrap } from "@org/zoom-api";
import { createZoomMock, MOCK_CLIENT_ID, MOCK_CLIENT_SECRET } from "@org/zoom-mock";
import { startZoomMockServer, type ZoomMockServer } from "@org/zoom-mock/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testFile } from "./upload-files.js";

// No msw in this file: the multipart body goes over a real socket to the mock's local HTTP server.
const zoom = createZoomMock();
let server: ZoomMockServer;
beforeAll(async () => {
  server = await startZoomMockServer({ mock: zoom });
});
afterAll(async () => {
  await server.close();
  zoom.assertNoViolations();
});

describe("uploads behind the real local HTTP server", () => {
  it("sends a file as multipart form data and the mock reads its bytes", async () => {
    const auth = new Zoom(MOCK_CLIENT_ID, MOCK_CLIENT_SECRET, "http://localhost:3000/callback", { authorizationServer: server.url });
    const codeVerifier = generateCodeVerifier();
    const callback = await zoom.approve(auth.createAuthorizationURL(generateState(), codeVerifier, []));
    const tokens = await auth.validateAuthorizationCode(callback.searchParams.get("code") ?? "", codeVerifier);
    const client = createZoomClient({ accessToken: tokens.accessToken(), baseUrl: `${tokens.apiUrl()}/v2` });

    const me = { path: { userId: "me" } } as const;
    const stored = await unwrap(client.POST("/users/{userId}/settings/virtual_backgrounds", { params: me, body: { file: testFile("png", "wire.png", 3000) } }));
    expect(stored).toMatchObject({ name: "wire.png", size: 3000, type: "image" });
    const refused = await client.POST("/users/{userId}/settings/virtual_backgrounds", { params: me, body: { file: testFile("text", "wire.png") } });
    expect(refused.error).toMatchObject({ code: 120 });
  });
});

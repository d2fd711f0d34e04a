import { generateCodeVerifier, generateState, Zoom } from "@org/zoom-auth";
import { createZoomClient, paginate, unwrap } from "@org/zoom-api";
import { createZoomMock, MOCK_CLIENT_ID, MOCK_CLIENT_SECRET } from "@org/zoom-mock";
import { startZoomMockServer, type ZoomMockServer } from "@org/zoom-mock/server";
import { GENERATED_DEFAULTS } from "./api-fixture.js";
import { testFile } from "./upload-files.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// No msw in this file: every request goes over a real socket to the mock's local HTTP server.
const zoom = createZoomMock();
let server: ZoomMockServer;
beforeAll(async () => {
  server = await startZoomMockServer({ mock: zoom });
});
afterAll(async () => {
  await server.close();
  zoom.assertNoViolations();
});

/** Signs the mock's default user in through the server's own OAuth endpoints; a typed client at `<server>/v2`. */
async function signInOverHttp() {
  const auth = new Zoom(MOCK_CLIENT_ID, MOCK_CLIENT_SECRET, "http://localhost:3000/callback", { authorizationServer: server.url });
  const codeVerifier = generateCodeVerifier();
  const callback = await zoom.approve(auth.createAuthorizationURL(generateState(), codeVerifier, []));
  const tokens = await auth.validateAuthorizationCode(callback.searchParams.get("code") ?? "", codeVerifier);
  expect(tokens.apiUrl()).toBe(server.url);
  return createZoomClient({ accessToken: tokens.accessToken(), baseUrl: `${tokens.apiUrl()}/v2` });
}

const me = { path: { userId: "me" } } as const;

describe("the REST API behind the real local HTTP server", () => {
  it("signs in, then lists, creates and deletes meetings at <server>/v2", async () => {
    const client = await signInOverHttp();
    expect((await unwrap(client.GET("/users/me"))).email).toBe("ada@example.com");
    const created = await unwrap(
      client.POST("/users/{userId}/meetings", { params: me, body: { topic: "Over the wire", type: 2, duration: 30, ...GENERATED_DEFAULTS } }),
    );
    const topics: string[] = [];
    for await (const page of paginate(client, "/users/{userId}/meetings", { params: me })) {
      for (const meeting of page.meetings ?? []) topics.push(meeting.topic ?? "");
    }
    expect(topics).toEqual(["Over the wire"]);
    const deleted = await client.DELETE("/meetings/{meetingId}", { params: { path: { meetingId: created.id ?? 0 } } });
    expect(deleted.response.status).toBe(204);
  });

  it("sends a file as multipart form data, and the mock reads its bytes", async () => {
    const client = await signInOverHttp();
    const stored = await unwrap(client.POST("/users/{userId}/settings/virtual_backgrounds", { params: me, body: { file: testFile("png", "wire.png", 3000) } }));
    expect(stored).toMatchObject({ name: "wire.png", size: 3000, type: "image" });
    const refused = await client.POST("/users/{userId}/settings/virtual_backgrounds", { params: me, body: { file: testFile("text", "wire.png") } });
    expect(refused.error).toMatchObject({ code: 120 });
  });
});

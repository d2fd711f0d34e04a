import { createZoomClient, unwrap, ZoomClientOptionsError } from "@org/zoom-api";
import { scopeCheck } from "@org/zoom-api/scopes";
import { describe, expect, it } from "vitest";
import { consent, useZoomOAuthMock, zoomClient } from "../oauth/oauth-fixture.js";

// createZoomClient({ tokens }) takes its base from the token's api_url: the user's region, and only Zoom's hosts.

const zoomMock = useZoomOAuthMock();
const zoom = zoomClient();

async function signIn(apiUrl: string) {
  zoomMock.state.apiUrl = apiUrl;
  const { code, codeVerifier } = await consent(zoomMock, zoom);
  return zoom.validateAuthorizationCode(code, codeVerifier);
}

describe("the regional API host, from the token", () => {
  it("sends calls to the user's regional api_url", async () => {
    const tokens = await signIn("https://eu01api.zoom.us");
    const client = createZoomClient({ tokens });
    const { data, response } = await client.GET("/users/me");
    expect(response.url).toBe("https://eu01api.zoom.us/v2/users/me");
    expect(data?.email).toBe(zoomMock.defaultUser.email);
  });

  it("refuses a token response whose api_url is https://evil.example, before any call", async () => {
    const tokens = await signIn("https://evil.example");
    expect(() => createZoomClient({ tokens })).toThrow(ZoomClientOptionsError);
    expect(() => createZoomClient({ tokens })).toThrow('names api_url "https://evil.example", which is not a host under zoom.us');
  });

  it("checks the scopes the user granted before sending, with checkScopes: scopeCheck()", async () => {
    const tokens = await signIn("https://api.zoom.us");
    const client = createZoomClient({ tokens, checkScopes: scopeCheck() });
    expect((await unwrap(client.GET("/users/me"))).email).toBe(zoomMock.defaultUser.email);
    await expect(client.GET("/archive_files")).rejects.toMatchObject({ name: "ZoomScopeError", operation: "GET /archive_files" });
  });
});

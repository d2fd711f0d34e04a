import { describe, expect, it } from "vitest";
import { createFakeFetch, jsonResponse } from "../../oauth-core/test/fake-fetch.js";
import { ZoomClientCredentials } from "./index.js";

// The cache (margin, one request for concurrent callers, invalidate) is tested for both app token holders in app-token-cache.test.ts.

function clientCredentials() {
  const fake = createFakeFetch(() =>
    jsonResponse({ access_token: "app-1", token_type: "bearer", expires_in: 3599, scope: "imchat:bot", api_url: "https://api.zoom.us" }),
  );
  return { app: new ZoomClientCredentials("client-id", "client-secret", { fetch: fake.fetch }), requests: fake.requests };
}

describe("ZoomClientCredentials", () => {
  it("requests a client_credentials token with Basic auth and no account id", async () => {
    const { app, requests } = clientCredentials();
    expect(await app.getAccessToken()).toBe("app-1");
    expect(requests[0]?.url).toBe("https://zoom.us/oauth/token");
    expect(requests[0]?.body).toBe("grant_type=client_credentials");
    expect(requests[0]?.headers.get("Authorization")).toBe(`Basic ${btoa("client-id:client-secret")}`);
    expect((await app.getTokens()).scopes()).toEqual(["imchat:bot"]);
  });

  it("rejects bad arguments at once, and never shows the secret", () => {
    expect(() => new ZoomClientCredentials("", "secret")).toThrow("clientId must be a non-empty string");
    expect(() => new ZoomClientCredentials("id", "")).toThrow("clientSecret must be a non-empty string");
    expect(() => new ZoomClientCredentials("id", "secret", { refreshMarginMs: -1 })).toThrow("options.refreshMarginMs");
    expect(JSON.stringify(new ZoomClientCredentials("id", "top-secret"))).not.toContain("top-secret");
  });
});

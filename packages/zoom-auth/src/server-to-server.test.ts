import { describe, expect, it } from "vitest";
import { ZoomServerToServer } from "./server-to-server.js";
import { createFakeFetch, jsonResponse } from "../../oauth-core/test/fake-fetch.js";

// The cache (margin, one request for concurrent callers, invalidate) is tested for both app token holders in app-token-cache.test.ts.

function serverToServer() {
  let count = 0;
  const fake = createFakeFetch(() => {
    count++;
    return jsonResponse({ access_token: `s2s-${count}`, token_type: "bearer", expires_in: 3599, api_url: "https://api.zoom.us" });
  });
  const s2s = new ZoomServerToServer("account-1", "client-id", "client-secret", { fetch: fake.fetch });
  return { s2s, requests: fake.requests };
}

describe("ZoomServerToServer", () => {
  it("requests an account_credentials token with Basic auth", async () => {
    const { s2s, requests } = serverToServer();
    expect(await s2s.getAccessToken()).toBe("s2s-1");
    expect(requests[0]?.method).toBe("POST");
    expect(requests[0]?.url).toBe("https://zoom.us/oauth/token");
    expect(requests[0]?.body).toBe("grant_type=account_credentials&account_id=account-1");
    expect(requests[0]?.headers.get("Authorization")).toBe(`Basic ${btoa("client-id:client-secret")}`);
    expect(requests[0]?.headers.get("Accept")).toBe("application/json");
  });

  it("rejects bad arguments at once", () => {
    expect(() => new ZoomServerToServer("", "id", "secret")).toThrow("accountId must be a non-empty string");
    expect(() => new ZoomServerToServer("acc", "", "secret")).toThrow("clientId must be a non-empty string");
    expect(() => new ZoomServerToServer("acc", "id", "")).toThrow("clientSecret must be a non-empty string");
    expect(() => new ZoomServerToServer("acc", "id", "secret", { refreshMarginMs: -1 })).toThrow(
      "options.refreshMarginMs must be a number of milliseconds, zero or more",
    );
    expect(() => new ZoomServerToServer("acc", "id", "secret", { authorizationServer: "https://zoom.us/x" })).toThrow(
      /origin only/,
    );
  });
});

describe("ZoomServerToServer and secrets", () => {
  it("keeps the client secret and the cached token out of JSON.stringify and inspect", async () => {
    const { inspect } = await import("node:util");
    const { s2s } = serverToServer();
    await s2s.getAccessToken();
    for (const rendered of [JSON.stringify(s2s), inspect(s2s, { depth: 10, showHidden: true })]) {
      expect(rendered).not.toContain("client-secret");
      expect(rendered).not.toContain("s2s-1");
    }
  });
});

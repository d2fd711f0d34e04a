import { describe, expect, it } from "vitest";
import { createFakeFetch, jsonResponse } from "../../oauth-core/test/fake-fetch.js";
import { type ServerToServerTokenRecord, ZoomClientCredentials } from "./index.js";

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

  it("shares one token between instances through a store, under a key of its own", async () => {
    let issued = 0;
    const fake = createFakeFetch(() => {
      issued++;
      return jsonResponse({ access_token: `app-${issued}`, token_type: "bearer", expires_in: 3599 });
    });
    const records = new Map<string, ServerToServerTokenRecord>();
    const store = {
      load: async (key: string) => structuredClone(records.get(key) ?? null),
      save: async (key: string, record: ServerToServerTokenRecord) => void records.set(key, structuredClone(record)),
    };
    const first = new ZoomClientCredentials("client-id", "client-secret", { fetch: fake.fetch, store });
    const second = new ZoomClientCredentials("client-id", "client-secret", { fetch: fake.fetch, store });
    expect(await first.getAccessToken()).toBe("app-1");
    expect(await second.getAccessToken()).toBe("app-1");
    expect(issued).toBe(1);
    expect([...records.keys()]).toEqual(["client_credentials:client-id"]);
  });

  it("refuses a store that is not one", () => {
    const notAStore = { load: async () => null } as never;
    expect(() => new ZoomClientCredentials("id", "secret", { store: notAStore })).toThrow("options.store must be");
  });
});

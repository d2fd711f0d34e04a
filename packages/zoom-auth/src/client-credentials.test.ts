import { describe, expect, it } from "vitest";
import { createFakeFetch, jsonResponse } from "../../oauth-core/test/fake-fetch.js";
import { OAuth2RequestError, ZoomClientCredentials } from "./index.js";

const START = Date.UTC(2026, 0, 1);

function clientCredentials(answer?: (count: number) => Response | Promise<Response>, options: { refreshMarginMs?: number } = {}) {
  let now = START;
  let count = 0;
  const fake = createFakeFetch(() => {
    count++;
    return answer
      ? answer(count)
      : jsonResponse({ access_token: `app-${count}`, token_type: "bearer", expires_in: 3599, scope: "imchat:bot", api_url: "https://api.zoom.us" });
  });
  const app = new ZoomClientCredentials("client-id", "client-secret", { fetch: fake.fetch, clock: () => now, ...options });
  return {
    app,
    requests: fake.requests,
    advanceSeconds: (seconds: number) => {
      now += seconds * 1000;
    },
  };
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

  it("reuses the token until refreshMarginMs before it expires", async () => {
    const { app, requests, advanceSeconds } = clientCredentials(undefined, { refreshMarginMs: 120_000 });
    await app.getAccessToken();
    advanceSeconds(3599 - 121);
    expect(await app.getAccessToken()).toBe("app-1");
    advanceSeconds(1);
    expect(await app.getAccessToken()).toBe("app-2");
    expect(requests).toHaveLength(2);
  });

  it("sends one request for many concurrent callers", async () => {
    const { app, requests } = clientCredentials();
    const tokens = await Promise.all(Array.from({ length: 20 }, () => app.getAccessToken()));
    expect(new Set(tokens)).toEqual(new Set(["app-1"]));
    expect(requests).toHaveLength(1);
  });

  it("does not cache a failure, and requests anew after invalidate()", async () => {
    const { app, requests } = clientCredentials((count) =>
      count === 1
        ? jsonResponse({ error: "invalid_client", reason: "Invalid client_id or client_secret" }, 401)
        : jsonResponse({ access_token: `app-${count}`, token_type: "bearer", expires_in: 3599 }),
    );
    await expect(app.getAccessToken()).rejects.toBeInstanceOf(OAuth2RequestError);
    expect(await app.getAccessToken()).toBe("app-2");
    app.invalidate();
    expect(await app.getAccessToken()).toBe("app-3");
    expect(requests).toHaveLength(3);
  });

  it("rejects bad arguments at once, and never shows the secret", () => {
    expect(() => new ZoomClientCredentials("", "secret")).toThrow("clientId must be a non-empty string");
    expect(() => new ZoomClientCredentials("id", "")).toThrow("clientSecret must be a non-empty string");
    expect(() => new ZoomClientCredentials("id", "secret", { refreshMarginMs: -1 })).toThrow("options.refreshMarginMs");
    expect(JSON.stringify(new ZoomClientCredentials("id", "top-secret"))).not.toContain("top-secret");
  });
});

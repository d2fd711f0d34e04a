import { describe, expect, it } from "vitest";
import { createFakeFetch, jsonResponse } from "../../oauth-core/test/fake-fetch.js";
import { OAuth2RequestError, ZoomClientCredentials, ZoomServerToServer } from "./index.js";

// ZoomServerToServer and ZoomClientCredentials hold their token in the same cache: the same rules hold for both.

const START = Date.UTC(2026, 0, 1);

const holders = [
  { name: "ZoomServerToServer", create: (options: object) => new ZoomServerToServer("account-1", "client-id", "client-secret", options) },
  { name: "ZoomClientCredentials", create: (options: object) => new ZoomClientCredentials("client-id", "client-secret", options) },
];

describe.each(holders)("the app token cache of $name", ({ create }) => {
  function holder(answer?: (count: number) => Response, options: { refreshMarginMs?: number } = {}) {
    let now = START;
    let count = 0;
    const fake = createFakeFetch(() => {
      count++;
      return answer ? answer(count) : jsonResponse({ access_token: `app-${count}`, token_type: "bearer", expires_in: 3599, api_url: "https://api.zoom.us" });
    });
    return {
      app: create({ fetch: fake.fetch, clock: () => now, ...options }),
      requests: fake.requests,
      advanceSeconds: (seconds: number) => {
        now += seconds * 1000;
      },
    };
  }

  it.each([
    { margin: "the default minute", options: {}, marginSeconds: 60 },
    { margin: "refreshMarginMs (in milliseconds, like the user token source)", options: { refreshMarginMs: 5 * 60_000 }, marginSeconds: 300 },
  ])("reuses the token until $margin before it expires", async ({ options, marginSeconds }) => {
    const { app, requests, advanceSeconds } = holder(undefined, options);
    await app.getAccessToken();
    advanceSeconds(3599 - marginSeconds - 1);
    expect(await app.getAccessToken()).toBe("app-1");
    advanceSeconds(1);
    expect(await app.getAccessToken()).toBe("app-2");
    expect(requests).toHaveLength(2);
  });

  it("shares one request between concurrent callers", async () => {
    const { app, requests } = holder();
    const tokens = await Promise.all(Array.from({ length: 10 }, () => app.getAccessToken()));
    expect(new Set(tokens)).toEqual(new Set(["app-1"]));
    expect(requests).toHaveLength(1);
  });

  it("gives every waiting caller the error, and tries again on the next call", async () => {
    const { app, requests } = holder((count) =>
      count === 1
        ? jsonResponse({ reason: "Invalid client_id or client_secret", error: "invalid_client" }, 401)
        : jsonResponse({ access_token: "app-ok", expires_in: 3599 }),
    );
    const results = await Promise.allSettled([app.getAccessToken(), app.getAccessToken()]);
    for (const result of results) {
      expect(result.status).toBe("rejected");
      expect((result as PromiseRejectedResult).reason).toBeInstanceOf(OAuth2RequestError);
    }
    expect(await app.getAccessToken()).toBe("app-ok");
    expect(requests).toHaveLength(2);
  });

  it("requests a new token after invalidate(), even if one was in flight", async () => {
    const { app, requests } = holder();
    await app.getAccessToken();
    app.invalidate();
    expect(await app.getAccessToken()).toBe("app-2");

    app.invalidate();
    const inFlight = app.getAccessToken();
    app.invalidate();
    expect(await inFlight).toBe("app-3");
    expect(await app.getAccessToken()).toBe("app-4");
    expect(requests).toHaveLength(4);
  });

  it("does not cache a token without expires_in", async () => {
    const { app, requests } = holder((count) => jsonResponse({ access_token: `app-${count}` }));
    await app.getAccessToken();
    expect(await app.getAccessToken()).toBe("app-2");
    expect(requests).toHaveLength(2);
  });

  it("exposes the whole token response", async () => {
    const tokens = await holder().app.getTokens();
    expect(tokens.apiUrl()).toBe("https://api.zoom.us");
    expect(tokens.accessTokenExpiresAt().getTime()).toBe(START + 3599_000);
  });

  it("refuses a refreshMarginMs that is not a number of milliseconds, zero or more", () => {
    for (const refreshMarginMs of [-1, Number.NaN, Number.POSITIVE_INFINITY, "60000"]) {
      expect(() => create({ refreshMarginMs })).toThrow("options.refreshMarginMs must be a number of milliseconds, zero or more");
    }
  });
});

import { describe, expect, it } from "vitest";
import { OAuth2RequestError } from "./index.js";
import { ZoomServerToServer } from "./server-to-server.js";
import { createFakeFetch, jsonResponse } from "../../oauth-core/test/fake-fetch.js";

const START = Date.UTC(2026, 0, 1);

function serverToServer(
  answer?: (count: number) => Response | Promise<Response>,
  options: { refreshMarginMs?: number } = {},
) {
  let now = START;
  let count = 0;
  const fake = createFakeFetch(() => {
    count++;
    return answer
      ? answer(count)
      : jsonResponse({ access_token: `s2s-${count}`, token_type: "bearer", expires_in: 3599, api_url: "https://api.zoom.us" });
  });
  const s2s = new ZoomServerToServer("account-1", "client-id", "client-secret", {
    fetch: fake.fetch,
    clock: () => now,
    ...options,
  });
  return {
    s2s,
    requests: fake.requests,
    advanceSeconds: (seconds: number) => {
      now += seconds * 1000;
    },
  };
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

  it("reuses the token until a minute before it expires", async () => {
    const { s2s, requests, advanceSeconds } = serverToServer();
    await s2s.getAccessToken();
    advanceSeconds(3599 - 61);
    expect(await s2s.getAccessToken()).toBe("s2s-1");
    advanceSeconds(1);
    expect(await s2s.getAccessToken()).toBe("s2s-2");
    expect(requests).toHaveLength(2);
  });

  it("replaces the token refreshMarginMs before it expires, in milliseconds like the user token source", async () => {
    const { s2s, requests, advanceSeconds } = serverToServer(undefined, { refreshMarginMs: 5 * 60_000 });
    await s2s.getAccessToken();
    advanceSeconds(3599 - 301);
    expect(await s2s.getAccessToken()).toBe("s2s-1");
    advanceSeconds(1);
    expect(await s2s.getAccessToken()).toBe("s2s-2");
    expect(requests).toHaveLength(2);
  });

  it("shares one request between concurrent callers", async () => {
    const { s2s, requests } = serverToServer();
    const tokens = await Promise.all(Array.from({ length: 10 }, () => s2s.getAccessToken()));
    expect(new Set(tokens)).toEqual(new Set(["s2s-1"]));
    expect(requests).toHaveLength(1);
  });

  it("gives every waiting caller the error, and tries again on the next call", async () => {
    const { s2s, requests } = serverToServer((count) =>
      count === 1
        ? jsonResponse({ reason: "Invalid client_id or client_secret", error: "invalid_client" }, 401)
        : jsonResponse({ access_token: "s2s-ok", expires_in: 3599 }),
    );
    const results = await Promise.allSettled([s2s.getAccessToken(), s2s.getAccessToken()]);
    for (const result of results) {
      expect(result.status).toBe("rejected");
      expect((result as PromiseRejectedResult).reason).toBeInstanceOf(OAuth2RequestError);
    }
    expect(await s2s.getAccessToken()).toBe("s2s-ok");
    expect(requests).toHaveLength(2);
  });

  it("requests a new token after invalidate(), even if one was in flight", async () => {
    const { s2s, requests } = serverToServer();
    await s2s.getAccessToken();
    s2s.invalidate();
    expect(await s2s.getAccessToken()).toBe("s2s-2");

    s2s.invalidate();
    const inFlight = s2s.getAccessToken();
    s2s.invalidate();
    expect(await inFlight).toBe("s2s-3");
    expect(await s2s.getAccessToken()).toBe("s2s-4");
    expect(requests).toHaveLength(4);
  });

  it("does not cache a token without expires_in", async () => {
    const { s2s, requests } = serverToServer((count) => jsonResponse({ access_token: `s2s-${count}` }));
    await s2s.getAccessToken();
    expect(await s2s.getAccessToken()).toBe("s2s-2");
    expect(requests).toHaveLength(2);
  });

  it("exposes the whole token response", async () => {
    const { s2s } = serverToServer();
    const tokens = await s2s.getTokens();
    expect(tokens.apiUrl()).toBe("https://api.zoom.us");
    expect(tokens.accessTokenExpiresAt().getTime()).toBe(START + 3599_000);
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

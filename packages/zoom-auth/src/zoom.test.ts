import { describe, expect, it } from "vitest";
import {
  OAuth2FetchError,
  OAuth2RequestError,
  UnexpectedResponseError,
  Zoom,
  ZoomTokens,
} from "./index.js";
import { createS256CodeChallenge } from "@org/oauth-core";
import { createFakeFetch, hangingFetch, jsonResponse, textResponse } from "../../oauth-core/test/fake-fetch.js";

const CLIENT_ID = "zoom-client-id";
const CLIENT_SECRET = "zoom-client-secret";
const REDIRECT_URI = "https://app.example/login/zoom/callback";
// The verifier of RFC 7636 appendix B, so that the challenge is a known value.
const VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
const CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
const BASIC = `Basic ${btoa(`${CLIENT_ID}:${CLIENT_SECRET}`)}`;

const zoomTokenBody = {
  access_token: "access-1",
  token_type: "bearer",
  refresh_token: "refresh-1",
  expires_in: 3599,
  scope: "user:read",
  api_url: "https://api.zoom.us",
};

function zoomAnswering(answer: () => Response | Promise<Response>, clientSecret: string | null = CLIENT_SECRET) {
  const fake = createFakeFetch(answer);
  const zoom = new Zoom(CLIENT_ID, clientSecret, REDIRECT_URI, {
    fetch: fake.fetch,
    clock: () => Date.UTC(2026, 0, 1),
  });
  return { zoom, requests: fake.requests };
}

describe("new Zoom", () => {
  it("rejects bad arguments at once, naming them", () => {
    expect(() => new Zoom("", CLIENT_SECRET, REDIRECT_URI)).toThrow("clientId must be a non-empty string");
    expect(() => new Zoom(CLIENT_ID, "", REDIRECT_URI)).toThrow(/clientSecret .*non-empty string/);
    expect(() => new Zoom(CLIENT_ID, CLIENT_SECRET, "")).toThrow("redirectURI must be a non-empty string");
    expect(() => new Zoom(CLIENT_ID, CLIENT_SECRET, "/login/zoom/callback")).toThrow(
      "redirectURI must be an absolute URL",
    );
    expect(() => new Zoom(CLIENT_ID, CLIENT_SECRET, REDIRECT_URI, { timeoutMs: -1 })).toThrow(/timeoutMs/);
  });

  it.each([
    ["zoom.us", /must be an absolute http\(s\) origin/],
    ["ftp://zoom.us", /must use http or https/],
    ["https://zoom.us/oauth", /must be an origin only/],
    ["https://zoom.us?x=1", /must be an origin only/],
    ["https://user:pw@zoom.us", /must be an origin only/],
  ])("rejects the authorization server %s", (authorizationServer, message) => {
    expect(() => new Zoom(CLIENT_ID, CLIENT_SECRET, REDIRECT_URI, { authorizationServer })).toThrow(message);
  });
});

describe("Zoom.createAuthorizationURL", () => {
  const zoom = new Zoom(CLIENT_ID, CLIENT_SECRET, REDIRECT_URI);

  it("points at zoom.us/oauth/authorize with code, client, redirect, state and an S256 challenge", () => {
    const url = zoom.createAuthorizationURL("state-1", VERIFIER);
    expect(url).toBeInstanceOf(URL);
    expect(url.toString()).toBe(
      "https://zoom.us/oauth/authorize?response_type=code" +
        `&client_id=${CLIENT_ID}` +
        `&redirect_uri=${encodeURIComponent(REDIRECT_URI)}` +
        "&state=state-1" +
        `&code_challenge=${CHALLENGE}` +
        "&code_challenge_method=S256",
    );
  });

  it("adds scope, space-joined, only when scopes are given", () => {
    expect(zoom.createAuthorizationURL("s", VERIFIER, ["user:read", "meeting:write"]).searchParams.get("scope")).toBe(
      "user:read meeting:write",
    );
    expect(zoom.createAuthorizationURL("s", VERIFIER, []).searchParams.has("scope")).toBe(false);
    expect(zoom.createAuthorizationURL("s", VERIFIER).searchParams.has("scope")).toBe(false);
  });

  it("uses the configured authorization server", () => {
    const local = new Zoom(CLIENT_ID, CLIENT_SECRET, REDIRECT_URI, { authorizationServer: "http://127.0.0.1:4010/" });
    const url = local.createAuthorizationURL("s", VERIFIER);
    expect(`${url.origin}${url.pathname}`).toBe("http://127.0.0.1:4010/oauth/authorize");
  });

  it("rejects an empty state or verifier with a clear message", () => {
    expect(() => zoom.createAuthorizationURL("", VERIFIER)).toThrow("state must be a non-empty string");
    expect(() => zoom.createAuthorizationURL("s", "")).toThrow(/codeVerifier must be 43 to 128 characters/);
  });

  it("matches createS256CodeChallenge for any verifier", () => {
    const url = zoom.createAuthorizationURL("s", `${VERIFIER}abc`);
    expect(url.searchParams.get("code_challenge")).toBe(createS256CodeChallenge(`${VERIFIER}abc`));
  });
});

describe("Zoom.validateAuthorizationCode", () => {
  it("POSTs the code, redirect URI and verifier with Basic auth and returns ZoomTokens", async () => {
    const { zoom, requests } = zoomAnswering(() => jsonResponse(zoomTokenBody));
    const tokens = await zoom.validateAuthorizationCode("code-1", VERIFIER);

    expect(requests).toHaveLength(1);
    const request = requests[0];
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe("https://zoom.us/oauth/token");
    expect(request?.headers.get("Authorization")).toBe(BASIC);
    expect(request?.headers.get("Accept")).toBe("application/json");
    expect(request?.headers.get("Content-Type")).toBe("application/x-www-form-urlencoded");
    expect(request?.body).toBe(
      `grant_type=authorization_code&code=code-1&redirect_uri=${encodeURIComponent(REDIRECT_URI)}&code_verifier=${VERIFIER}`,
    );

    expect(tokens).toBeInstanceOf(ZoomTokens);
    expect(tokens.accessToken()).toBe("access-1");
    expect(tokens.refreshToken()).toBe("refresh-1");
    expect(tokens.apiUrl()).toBe("https://api.zoom.us");
    expect(tokens.accessTokenExpiresAt().toISOString()).toBe("2026-01-01T00:59:59.000Z");
  });

  it("sends client_id in the body and no Authorization header for a public client", async () => {
    const { zoom, requests } = zoomAnswering(() => jsonResponse(zoomTokenBody), null);
    await zoom.validateAuthorizationCode("code-1", VERIFIER);
    expect(requests[0]?.headers.has("Authorization")).toBe(false);
    expect(new URLSearchParams(requests[0]?.body).get("client_id")).toBe(CLIENT_ID);
  });

  it("throws OAuth2RequestError with Zoom's reason", async () => {
    const { zoom } = zoomAnswering(() => jsonResponse({ reason: "Invalid authorization code", error: "invalid_grant" }, 400));
    await expect(zoom.validateAuthorizationCode("used-code", VERIFIER)).rejects.toThrow(
      new OAuth2RequestError(400, { reason: "Invalid authorization code", error: "invalid_grant" }),
    );
  });

  it("throws OAuth2RequestError for bad client credentials (Zoom may answer 401)", async () => {
    const { zoom } = zoomAnswering(() =>
      jsonResponse({ reason: "Invalid client_id or client_secret", error: "invalid_client" }, 401),
    );
    await expect(zoom.validateAuthorizationCode("c", VERIFIER)).rejects.toMatchObject({
      name: "OAuth2RequestError",
      code: "invalid_client",
      description: "Invalid client_id or client_secret",
      status: 401,
    });
  });

  it("rejects a 200 without access_token at the request", async () => {
    const { zoom } = zoomAnswering(() => jsonResponse({ reason: "ok" }));
    await expect(zoom.validateAuthorizationCode("c", VERIFIER)).rejects.toThrow(UnexpectedResponseError);
  });

  it("turns an HTML 5xx into UnexpectedResponseError", async () => {
    const { zoom } = zoomAnswering(() => textResponse("<html>Service Unavailable</html>", 503));
    await expect(zoom.validateAuthorizationCode("c", VERIFIER)).rejects.toMatchObject({
      name: "UnexpectedResponseError",
      status: 503,
      contentType: "text/html",
      bodyExcerpt: "<html>Service Unavailable</html>",
    });
  });

  it("turns a network failure and a timeout into OAuth2FetchError", async () => {
    const { zoom } = zoomAnswering(() => Promise.reject(new TypeError("fetch failed")));
    await expect(zoom.validateAuthorizationCode("c", VERIFIER)).rejects.toThrow(OAuth2FetchError);

    const slow = new Zoom(CLIENT_ID, CLIENT_SECRET, REDIRECT_URI, { fetch: hangingFetch().fetch, timeoutMs: 20 });
    await expect(slow.validateAuthorizationCode("c", VERIFIER)).rejects.toThrow(/timed out after 20 ms/);
  });
});

describe("Zoom.refreshAccessToken", () => {
  it("POSTs grant_type=refresh_token with Basic auth", async () => {
    const { zoom, requests } = zoomAnswering(() => jsonResponse({ ...zoomTokenBody, refresh_token: "refresh-2" }));
    const tokens = await zoom.refreshAccessToken("refresh-1");
    expect(requests[0]?.url).toBe("https://zoom.us/oauth/token");
    expect(requests[0]?.headers.get("Authorization")).toBe(BASIC);
    expect(requests[0]?.body).toBe("grant_type=refresh_token&refresh_token=refresh-1");
    expect(tokens.refreshToken()).toBe("refresh-2");
  });

  it("reports a rotated-out refresh token as invalid_grant with Zoom's reason", async () => {
    const { zoom } = zoomAnswering(() => jsonResponse({ reason: "Invalid Token!", error: "invalid_grant" }, 400));
    await expect(zoom.refreshAccessToken("refresh-old")).rejects.toThrow(
      "OAuth2 request failed with invalid_grant: Invalid Token!",
    );
  });
});

describe("Zoom.revokeToken", () => {
  it("POSTs the token to /oauth/revoke with Basic auth and accepts {status: success}", async () => {
    const { zoom, requests } = zoomAnswering(() => jsonResponse({ status: "success" }));
    await expect(zoom.revokeToken("access-1")).resolves.toBeUndefined();
    expect(requests[0]?.method).toBe("POST");
    expect(requests[0]?.url).toBe("https://zoom.us/oauth/revoke");
    expect(requests[0]?.headers.get("Authorization")).toBe(BASIC);
    expect(requests[0]?.headers.get("Accept")).toBe("application/json");
    expect(requests[0]?.body).toBe("token=access-1");
  });

  it("throws the same errors as the code exchange", async () => {
    const { zoom } = zoomAnswering(() => jsonResponse({ reason: "Invalid Token!", error: "invalid_token" }, 400));
    await expect(zoom.revokeToken("gone")).rejects.toThrow(OAuth2RequestError);
  });
});

describe("Zoom and secrets", () => {
  it("keeps the client secret out of JSON.stringify and inspect", async () => {
    const { inspect } = await import("node:util");
    const zoom = new Zoom(CLIENT_ID, "very-secret-value", REDIRECT_URI);
    expect(JSON.stringify(zoom)).not.toContain("very-secret-value");
    expect(inspect(zoom, { depth: 10, showHidden: true })).not.toContain("very-secret-value");
  });
});

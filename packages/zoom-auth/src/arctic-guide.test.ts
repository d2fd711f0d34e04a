/**
 * The code blocks of arctic's Zoom guide, with only the import changed from "arctic" to
 * this package. `fetch` is stubbed globally, as a user of the guide passes no fetch.
 */
import * as core from "@org/oauth-core";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as zoomAuth from "./index.js";
import { ArcticFetchError, generateCodeVerifier, generateState, OAuth2RequestError, Zoom } from "./index.js";
import { createFakeFetch, type FakeFetch, jsonResponse } from "../../oauth-core/test/fake-fetch.js";

const clientId = "guide-client-id";
const clientSecret = "guide-client-secret";
const redirectURI = "https://app.example/login/zoom/callback";

let zoomServer: FakeFetch;

beforeEach(() => {
  zoomServer = createFakeFetch((request) => {
    const form = new URLSearchParams(request.body);
    if (request.url.endsWith("/oauth/revoke")) return jsonResponse({ status: "success" });
    if (form.get("grant_type") === "refresh_token" && form.get("refresh_token") === "refresh-1") {
      return jsonResponse({ access_token: "access-2", token_type: "bearer", refresh_token: "refresh-2", expires_in: 3599 });
    }
    if (form.get("grant_type") === "authorization_code" && form.get("code") === "code-1") {
      return jsonResponse({ access_token: "access-1", token_type: "bearer", refresh_token: "refresh-1", expires_in: 3599 });
    }
    return jsonResponse({ reason: "Invalid Token!", error: "invalid_grant" }, 400);
  });
  vi.stubGlobal("fetch", zoomServer.fetch);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("arctic's Zoom guide, with the import changed", () => {
  const zoom = new Zoom(clientId, clientSecret, redirectURI);

  it("Create authorization URL", () => {
    const state = generateState();
    const codeVerifier = generateCodeVerifier();
    const url = zoom.createAuthorizationURL(state, codeVerifier);
    expect(url.searchParams.get("state")).toBe(state);
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
  });

  it("Validate authorization code", async () => {
    const codeVerifier = generateCodeVerifier();
    const tokens = await zoom.validateAuthorizationCode("code-1", codeVerifier);
    const accessToken = tokens.accessToken();
    const accessTokenExpiresAt = tokens.accessTokenExpiresAt();
    const refreshToken = tokens.refreshToken();
    expect([accessToken, refreshToken]).toEqual(["access-1", "refresh-1"]);
    expect(accessTokenExpiresAt).toBeInstanceOf(Date);
  });

  it("Validate authorization code: errors", async () => {
    let caught: unknown;
    try {
      await zoom.validateAuthorizationCode("expired-code", generateCodeVerifier());
    } catch (e) {
      if (e instanceof OAuth2RequestError) {
        const code = e.code;
        expect(code).toBe("invalid_grant");
      }
      caught = e;
    }
    expect(caught).toBeInstanceOf(OAuth2RequestError);

    vi.stubGlobal("fetch", () => Promise.reject(new TypeError("fetch failed")));
    try {
      await zoom.validateAuthorizationCode("code-1", generateCodeVerifier());
    } catch (e) {
      if (e instanceof ArcticFetchError) {
        const cause = e.cause;
        expect(cause).toBeInstanceOf(TypeError);
      }
      caught = e;
    }
    expect(caught).toBeInstanceOf(ArcticFetchError);
  });

  it("Refresh access tokens (with the refresh token, as the corrected guide says)", async () => {
    const tokens = await zoom.refreshAccessToken("refresh-1");
    expect(tokens.accessToken()).toBe("access-2");
    expect(tokens.refreshToken()).toBe("refresh-2");
    await expect(zoom.refreshAccessToken("refresh-1-rotated-out")).rejects.toBeInstanceOf(OAuth2RequestError);
  });

  it("Revoke tokens", async () => {
    await zoom.revokeToken("access-1");
    expect(zoomServer.requests.at(-1)?.url).toBe("https://zoom.us/oauth/revoke");
  });
});

describe("re-exports", () => {
  it("are the very classes and functions of @org/oauth-core, so instanceof works across both", () => {
    const pairs = [
      [zoomAuth.generateState, core.generateState],
      [zoomAuth.generateCodeVerifier, core.generateCodeVerifier],
      [zoomAuth.OAuth2Tokens, core.OAuth2Tokens],
      [zoomAuth.OAuth2RequestError, core.OAuth2RequestError],
      [zoomAuth.ArcticFetchError, core.OAuth2FetchError],
      [zoomAuth.OAuth2FetchError, core.OAuth2FetchError],
      [zoomAuth.UnexpectedResponseError, core.UnexpectedResponseError],
      [zoomAuth.UnexpectedErrorResponseBodyError, core.UnexpectedErrorResponseBodyError],
      [zoomAuth.TokenFieldError, core.TokenFieldError],
    ] as const;
    for (const [reExported, original] of pairs) {
      expect(reExported).toBe(original);
    }
  });
});

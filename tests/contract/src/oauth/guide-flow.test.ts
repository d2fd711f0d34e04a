import { generateCodeVerifier, generateState, OAuth2RequestError, Zoom } from "@org/zoom-auth";
import { describe, expect, it } from "vitest";
import { consent, REDIRECT_URI, useZoomOAuthMock, zoomClient } from "./oauth-fixture.js";

const zoomMock = useZoomOAuthMock();
const zoom = zoomClient();

describe("the Zoom guide, against the mock", () => {
  it("creates an authorization URL the mock accepts, with PKCE S256", () => {
    const state = generateState();
    const codeVerifier = generateCodeVerifier();
    const url = zoom.createAuthorizationURL(state, codeVerifier);
    expect(url.origin + url.pathname).toBe("https://zoom.us/oauth/authorize");
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(zoomMock.validators.oauth.validateRequest({ method: "GET", url, headers: new Headers(), bodyText: null })).toEqual([]);
  });

  it("consent redirects to the callback with a code and the same state", async () => {
    const state = generateState();
    const url = zoom.createAuthorizationURL(state, generateCodeVerifier());
    const callback = await zoomMock.approve(url);
    expect(callback.origin + callback.pathname).toBe(REDIRECT_URI);
    expect(callback.searchParams.get("state")).toBe(state);
    expect(callback.searchParams.get("code")).toBeTruthy();
  });

  it("denied consent redirects with error=access_denied", async () => {
    const state = generateState();
    const callback = await zoomMock.deny(zoom.createAuthorizationURL(state, generateCodeVerifier()));
    expect(callback.searchParams.get("error")).toBe("access_denied");
    expect(callback.searchParams.get("state")).toBe(state);
  });

  it("validates the authorization code into tokens with Zoom's api_url", async () => {
    const { code, codeVerifier } = await consent(zoomMock, zoom);
    const tokens = await zoom.validateAuthorizationCode(code, codeVerifier);
    expect(tokens.tokenType()).toBe("bearer");
    expect(tokens.accessTokenExpiresInSeconds()).toBe(3599);
    expect(tokens.hasRefreshToken()).toBe(true);
    expect(tokens.apiUrl()).toBe("https://api.zoom.us");
    expect(zoomMock.state.verifyAccessToken(tokens.accessToken())).toMatchObject({
      ok: true,
      user: { email: zoomMock.defaultUser.email },
    });
  });

  it("refreshes with rotation: the new refresh token works, the old one is refused", async () => {
    const { code, codeVerifier } = await consent(zoomMock, zoom);
    const tokens = await zoom.validateAuthorizationCode(code, codeVerifier);
    const refreshed = await zoom.refreshAccessToken(tokens.refreshToken());
    expect(refreshed.refreshToken()).not.toBe(tokens.refreshToken());
    expect(refreshed.accessToken()).not.toBe(tokens.accessToken());

    const error = await zoom.refreshAccessToken(tokens.refreshToken()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OAuth2RequestError);
    expect(error).toMatchObject({ code: "invalid_grant", description: "Invalid Token!", status: 400 });

    await expect(zoom.refreshAccessToken(refreshed.refreshToken())).resolves.toBeTruthy();
  });

  it("revokes the token; the revoked token and its refresh token are then refused", async () => {
    const { code, codeVerifier } = await consent(zoomMock, zoom);
    const tokens = await zoom.validateAuthorizationCode(code, codeVerifier);
    await zoom.revokeToken(tokens.accessToken());
    expect(zoomMock.state.verifyAccessToken(tokens.accessToken())).toEqual({ ok: false, reason: "revoked" });
    await expect(zoom.refreshAccessToken(tokens.refreshToken())).rejects.toMatchObject({
      name: "OAuth2RequestError",
      code: "invalid_grant",
    });
  });

  it("works for a public client (no secret: PKCE and client_id in the body)", async () => {
    zoomMock.registerApp({ clientId: "public-client", clientSecret: null, redirectUris: [REDIRECT_URI] });
    const publicZoom = new Zoom("public-client", null, REDIRECT_URI);
    const { code, codeVerifier } = await consent(zoomMock, publicZoom);
    const tokens = await publicZoom.validateAuthorizationCode(code, codeVerifier);
    expect(tokens.hasRefreshToken()).toBe(true);
  });
});

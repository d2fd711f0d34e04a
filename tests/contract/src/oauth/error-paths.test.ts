import {
  ArcticFetchError,
  generateCodeVerifier,
  OAuth2RequestError,
  UnexpectedErrorResponseBodyError,
  UnexpectedResponseError,
  Zoom,
} from "@org/zoom-auth";
import { AUTHORIZATION_CODE_LIFETIME_MS, MOCK_CLIENT_ID } from "@org/zoom-mock";
import { describe, expect, it } from "vitest";
import { consent, REDIRECT_URI, useZoomOAuthMock, zoomClient } from "./oauth-fixture.js";

let now = Date.parse("2026-03-01T09:00:00Z");
const zoomMock = useZoomOAuthMock({ clock: () => now, redirectUris: [REDIRECT_URI, "https://app.example.com/other"] });
const zoom = zoomClient();

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: unknown) => error,
  );
}

describe("token endpoint errors, as the guide's callers see them", () => {
  it("an invalid code: OAuth2RequestError invalid_grant", async () => {
    const error = await rejection(zoom.validateAuthorizationCode("not-a-code", generateCodeVerifier()));
    expect(error).toBeInstanceOf(OAuth2RequestError);
    expect(error).toMatchObject({ code: "invalid_grant", description: "Invalid authorization code", status: 400 });
  });

  it("a reused code: the second exchange fails with invalid_grant", async () => {
    const { code, codeVerifier } = await consent(zoomMock, zoom);
    await zoom.validateAuthorizationCode(code, codeVerifier);
    expect(await rejection(zoom.validateAuthorizationCode(code, codeVerifier))).toMatchObject({
      name: "OAuth2RequestError",
      code: "invalid_grant",
    });
  });

  it("an expired code (5 minutes later): invalid_grant", async () => {
    const { code, codeVerifier } = await consent(zoomMock, zoom);
    now += AUTHORIZATION_CODE_LIFETIME_MS;
    expect(await rejection(zoom.validateAuthorizationCode(code, codeVerifier))).toMatchObject({
      code: "invalid_grant",
      description: "Authorization code has expired",
    });
  });

  it("a wrong verifier: invalid_grant", async () => {
    const { code } = await consent(zoomMock, zoom);
    expect(await rejection(zoom.validateAuthorizationCode(code, generateCodeVerifier()))).toMatchObject({
      code: "invalid_grant",
      description: "Invalid code_verifier",
    });
  });

  it("a redirect URI other than the authorization request's: invalid_grant", async () => {
    const { code, codeVerifier } = await consent(zoomMock, zoom);
    const elsewhere = zoomClient({}, "https://app.example.com/other");
    expect(await rejection(elsewhere.validateAuthorizationCode(code, codeVerifier))).toMatchObject({
      code: "invalid_grant",
      description: "Redirect URI mismatch",
    });
  });

  it("bad client credentials: invalid_client with status 401", async () => {
    const { code, codeVerifier } = await consent(zoomMock, zoom);
    const impostor = new Zoom(MOCK_CLIENT_ID, "wrong-secret", REDIRECT_URI);
    const error = await rejection(impostor.validateAuthorizationCode(code, codeVerifier));
    expect(error).toBeInstanceOf(OAuth2RequestError);
    expect(error).toMatchObject({ code: "invalid_client", status: 401, description: "Invalid client_id or client_secret" });
    expect(String((error as Error).message)).not.toContain("wrong-secret");
  });

  it("a rotated-out refresh token: Invalid Token!", async () => {
    const { code, codeVerifier } = await consent(zoomMock, zoom);
    const tokens = await zoom.validateAuthorizationCode(code, codeVerifier);
    await zoom.refreshAccessToken(tokens.refreshToken());
    expect(await rejection(zoom.refreshAccessToken(tokens.refreshToken()))).toMatchObject({
      code: "invalid_grant",
      description: "Invalid Token!",
    });
  });
});

describe("transport failures", () => {
  it("a network failure: ArcticFetchError", async () => {
    zoomMock.faults.inject({ route: "token", kind: "network" });
    expect(await rejection(zoom.validateAuthorizationCode("code", generateCodeVerifier()))).toBeInstanceOf(ArcticFetchError);
  });

  it("a timeout: ArcticFetchError", async () => {
    zoomMock.faults.inject({ route: "token", kind: "delay", delayMs: "infinite" });
    const impatient = zoomClient({ timeoutMs: 20 });
    expect(await rejection(impatient.refreshAccessToken("refresh"))).toBeInstanceOf(ArcticFetchError);
  });

  it("an HTML 5xx page: UnexpectedResponseError with the status", async () => {
    zoomMock.faults.inject({ route: "token", kind: "html", status: 502 });
    const error = await rejection(zoom.refreshAccessToken("refresh"));
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error).toMatchObject({ status: 502 });
  });

  it("a 200 that is not JSON: UnexpectedResponseError", async () => {
    zoomMock.faults.inject({ route: "token", kind: "html", status: 200 });
    const error = await rejection(zoom.refreshAccessToken("refresh"));
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error).toMatchObject({ status: 200 });
  });

  it("a 200 without access_token: UnexpectedResponseError, at the request", async () => {
    zoomMock.faults.inject({ route: "token", kind: "json", status: 200, body: { token_type: "bearer" } });
    expect(await rejection(zoom.refreshAccessToken("refresh"))).toBeInstanceOf(UnexpectedResponseError);
  });

  it("a 5xx with a JSON body that is not an OAuth error: UnexpectedErrorResponseBodyError", async () => {
    zoomMock.faults.inject({ route: "revoke", kind: "status", status: 503, body: { message: "maintenance" } });
    const error = await rejection(zoom.revokeToken("token"));
    expect(error).toBeInstanceOf(UnexpectedErrorResponseBodyError);
    expect(error).toMatchObject({ status: 503 });
  });
});

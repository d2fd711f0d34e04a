import { describe, expect, it } from "vitest";
import { decodeBasicCredentials } from "./client-authentication.js";
import { OAuth2RequestError, UnexpectedResponseError } from "./errors.js";
import { OAuth2Client, type OAuth2ClientConfig } from "./oauth2-client.js";
import { createS256CodeChallenge } from "./pkce.js";
import { generateCodeVerifier } from "./random.js";
import { createFakeFetch, jsonResponse } from "../test/fake-fetch.js";
import type { OAuth2ClientOptions } from "./token-request.js";
import { OAuth2Tokens } from "./tokens.js";

const config: OAuth2ClientConfig = {
  clientId: "client-id",
  clientSecret: "client-secret",
  redirectURI: "https://app.example/callback",
  authorizationEndpoint: "https://auth.example/oauth/authorize",
  tokenEndpoint: "https://auth.example/oauth/token",
  revocationEndpoint: "https://auth.example/oauth/revoke",
};

const tokenBody = { access_token: "access-1", token_type: "bearer", expires_in: 3600, refresh_token: "refresh-2" };
const verifier = generateCodeVerifier();

function clientWith(answer: () => Response, overrides: Partial<OAuth2ClientConfig> = {}, options: OAuth2ClientOptions = {}) {
  const fake = createFakeFetch(answer);
  const client = new OAuth2Client({ ...config, ...overrides }, { fetch: fake.fetch, ...options });
  return { client, requests: fake.requests };
}

function form(body: string | undefined): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body));
}

describe("OAuth2Client.createAuthorizationURLWithPKCE", () => {
  const client = new OAuth2Client(config);

  it("builds the authorization URL with an S256 challenge", () => {
    const url = client.createAuthorizationURLWithPKCE("state-1", verifier, ["read", "write"]);
    expect(url.origin + url.pathname).toBe("https://auth.example/oauth/authorize");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: "code",
      client_id: "client-id",
      redirect_uri: "https://app.example/callback",
      state: "state-1",
      code_challenge: createS256CodeChallenge(verifier),
      code_challenge_method: "S256",
      scope: "read write",
    });
  });

  it("adds no scope parameter without scopes", () => {
    expect(client.createAuthorizationURLWithPKCE("s", verifier).searchParams.has("scope")).toBe(false);
    expect(client.createAuthorizationURLWithPKCE("s", verifier, []).searchParams.has("scope")).toBe(false);
  });

  it("keeps query parameters already on the authorization endpoint", () => {
    const withQuery = new OAuth2Client({ ...config, authorizationEndpoint: "https://auth.example/authorize?tenant=t1" });
    expect(withQuery.createAuthorizationURLWithPKCE("s", verifier).searchParams.get("tenant")).toBe("t1");
  });

  it("rejects an empty state, a malformed verifier and malformed scopes", () => {
    expect(() => client.createAuthorizationURLWithPKCE("", verifier)).toThrow("state must be a non-empty string");
    expect(() => client.createAuthorizationURLWithPKCE("s", "")).toThrow(/codeVerifier must be 43 to 128/);
    expect(() => client.createAuthorizationURLWithPKCE("s", verifier, ["a b"])).toThrow(
      "each scope must be a non-empty string without spaces",
    );
    expect(() => client.createAuthorizationURLWithPKCE("s", verifier, [""])).toThrow(TypeError);
  });
});

describe("OAuth2Client token requests", () => {
  it("exchanges a code with redirect_uri and code_verifier", async () => {
    const { client, requests } = clientWith(() => jsonResponse(tokenBody));
    const tokens = await client.validateAuthorizationCode("code-1", verifier);
    expect(tokens).toBeInstanceOf(OAuth2Tokens);
    expect(tokens.accessToken()).toBe("access-1");
    expect(requests[0]?.url).toBe("https://auth.example/oauth/token");
    expect(form(requests[0]?.body)).toEqual({
      grant_type: "authorization_code",
      code: "code-1",
      redirect_uri: "https://app.example/callback",
      code_verifier: verifier,
    });
    expect(decodeBasicCredentials(requests[0]?.headers.get("Authorization") ?? "")).toEqual({
      clientId: "client-id",
      clientSecret: "client-secret",
    });
  });

  it("refreshes, optionally narrowing scopes", async () => {
    const { client, requests } = clientWith(() => jsonResponse(tokenBody));
    await client.refreshAccessToken("refresh-1");
    await client.refreshAccessToken("refresh-1", ["read"]);
    expect(form(requests[0]?.body)).toEqual({ grant_type: "refresh_token", refresh_token: "refresh-1" });
    expect(form(requests[1]?.body)).toEqual({ grant_type: "refresh_token", refresh_token: "refresh-1", scope: "read" });
  });

  it("requests tokens with any other grant", async () => {
    const { client, requests } = clientWith(() => jsonResponse({ access_token: "s2s", expires_in: 3599 }));
    const tokens = await client.requestTokens("account_credentials", { account_id: "acc-1" });
    expect(tokens.hasRefreshToken()).toBe(false);
    expect(form(requests[0]?.body)).toEqual({ grant_type: "account_credentials", account_id: "acc-1" });
  });

  it("acts as a public client without a secret: client_id in the body, no Authorization", async () => {
    const { client, requests } = clientWith(() => jsonResponse(tokenBody), { clientSecret: null });
    await client.validateAuthorizationCode("code-1", verifier);
    expect(requests[0]?.headers.has("Authorization")).toBe(false);
    expect(form(requests[0]?.body).client_id).toBe("client-id");
  });

  it("stamps tokens with the time of receipt from the clock", async () => {
    const { client } = clientWith(() => jsonResponse(tokenBody), {}, { clock: () => Date.UTC(2026, 5, 1) });
    const tokens = await client.refreshAccessToken("refresh-1");
    expect(tokens.accessTokenExpiresAt().toISOString()).toBe("2026-06-01T01:00:00.000Z");
  });

  it("returns the provider's own token class from the factory", async () => {
    class ProviderTokens extends OAuth2Tokens {
      region(): string {
        return this.stringField("region");
      }
    }
    const fake = createFakeFetch(() => jsonResponse({ ...tokenBody, region: "eu" }));
    const client = new OAuth2Client(
      config,
      { fetch: fake.fetch },
      (data, receivedAt) => new ProviderTokens(data, { receivedAt }),
    );
    const tokens = await client.refreshAccessToken("r");
    expect(tokens).toBeInstanceOf(ProviderTokens);
    expect(tokens.region()).toBe("eu");
  });

  it("surfaces OAuth errors and rejects a 200 without access_token", async () => {
    const failing = clientWith(() => jsonResponse({ reason: "Invalid Token!", error: "invalid_grant" }, 400));
    await expect(failing.client.refreshAccessToken("old")).rejects.toThrow(OAuth2RequestError);
    const empty = clientWith(() => jsonResponse({}));
    await expect(empty.client.refreshAccessToken("r")).rejects.toThrow(UnexpectedResponseError);
  });

  it("checks arguments before sending anything", async () => {
    const { client, requests } = clientWith(() => jsonResponse(tokenBody));
    await expect(client.validateAuthorizationCode("", verifier)).rejects.toThrow("code must be a non-empty string");
    await expect(client.validateAuthorizationCode("c", "short")).rejects.toThrow(/codeVerifier/);
    await expect(client.refreshAccessToken("")).rejects.toThrow("refreshToken must be a non-empty string");
    await expect(client.requestTokens("")).rejects.toThrow("grantType must be a non-empty string");
    await expect(client.revokeToken("")).rejects.toThrow("token must be a non-empty string");
    expect(requests).toHaveLength(0);
  });
});

describe("OAuth2Client.revokeToken", () => {
  it("posts the token to the revocation endpoint and accepts a body without access_token", async () => {
    const { client, requests } = clientWith(() => jsonResponse({ status: "success" }));
    await expect(client.revokeToken("access-1")).resolves.toBeUndefined();
    expect(requests[0]?.url).toBe("https://auth.example/oauth/revoke");
    expect(requests[0]?.method).toBe("POST");
    expect(form(requests[0]?.body)).toEqual({ token: "access-1" });
    expect(requests[0]?.headers.get("Accept")).toBe("application/json");
  });

  it("sends a token_type_hint when given", async () => {
    const { client, requests } = clientWith(() => new Response(null, { status: 200 }));
    await client.revokeToken("r", "refresh_token");
    expect(form(requests[0]?.body)).toEqual({ token: "r", token_type_hint: "refresh_token" });
  });

  it("throws the same errors as token requests", async () => {
    const { client } = clientWith(() => jsonResponse({ error: "invalid_client" }, 401));
    await expect(client.revokeToken("t")).rejects.toMatchObject({ name: "OAuth2RequestError", status: 401 });
  });

  it("refuses when the provider has no revocation endpoint", async () => {
    const { revocationEndpoint: _omitted, ...withoutRevocation } = config;
    const client = new OAuth2Client(withoutRevocation);
    await expect(client.revokeToken("t")).rejects.toThrow("This client has no revocation endpoint");
  });
});

describe("new OAuth2Client", () => {
  it.each([
    [{ clientId: "" }, "clientId must be a non-empty string"],
    [{ clientSecret: "" }, "clientSecret (use null for a public client) must be a non-empty string"],
    [{ redirectURI: "/callback" }, "redirectURI must be an absolute URL"],
    [{ tokenEndpoint: "ftp://auth.example/token" }, "tokenEndpoint must be an http(s) URL, got ftp:"],
    [{ authorizationEndpoint: "not a url" }, "authorizationEndpoint must be an absolute URL"],
  ] as const)("rejects %j at once", (override, message) => {
    expect(() => new OAuth2Client({ ...config, ...override })).toThrow(message);
  });

  it.each([
    [{ timeoutMs: 0 }, /options.timeoutMs/],
    [{ timeoutMs: 1.5 }, /options.timeoutMs/],
    [{ timeoutMs: Number.POSITIVE_INFINITY }, /options.timeoutMs/],
    [{ fetch: "fetch" }, "options.fetch must be a function"],
    [{ signal: {} }, "options.signal must be an AbortSignal"],
    [{ userAgent: "" }, /options.userAgent/],
    [{ userAgent: "a\r\nX-Injected: 1" }, /options.userAgent/],
    [{ clock: 5 }, /options.clock/],
  ])("rejects options %j at once", (options, message) => {
    expect(() => new OAuth2Client(config, options as unknown as OAuth2ClientOptions)).toThrow(message);
  });

  it("accepts a redirect URI of null for providers that need none", () => {
    const client = new OAuth2Client({ ...config, redirectURI: null });
    expect(client.createAuthorizationURLWithPKCE("s", verifier).searchParams.has("redirect_uri")).toBe(false);
  });
});

describe("OAuth2Client and secrets", () => {
  it("keeps the client secret out of JSON.stringify and inspect", async () => {
    const { inspect } = await import("node:util");
    const client = new OAuth2Client({ ...config, clientSecret: "very-secret-value" });
    expect(JSON.stringify(client)).not.toContain("very-secret-value");
    expect(inspect(client, { depth: 10, showHidden: true })).not.toContain("very-secret-value");
  });

  it("refuses a grant_type smuggled into the parameters", async () => {
    const { client, requests } = clientWith(() => jsonResponse(tokenBody));
    await expect(client.requestTokens("client_credentials", { grant_type: "password" })).rejects.toThrow(
      "pass the grant type as grantType, not in parameters",
    );
    expect(requests).toHaveLength(0);
  });
});

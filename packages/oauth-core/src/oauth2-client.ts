import type { ClientAuthentication } from "./client-authentication.js";
import { assertCodeVerifier, createS256CodeChallenge } from "./pkce.js";
import {
  assertOAuth2ClientOptions,
  ignoreResponseBody,
  type OAuth2ClientOptions,
  readTokenResponse,
  sendOAuth2Request,
} from "./token-request.js";
import { OAuth2Tokens } from "./tokens.js";

/** Where a provider's endpoints are and who the client is. */
export interface OAuth2ClientConfig {
  /** The client id. */
  clientId: string;
  /** The client secret, or `null` for a public client (PKCE only, `client_id` in the body). */
  clientSecret: string | null;
  /** The redirect URI registered for the client; `null` when the provider does not need one. */
  redirectURI: string | null;
  /** The authorization endpoint. */
  authorizationEndpoint: string | URL;
  /** The token endpoint. */
  tokenEndpoint: string | URL;
  /** The revocation endpoint (RFC 7009), if the provider has one. */
  revocationEndpoint?: string | URL;
}

/** Builds the token object a client returns, so that a provider can return its own subclass. */
export type TokensFactory<T extends OAuth2Tokens> = (data: Record<string, unknown>, receivedAt: Date) => T;

function assertNonEmptyString(value: unknown, name: string): asserts value is string {
  if (typeof value !== "string" || value === "") {
    throw new TypeError(`${name} must be a non-empty string`);
  }
}

function parseEndpoint(value: string | URL, name: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(`${name} must be an absolute URL`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new TypeError(`${name} must be an http(s) URL, got ${url.protocol}`);
  }
  return url;
}

function assertScopes(scopes: readonly string[]): void {
  if (!Array.isArray(scopes)) throw new TypeError("scopes must be an array of strings");
  for (const scope of scopes) {
    // A space would silently split one scope into two on the server.
    if (typeof scope !== "string" || scope === "" || /\s/.test(scope)) {
      throw new TypeError("each scope must be a non-empty string without spaces");
    }
  }
}

/**
 * A generic OAuth 2.0 client for providers to build on: authorization code with PKCE,
 * refresh, revocation and other grants, with `client_secret_basic` or as a public client.
 *
 * Every request goes through one request function, which sets the headers, applies the
 * timeout and signal, reads the body once and classifies the response.
 *
 * @typeParam T - The token class returned, {@link OAuth2Tokens} unless a factory says otherwise.
 */
export class OAuth2Client<T extends OAuth2Tokens = OAuth2Tokens> {
  /** The client id. */
  readonly clientId: string;
  /** The redirect URI, or `null`. */
  readonly redirectURI: string | null;
  // ES private fields, not TypeScript's `private`: the client secret must not show up in
  // JSON.stringify(client) or console.log(client).
  readonly #authentication: ClientAuthentication;
  readonly #authorizationEndpoint: URL;
  readonly #tokenEndpoint: URL;
  readonly #revocationEndpoint: URL | null;
  readonly #options: OAuth2ClientOptions;
  readonly #createTokens: TokensFactory<T>;

  /**
   * @param config - Client id, secret, redirect URI and endpoints.
   * @param options - fetch, timeout, signal, User-Agent, clock.
   * @param createTokens - Builds the returned token object (default: {@link OAuth2Tokens}).
   * @throws {TypeError} At once, naming the setting that is wrong.
   */
  constructor(config: OAuth2ClientConfig, options: OAuth2ClientOptions = {}, createTokens?: TokensFactory<T>) {
    assertNonEmptyString(config.clientId, "clientId");
    if (config.clientSecret !== null) {
      assertNonEmptyString(config.clientSecret, "clientSecret (use null for a public client)");
    }
    if (config.redirectURI !== null) {
      parseEndpoint(config.redirectURI, "redirectURI");
    }
    assertOAuth2ClientOptions(options);
    this.clientId = config.clientId;
    this.redirectURI = config.redirectURI;
    this.#authentication =
      config.clientSecret === null
        ? { method: "none", clientId: config.clientId }
        : { method: "client_secret_basic", clientId: config.clientId, clientSecret: config.clientSecret };
    this.#authorizationEndpoint = parseEndpoint(config.authorizationEndpoint, "authorizationEndpoint");
    this.#tokenEndpoint = parseEndpoint(config.tokenEndpoint, "tokenEndpoint");
    this.#revocationEndpoint =
      config.revocationEndpoint === undefined
        ? null
        : parseEndpoint(config.revocationEndpoint, "revocationEndpoint");
    this.#options = { ...options };
    this.#createTokens =
      createTokens ?? ((data, receivedAt) => new OAuth2Tokens(data, { receivedAt }) as T);
  }

  /**
   * Builds the authorization URL for the authorization code flow with PKCE (S256).
   * Synchronous: nothing is fetched.
   *
   * @param state - A value from `generateState()`, stored to compare with the callback's.
   * @param codeVerifier - A value from `generateCodeVerifier()`, stored for the code exchange.
   * @param scopes - Scopes to request; `scope` is only added when this is non-empty.
   * @returns The URL to redirect the user to.
   * @throws {TypeError} When an argument is empty or malformed (the message never contains it).
   */
  createAuthorizationURLWithPKCE(state: string, codeVerifier: string, scopes: readonly string[] = []): URL {
    assertNonEmptyString(state, "state");
    const codeChallenge = createS256CodeChallenge(codeVerifier);
    assertScopes(scopes);
    const url = new URL(this.#authorizationEndpoint);
    url.searchParams.set("response_type", "code");
    url.searchParams.set("client_id", this.clientId);
    if (this.redirectURI !== null) url.searchParams.set("redirect_uri", this.redirectURI);
    url.searchParams.set("state", state);
    url.searchParams.set("code_challenge", codeChallenge);
    url.searchParams.set("code_challenge_method", "S256");
    if (scopes.length > 0) url.searchParams.set("scope", scopes.join(" "));
    return url;
  }

  /**
   * Exchanges an authorization code for tokens (`grant_type=authorization_code`).
   *
   * @param code - The `code` of the callback.
   * @param codeVerifier - The verifier used to build the authorization URL.
   * @returns The tokens.
   * @throws {OAuth2RequestError} The server refused (bad code, verifier, redirect URI, credentials).
   * @throws {OAuth2FetchError} No answer: network failure, timeout, abort.
   * @throws {UnexpectedResponseError} An answer that is not a usable token response.
   * @throws {UnexpectedErrorResponseBodyError} An error status with a JSON body that is not an OAuth error.
   */
  async validateAuthorizationCode(code: string, codeVerifier: string): Promise<T> {
    assertNonEmptyString(code, "code");
    assertCodeVerifier(codeVerifier);
    const body = new URLSearchParams({ grant_type: "authorization_code", code });
    if (this.redirectURI !== null) body.set("redirect_uri", this.redirectURI);
    body.set("code_verifier", codeVerifier);
    return this.#requestTokensWithBody(body);
  }

  /**
   * Gets new tokens with a refresh token (`grant_type=refresh_token`). Providers that rotate
   * refresh tokens (Zoom does) return a new one: store it, the old one stops working.
   *
   * @param refreshToken - The refresh token.
   * @param scopes - Optionally, a narrower set of scopes (RFC 6749 section 6).
   * @returns The new tokens.
   * @throws The same errors as {@link OAuth2Client.validateAuthorizationCode}.
   */
  async refreshAccessToken(refreshToken: string, scopes: readonly string[] = []): Promise<T> {
    assertNonEmptyString(refreshToken, "refreshToken");
    assertScopes(scopes);
    const body = new URLSearchParams({ grant_type: "refresh_token", refresh_token: refreshToken });
    if (scopes.length > 0) body.set("scope", scopes.join(" "));
    return this.#requestTokensWithBody(body);
  }

  /**
   * Requests tokens with any grant, for example `account_credentials` or
   * `client_credentials`.
   *
   * @param grantType - The `grant_type`.
   * @param parameters - Other form parameters of the grant.
   * @returns The tokens.
   * @throws The same errors as {@link OAuth2Client.validateAuthorizationCode}.
   */
  async requestTokens(grantType: string, parameters: Readonly<Record<string, string>> = {}): Promise<T> {
    assertNonEmptyString(grantType, "grantType");
    const body = new URLSearchParams({ grant_type: grantType });
    for (const [name, value] of Object.entries(parameters)) {
      if (name === "grant_type") throw new TypeError("pass the grant type as grantType, not in parameters");
      if (typeof value !== "string") throw new TypeError(`parameter ${name} must be a string`);
      body.set(name, value);
    }
    return this.#requestTokensWithBody(body);
  }

  /**
   * Revokes a token (RFC 7009). Any 2xx answer is success; its body is ignored.
   *
   * @param token - The access or refresh token to revoke.
   * @param tokenTypeHint - Optionally `"access_token"` or `"refresh_token"`.
   * @throws {TypeError} When the client has no revocation endpoint.
   * @throws The same errors as {@link OAuth2Client.validateAuthorizationCode}, except
   * that any 2xx body is accepted.
   */
  async revokeToken(token: string, tokenTypeHint?: "access_token" | "refresh_token"): Promise<void> {
    assertNonEmptyString(token, "token");
    if (this.#revocationEndpoint === null) {
      throw new TypeError("This client has no revocation endpoint");
    }
    const body = new URLSearchParams({ token });
    if (tokenTypeHint !== undefined) body.set("token_type_hint", tokenTypeHint);
    await sendOAuth2Request(
      { url: this.#revocationEndpoint, body, authentication: this.#authentication, options: this.#options },
      ignoreResponseBody,
    );
  }

  async #requestTokensWithBody(body: URLSearchParams): Promise<T> {
    const { data, receivedAt } = await sendOAuth2Request(
      { url: this.#tokenEndpoint, body, authentication: this.#authentication, options: this.#options },
      readTokenResponse,
    );
    return this.#createTokens(data, receivedAt);
  }
}

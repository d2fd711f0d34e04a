/**
 * OAuth 2.0 client primitives on web-standard APIs (fetch, Web Crypto, URL, AbortSignal):
 * state and PKCE, token requests, typed tokens and typed errors. No runtime dependencies.
 *
 * Exactly the names its README's API section lists; what other packages of the SDK share
 * beyond them is in `@org/oauth-core/internal`, which carries no stability guarantee.
 *
 * @packageDocumentation
 */
export {
  isUnreachableError,
  OAuth2FetchError,
  type OAuth2FetchErrorOptions,
  OAuth2RequestError,
  TokenFieldError,
  UnexpectedErrorResponseBodyError,
  UnexpectedResponseError,
  type UnreachableError,
} from "./errors.js";
export { OAuth2Client, type OAuth2ClientConfig, type TokensFactory } from "./oauth2-client.js";
export { createS256CodeChallenge } from "./pkce.js";
export { generateCodeVerifier, generateState } from "./random.js";
export type { OAuth2ClientOptions } from "./token-request.js";
export { OAuth2Tokens, type OAuth2TokensOptions } from "./tokens.js";

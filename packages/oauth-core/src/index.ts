/**
 * OAuth 2.0 client primitives on web-standard APIs (fetch, Web Crypto, URL, AbortSignal):
 * state and PKCE, token requests, typed tokens and typed errors. No runtime dependencies.
 *
 * @packageDocumentation
 */
export { decodeBase64, encodeBase64, encodeBase64url } from "./base64url.js";
export {
  applyClientAuthentication,
  type BasicCredentials,
  type ClientAuthentication,
  decodeBasicCredentials,
  encodeBasicCredentials,
} from "./client-authentication.js";
export {
  ArcticFetchError,
  type ArcticFetchErrorOptions,
  BODY_EXCERPT_LENGTH,
  isUnreachableError,
  OAuth2RequestError,
  TokenFieldError,
  UnexpectedErrorResponseBodyError,
  UnexpectedResponseError,
  type UnreachableError,
} from "./errors.js";
export { OAuth2Client, type OAuth2ClientConfig, type TokensFactory } from "./oauth2-client.js";
export { assertCodeVerifier, createS256CodeChallenge } from "./pkce.js";
export { generateCodeVerifier, generateState } from "./random.js";
export {
  collectSecrets,
  MAX_REDACTION_DEPTH,
  REDACTED,
  redactJson,
  redactText,
  secretForms,
  TOO_DEEP,
} from "./redaction.js";
export { sha256 } from "./sha256.js";
export {
  assertOAuth2ClientOptions,
  DEFAULT_TIMEOUT_MS,
  ignoreResponseBody,
  MAX_EXPIRES_IN_SECONDS,
  type OAuth2ClientOptions,
  type OAuth2EndpointRequest,
  readTokenResponse,
  type SuccessfulResponse,
  type SuccessfulResponseReader,
  sendOAuth2Request,
  type TokenResponse,
} from "./token-request.js";
export { OAuth2Tokens, type OAuth2TokensOptions } from "./tokens.js";

/**
 * Sign in with Zoom: the Zoom OAuth 2.0 provider (a drop-in replacement for arctic's) with the
 * device flow, a user token source that keeps a user's session across refreshes, Server-to-Server
 * OAuth, app-only tokens (client credentials) and webhook verification, with the state, PKCE, token and error types of `@org/oauth-core` re-exported
 * so that one import is enough.
 *
 * @packageDocumentation
 */
export {
  generateCodeVerifier,
  generateState,
  isUnreachableError,
  type OAuth2ClientOptions,
  OAuth2FetchError,
  /**
   * arctic's name for {@link OAuth2FetchError} (the same class), so code written for arctic's Zoom
   * provider keeps working unchanged.
   */
  OAuth2FetchError as ArcticFetchError,
  OAuth2RequestError,
  OAuth2Tokens,
  type OAuth2TokensOptions,
  TokenFieldError,
  UnexpectedErrorResponseBodyError,
  UnexpectedResponseError,
  type UnreachableError,
} from "@org/oauth-core";
export { ZoomClientCredentials, type ZoomClientCredentialsOptions } from "./client-credentials.js";
export {
  DeviceAuthorization,
  DeviceAuthorizationError,
  type DeviceAuthorizationFailure,
  type DeviceFlowSleep,
  type PollDeviceAuthorizationOptions,
} from "./device-authorization.js";
export { ZoomServerToServer, type ZoomServerToServerOptions } from "./server-to-server.js";
export type { ServerToServerTokenRecord, ServerToServerTokenStore } from "./server-to-server-token-store.js";
export {
  answerUrlValidation,
  createMemoryReplayGuard,
  type MemoryReplayGuardOptions,
  type UrlValidationAnswer,
  type VerifyWebhookOptions,
  verifyWebhook,
  type WebhookHeaders,
  type WebhookReplayGuard,
  WebhookVerificationError,
  type WebhookVerificationFailure,
} from "./webhooks.js";
// The class is a type only: createUserTokenSource is the one way to make a source.
export { createUserTokenSource, type UserTokenSource, type UserTokenSourceOptions } from "./user-token-source.js";
export { ReauthorizationRequiredError, TokenLoadError, TokenPersistenceError } from "./user-token-source-errors.js";
export type { UserTokenSnapshot } from "./user-token-snapshot.js";
export { Zoom, type ZoomOptions } from "./zoom.js";
export { ZoomTokens } from "./zoom-tokens.js";

/**
 * Sign in with Zoom: the Zoom OAuth 2.0 provider (a drop-in replacement for arctic's) with the
 * device flow, a user token source that keeps a user's session across refreshes, Server-to-Server
 * OAuth, app-only tokens (client credentials) and webhook verification, with the state, PKCE, token and error types of `@org/oauth-core` re-exported
 * so that one import is enough.
 *
 * @packageDocumentation
 */
export {
  ArcticFetchError,
  createS256CodeChallenge,
  isUnreachableError,
  generateCodeVerifier,
  generateState,
  OAuth2RequestError,
  OAuth2Tokens,
  type OAuth2ClientOptions,
  type OAuth2TokensOptions,
  TokenFieldError,
  UnexpectedErrorResponseBodyError,
  UnexpectedResponseError,
  type UnreachableError,
} from "@org/oauth-core";
export { parseAuthorizationServer, ZOOM_AUTHORIZATION_SERVER } from "./authorization-server.js";
export { ZoomClientCredentials, type ZoomClientCredentialsOptions } from "./client-credentials.js";
export {
  DEVICE_CODE_GRANT_TYPE,
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
export {
  createUserTokenSource,
  UserTokenSource,
  type UserTokenSourceOptions,
} from "./user-token-source.js";
export { ReauthorizationRequiredError, TokenLoadError, TokenPersistenceError } from "./user-token-source-errors.js";
export type { UserTokenSnapshot } from "./user-token-snapshot.js";
export { Zoom, type ZoomOptions } from "./zoom.js";
export { ZoomTokens } from "./zoom-tokens.js";

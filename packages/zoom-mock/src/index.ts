/**
 * `@org/zoom-mock`: msw handlers that behave like Zoom's authorization server and REST API, over a
 * store tests can inspect, with every request and response checked against the project's specs.
 */
export * from "./api/index.js";
export {
  createZoomMock,
  MOCK_CLIENT_ID,
  MOCK_CLIENT_SECRET,
  type ZoomMock,
  ZoomMockAuthorizationError,
  type ZoomMockContext,
  type ZoomMockDevices,
  type ZoomMockOptions,
} from "./create-zoom-mock.js";
export { createSeededZoomMock, parseSeed, type ZoomMockSeed, ZoomMockSeedError } from "./cli/seed-file.js";
export { FaultInjector, type FaultKind, type FaultRoute, type FaultSpec, type PendingFault } from "./faults.js";
export { zoomApiSpec, zoomOAuthSpec, zoomWebhooksSpec } from "./generated/index.js";
export type { ConsentDecision, TokenResponseBody } from "./oauth/authorization-rules.js";
export type { ZoomOAuthErrorBody } from "./oauth/oauth-errors.js";
export { createSpecRoute, type MockRuntime, type SpecRouteContext, type SpecRouteOptions, type ViolatingRequest } from "./spec-route.js";
export {
  ACCESS_TOKEN_EXPIRES_IN_SECONDS,
  ACCESS_TOKEN_LIFETIME_MS,
  type AccessTokenRecord,
  type AccessTokenRejection,
  type AccessTokenVerification,
  AUTHORIZATION_CODE_LIFETIME_MS,
  type AuthorizationCodeRecord,
  type DeviceAuthorizationRecord,
  type Clock,
  DEFAULT_ACCOUNT_ID,
  DEFAULT_APP_SCOPES,
  type GrantKind,
  type GrantRecord,
  type MockApp,
  type MockAppInput,
  type MockUser,
  type RandomString,
  type RefreshTokenRecord,
  ZoomMockState,
  type ZoomMockStateOptions,
} from "./state.js";
export { parseFormBody } from "./validation/form-body.js";
export type { JsonSchema, OpenApiDocument, OpenApiOperation } from "./validation/openapi-document.js";
export {
  createSpecValidator,
  type MatchedOperation,
  type RequestSnapshot,
  type RequestValidationOptions,
  type ResponseSnapshot,
  type SpecValidator,
  type SpecValidatorOptions,
  type SpecViolation,
  snapshotRequest,
  snapshotResponse,
  type ViolationLocation,
  type ViolationRule,
  type ViolationSide,
} from "./validation/spec-validator.js";
export { formatViolation, SpecViolationError } from "./violations.js";
export {
  type LiveParticipantInput,
  ZOOM_MOCK_WEBHOOK_EVENTS,
  type ZoomMockWebhookEmitInput,
  type ZoomMockWebhookEventName,
} from "./webhooks/webhook-event-names.js";
export type { ZoomMockWebhookEvent } from "./webhooks/webhook-event-factory.js";
export {
  type WebhookAttempt,
  type WebhookDelivery,
  type WebhookEndpointFunction,
  WebhookEndpointValidationError,
  type WebhookSubscriberInput,
  type WebhookSubscription,
  ZOOM_WEBHOOK_RETRY_DELAYS_MS,
  ZOOM_WEBHOOK_TIMEOUT_MS,
  ZoomMockWebhooks,
  type ZoomMockWebhooksOptions,
} from "./webhooks/zoom-mock-webhooks.js";

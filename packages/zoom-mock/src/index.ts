/**
 * `@org/zoom-mock`: msw handlers that behave like Zoom's authorization server and REST API, over a
 * store tests can inspect, with every request and response checked against the project's specs.
 *
 * Exactly the names its README's API section lists; the resource model behind the REST API is reached
 * through the mock's `api` property, not imported.
 *
 * @packageDocumentation
 */
export type { ZoomMockApi } from "./api/zoom-mock-api.js";
export type { RateLimitSimulation } from "./api/model/rate-limits.js";
export { recordingFileStream } from "./api/recording-files.js";
export {
  createZoomMock,
  MOCK_CLIENT_ID,
  MOCK_CLIENT_SECRET,
  type ZoomMock,
  ZoomMockAuthorizationError,
  type ZoomMockOptions,
} from "./create-zoom-mock.js";
export { createSeededZoomMock, parseSeed, type ZoomMockSeed, ZoomMockSeedError } from "./cli/seed-file.js";
export type { FaultInjector, FaultSpec } from "./faults.js";
export { zoomApiSpec, zoomOAuthSpec, zoomWebhooksSpec } from "./generated/index.js";
export { createSpecRoute, type SpecRouteOptions } from "./spec-route.js";
export { AUTHORIZATION_CODE_LIFETIME_MS, DEFAULT_ACCOUNT_ID, DEFAULT_APP_SCOPES, DEFAULT_APP_TOKEN_SCOPES, ZoomMockState } from "./state.js";
export {
  createSpecValidator,
  type RequestValidationOptions,
  type SpecValidator,
  type SpecValidatorOptions,
  type SpecViolation,
  type ViolationLocation,
  type ViolationRule,
  type ViolationSide,
} from "./validation/spec-validator.js";
export { SpecViolationError } from "./violations.js";
export type { ZoomMockWebhookEventName } from "./webhooks/webhook-event-names.js";
export {
  type WebhookDelivery,
  WebhookEndpointValidationError,
  type ZoomMockWebhooks,
  type ZoomMockWebhooksOptions,
} from "./webhooks/zoom-mock-webhooks.js";

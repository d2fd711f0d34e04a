/**
 * Zoom webhook events, typed from the project's spec (specs/zoom-webhooks.yaml), and a router that
 * verifies each request with `verifyWebhook` from `@org/zoom-auth`, answers Zoom's URL validation and
 * calls a typed listener per event, over web-standard `Request`/`Response` or Node's `(req, res)`.
 *
 * @packageDocumentation
 */
export { validateWebhookEvent, WebhookPayloadError } from "./event-validation.js";
export {
  isZoomWebhookEventName,
  type UnknownZoomWebhookEvent,
  ZOOM_WEBHOOK_EVENT_NAMES,
  type ZoomWebhookEvent,
  type ZoomWebhookEventMap,
  type ZoomWebhookEventName,
  type ZoomWebhookSchemas,
} from "./events.js";
export { type NodeRequestLike, type NodeResponseLike, type NodeWebhookHandler, toNodeHandler } from "./node-adapter.js";
export {
  createWebhookHandler,
  type WebhookContext,
  type WebhookHandler,
  type WebhookHandlerOptions,
  type WebhookListener,
  type WebhookListeners,
} from "./webhook-handler.js";

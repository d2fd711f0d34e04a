import { EVENT_NAMES } from "./generated/event-schemas.js";
import type { components, webhooks } from "./generated/zoom-webhooks.js";

/** The JSON body of one webhook of the spec. */
type BodyOf<Webhook> = Webhook extends { post: { requestBody: { content: { "application/json": infer Body } } } } ? Body : never;

/** Each event's body by its name, generated from specs/zoom-webhooks.yaml. */
export type ZoomWebhookEventMap = { [Name in keyof webhooks]: BodyOf<webhooks[Name]> };

/** The name of an event the spec describes, e.g. `"meeting.started"`. */
export type ZoomWebhookEventName = keyof ZoomWebhookEventMap;

/**
 * Any event the spec describes: a union discriminated by `event`, so `if (e.event === "meeting.started")`
 * (or a `switch`) narrows `e.payload` to that event's payload.
 */
export type ZoomWebhookEvent = ZoomWebhookEventMap[ZoomWebhookEventName];

/** The schemas of the spec (`ZoomWebhookSchemas["LiveMeeting"]`, `ZoomWebhookSchemas["RecordingFile"]`...). */
export type ZoomWebhookSchemas = components["schemas"];

/** An event that the spec does not describe (Zoom has many more), with only its envelope known. */
export interface UnknownZoomWebhookEvent {
  /** The event's name, e.g. `"meeting.chat_message_sent"`. */
  event: string;
  /** When Zoom created the event, in milliseconds since the epoch, when present. */
  event_ts?: number;
  /** The payload, unchecked. */
  payload: Record<string, unknown>;
}

/** The name of every event the spec describes, in its order. */
export const ZOOM_WEBHOOK_EVENT_NAMES: readonly ZoomWebhookEventName[] = EVENT_NAMES;

const known: ReadonlySet<string> = new Set(EVENT_NAMES);

/** Whether `name` is an event the spec describes (and {@link ZoomWebhookEvent} types). */
export function isZoomWebhookEventName(name: string): name is ZoomWebhookEventName {
  return known.has(name);
}

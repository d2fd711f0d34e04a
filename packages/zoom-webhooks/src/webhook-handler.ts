import { answerUrlValidation, verifyWebhook, type WebhookReplayGuard, WebhookVerificationError } from "@org/zoom-auth";
import { WebhookPayloadError, validateWebhookEvent } from "./event-validation.js";
import { isZoomWebhookEventName, type UnknownZoomWebhookEvent, type ZoomWebhookEventMap, type ZoomWebhookEventName } from "./events.js";

/** What a listener receives besides the event. */
export interface WebhookContext {
  /** The request the event came in (its body has been read). */
  request: Request;
}

/** A listener for one event: the handler answers Zoom only once the returned promise settles. */
export type WebhookListener<Event> = (event: Event, context: WebhookContext) => void | Promise<void>;

/** Listeners by event name; each gets its event's type. */
export type WebhookListeners = { [Name in ZoomWebhookEventName]?: WebhookListener<ZoomWebhookEventMap[Name]> };

/** Options of {@link createWebhookHandler}. */
export interface WebhookHandlerOptions {
  /** The app's webhook secret token: verifies signatures and answers `endpoint.url_validation`. */
  secretToken: string;
  /** Listeners by event name. An event of the spec without a listener is acknowledged and dropped. */
  on?: WebhookListeners;
  /** Gets verified events the spec does not describe (Zoom has many more). Without it they are acknowledged and dropped. */
  unknown?: WebhookListener<UnknownZoomWebhookEvent>;
  /**
   * Check each event of the spec against its schema before the listener runs (default `false`), and
   * answer 400 when it does not match. Compiles the schemas on first use, which needs `new Function`
   * (not allowed on Cloudflare Workers).
   */
  validate?: boolean;
  /** Milliseconds since the epoch (default `Date.now`): the time signatures' timestamps are checked against. */
  clock?: () => number;
  /** How far, in seconds, a request's timestamp may be from the clock (default 300, as `verifyWebhook`). */
  toleranceSeconds?: number;
  /**
   * Refuses a delivery whose signature was already seen inside the window (401, reason `replayed`), as
   * `verifyWebhook`'s option of the same name: `createMemoryReplayGuard()` from `@org/zoom-auth` for one
   * process, a shared store for several. Zoom retries an unanswered delivery with a new timestamp and so
   * a new signature, so a guard refuses only copies.
   */
  replayGuard?: WebhookReplayGuard;
  /**
   * Called when a listener throws or rejects (the answer is then 500, so Zoom delivers the event again),
   * and when `validate` refuses an event. Never receives the secret token or the signature.
   */
  onError?: (error: unknown, event: { event: string }) => void;
}

/** A handler of Zoom's webhook requests: a web-standard `Request` in, a `Response` out. */
export type WebhookHandler = (request: Request) => Promise<Response>;

function answer(status: number, body?: Record<string, unknown>, headers?: Record<string, string>): Response {
  if (body === undefined) return new Response(null, { status, ...(headers ? { headers } : {}) });
  return Response.json(body, { status, ...(headers ? { headers } : {}) });
}

function parseEnvelope(rawBody: string): UnknownZoomWebhookEvent | string {
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    return "the body is not JSON";
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) return "the body is not a JSON object";
  const { event, payload } = body as Record<string, unknown>;
  if (typeof event !== "string" || event === "") return 'the body has no "event" name';
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) return 'the body has no "payload" object';
  return body as UnknownZoomWebhookEvent;
}

/**
 * Creates the endpoint Zoom posts events to. For each request it, in order: refuses anything but
 * `POST` (405); verifies the signature and timestamp over the raw body with `verifyWebhook` (401 when
 * they do not verify, before anything is parsed); answers `endpoint.url_validation` itself; optionally
 * validates the body against the spec (400); runs the event's listener, typed by the event's name, and
 * answers 200 only after it settles (500 when it throws, so Zoom delivers the event again).
 *
 * Runs wherever `Request`, `Response` and Web Crypto exist: Node 20, Deno, Bun, workers. For Node's
 * `(req, res)`, wrap it with `toNodeHandler`.
 *
 * @example
 * ```ts
 * const handler = createWebhookHandler({
 *   secretToken: process.env.ZOOM_WEBHOOK_SECRET_TOKEN!,
 *   on: {
 *     "meeting.started": (e) => console.log(`${e.payload.object.topic} started`),
 *     "recording.completed": async (e) => queue.add(e.payload.object.recording_files),
 *   },
 * });
 * export default { fetch: handler };
 * ```
 *
 * @throws {TypeError} When `secretToken` is empty or a listener is not a function.
 */
export function createWebhookHandler(options: WebhookHandlerOptions): WebhookHandler {
  const { secretToken, on = {}, unknown, validate = false, clock = Date.now, toleranceSeconds, replayGuard, onError } = options;
  if (typeof secretToken !== "string" || secretToken === "") throw new TypeError("createWebhookHandler: secretToken must be a non-empty string");
  for (const [name, listener] of Object.entries(on)) {
    if (!isZoomWebhookEventName(name)) {
      throw new TypeError(`createWebhookHandler: on["${name}"] is not an event of specs/zoom-webhooks.yaml; use \`unknown\` for other events`);
    }
    if (typeof listener !== "function") throw new TypeError(`createWebhookHandler: on["${name}"] must be a function`);
  }
  if (unknown !== undefined && typeof unknown !== "function") throw new TypeError("createWebhookHandler: unknown must be a function");

  return async (request) => {
    if (request.method !== "POST") return answer(405, { error: "method_not_allowed" }, { allow: "POST" });
    const rawBody = await request.text();
    try {
      await verifyWebhook({
        secretToken,
        headers: request.headers,
        rawBody,
        clock,
        ...(toleranceSeconds === undefined ? {} : { toleranceSeconds }),
        ...(replayGuard === undefined ? {} : { replayGuard }),
      });
    } catch (error) {
      if (error instanceof WebhookVerificationError) return answer(401, { error: "invalid_signature", reason: error.reason });
      throw error;
    }

    const envelope = parseEnvelope(rawBody);
    if (typeof envelope === "string") return answer(400, { error: "invalid_event", message: envelope });

    if (envelope.event === "endpoint.url_validation") {
      const plainToken = envelope.payload.plainToken;
      if (typeof plainToken !== "string" || plainToken === "") {
        return answer(400, { error: "invalid_event", message: "endpoint.url_validation has no payload.plainToken" });
      }
      return answer(200, { ...(await answerUrlValidation(secretToken, plainToken)) });
    }

    const context: WebhookContext = { request };
    try {
      if (isZoomWebhookEventName(envelope.event)) {
        if (validate) validateWebhookEvent(envelope.event, envelope);
        const listener = on[envelope.event] as WebhookListener<unknown> | undefined;
        await listener?.(envelope, context);
      } else {
        await unknown?.(envelope, context);
      }
    } catch (error) {
      onError?.(error, { event: envelope.event });
      if (error instanceof WebhookPayloadError) return answer(400, { error: "invalid_event", message: error.message });
      return answer(500, { error: "listener_failed" });
    }
    return answer(200);
  };
}

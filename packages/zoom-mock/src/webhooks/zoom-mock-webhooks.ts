import type { ApiModel } from "../api/model/api-model.js";
import type { MeetingRecord } from "../api/model/meetings.js";
import type { MockRuntime } from "../spec-route.js";
import type { OpenApiDocument } from "../validation/openapi-document.js";
import { SpecViolationError } from "../violations.js";
import { type ModelChange, type ModelChangeFeed, recordingOfSession } from "./model-changes.js";
import { type ZoomMockWebhookEvent, WebhookEventFactory } from "./webhook-event-factory.js";
import { ZOOM_MOCK_WEBHOOK_EVENTS, type ZoomMockWebhookEmitInput, type ZoomMockWebhookEventName } from "./webhook-event-names.js";
import { WebhookEventValidator } from "./webhook-event-validator.js";
import { hmacHex, signedHeaders } from "./webhook-signature.js";

/** Zoom's retry schedule: 3 more attempts, 5, 20 and 60 minutes after the previous one. */
export const ZOOM_WEBHOOK_RETRY_DELAYS_MS: readonly number[] = [5 * 60_000, 20 * 60_000, 60 * 60_000];

/** Zoom counts a delivery as failed when no 2xx arrives within 3 seconds. */
export const ZOOM_WEBHOOK_TIMEOUT_MS = 3_000;

/** An in-process subscriber: gets the signed `Request` Zoom would send, answers like an endpoint. */
export type WebhookEndpointFunction = (request: Request) => Response | Promise<Response>;

/** Who receives events: a URL (real HTTP) or a function, with the app's secret token. */
export interface WebhookSubscriberInput {
  /** Where to POST events, e.g. `http://127.0.0.1:3000/zoom/events`. Give this or `handler`. */
  url?: string | URL;
  /** Called in process with each signed request (e.g. a `createWebhookHandler(...)`). Give this or `url`. */
  handler?: WebhookEndpointFunction;
  /** The app's webhook secret token: signs every event. */
  secretToken: string;
  /** The events to send (default: every event). */
  events?: readonly ZoomMockWebhookEventName[];
  /** Send `endpoint.url_validation` first and refuse the subscriber unless it answers correctly (default `true`, as Zoom does when a URL is saved). */
  validateEndpoint?: boolean;
}

/** A subscriber that passed the handshake. */
export interface WebhookSubscription {
  readonly id: string;
  /** The URL, or `"function"`. */
  readonly target: string;
  readonly events: readonly ZoomMockWebhookEventName[];
  /** Stops sending to it (pending retries are dropped). */
  unsubscribe(): void;
}

/** One try at delivering an event. */
export interface WebhookAttempt {
  /** When it was made (the mock's clock, ms). */
  readonly at: number;
  /** The status answered; `null` when the request failed or timed out. */
  readonly status: number | null;
  /** Why it failed without a status (a network error or the timeout). */
  readonly error?: string;
}

/** An event sent (or being sent) to one subscriber, with every attempt. */
export interface WebhookDelivery {
  readonly id: string;
  readonly subscriptionId: string;
  readonly target: string;
  readonly event: ZoomMockWebhookEvent;
  readonly attempts: WebhookAttempt[];
  /** `delivered` after a 2xx; `retrying` between failed attempts; `failed` when no retry is left. */
  state: "sending" | "delivered" | "retrying" | "failed";
}

/** The endpoint did not answer `endpoint.url_validation` as Zoom requires, so it was not subscribed. */
export class WebhookEndpointValidationError extends Error {
  override readonly name = "WebhookEndpointValidationError";
}

/** Options of the mock's webhooks (`createZoomMock({ webhooks })`). */
export interface ZoomMockWebhooksOptions {
  /** Waits between attempts (default 5, 20 and 60 minutes, as Zoom); its length is the number of retries. */
  retryDelaysMs?: readonly number[];
  /**
   * Runs a retry after `delayMs` (default `setTimeout`, unref'd so it never keeps a process alive).
   * Tests pass their own to run retries when they choose.
   */
  schedule?: (retry: () => void, delayMs: number) => void;
  /** How long a URL subscriber has to answer (default 3 000 ms, as Zoom). */
  timeoutMs?: number;
  /** The fetch used for URL subscribers (default: `globalThis.fetch` at call time). */
  fetch?: typeof fetch;
}

interface Subscriber {
  id: string;
  target: string;
  send: (request: Request) => Promise<Response>;
  secretToken: string;
  events: ReadonlySet<string>;
  active: boolean;
}

/**
 * The mock's webhooks: subscribers, the events the model's changes cause, the `emit` test API, and a
 * log of every delivery. Every event is checked against specs/zoom-webhooks.yaml before it is sent.
 */
export class ZoomMockWebhooks {
  readonly #factory: WebhookEventFactory;
  readonly #validator: WebhookEventValidator;
  readonly #runtime: MockRuntime;
  readonly #clock: () => number;
  readonly #random: () => string;
  readonly #options: Required<Omit<ZoomMockWebhooksOptions, "fetch">> & { fetch: typeof fetch | undefined };
  readonly #subscribers: Subscriber[] = [];
  readonly #deliveries: WebhookDelivery[] = [];
  readonly #inflight = new Set<Promise<void>>();
  /** The model changes' deliveries, in order. */
  #queue: Promise<void> = Promise.resolve();
  readonly #model: ApiModel;

  constructor(input: { model: ApiModel; spec: OpenApiDocument; runtime: MockRuntime; changes: ModelChangeFeed; clock: () => number; random: () => string; accountId: string }, options: ZoomMockWebhooksOptions = {}) {
    this.#model = input.model;
    this.#runtime = input.runtime;
    this.#clock = input.clock;
    this.#random = input.random;
    this.#factory = new WebhookEventFactory(input.model, { accountId: input.accountId, clock: input.clock, random: input.random });
    this.#validator = new WebhookEventValidator(input.spec);
    const retryDelaysMs = options.retryDelaysMs ?? ZOOM_WEBHOOK_RETRY_DELAYS_MS;
    if (!retryDelaysMs.every((delay) => Number.isFinite(delay) && delay >= 0)) throw new RangeError("webhooks.retryDelaysMs: every delay must be a number of milliseconds, zero or more");
    const timeoutMs = options.timeoutMs ?? ZOOM_WEBHOOK_TIMEOUT_MS;
    if (!(Number.isFinite(timeoutMs) && timeoutMs > 0)) throw new RangeError("webhooks.timeoutMs must be a positive number of milliseconds");
    this.#options = {
      retryDelaysMs,
      timeoutMs,
      fetch: options.fetch,
      schedule:
        options.schedule ??
        ((retry, delayMs) => {
          const timer = setTimeout(retry, delayMs);
          (timer as { unref?: () => void }).unref?.();
        }),
    };
    input.changes.subscribe((change) => this.#onChange(change));
  }

  /** Every delivery so far, oldest first (the handshakes of `subscribe` included). */
  get deliveries(): readonly WebhookDelivery[] {
    return this.#deliveries;
  }

  /** The current subscribers. */
  get subscriptions(): readonly WebhookSubscription[] {
    return this.#subscribers.filter((subscriber) => subscriber.active).map((subscriber) => this.#subscription(subscriber));
  }

  /**
   * Adds a subscriber. Unless `validateEndpoint: false`, first sends it `endpoint.url_validation` and
   * requires a 200 with the right `encryptedToken`, as Zoom does when an endpoint URL is saved.
   *
   * @throws {WebhookEndpointValidationError} When the handshake fails.
   * @throws {TypeError} When neither or both of `url` and `handler` are given, or the secret token is empty.
   */
  async subscribe(input: WebhookSubscriberInput): Promise<WebhookSubscription> {
    if ((input.url === undefined) === (input.handler === undefined)) throw new TypeError("webhooks.subscribe: give exactly one of url and handler");
    if (typeof input.secretToken !== "string" || input.secretToken === "") throw new TypeError("webhooks.subscribe: secretToken must be a non-empty string");
    const events = input.events ?? ZOOM_MOCK_WEBHOOK_EVENTS;
    for (const name of events) if (!(ZOOM_MOCK_WEBHOOK_EVENTS as readonly string[]).includes(name)) throw new TypeError(`webhooks.subscribe: ${name} is not an event the mock sends`);
    const url = input.url === undefined ? undefined : new URL(input.url);
    const subscriber: Subscriber = {
      id: `sub_${this.#random().replace(/[^A-Za-z0-9]/g, "").slice(0, 12)}`,
      target: url?.href ?? "function",
      secretToken: input.secretToken,
      events: new Set(events),
      active: true,
      send: url === undefined ? async (request) => input.handler!(request) : (request) => this.#post(url, request),
    };
    if (input.validateEndpoint ?? true) {
      const event = this.#factory.urlValidation();
      const plainToken = event.payload.plainToken as string;
      const { delivery, response } = await this.#attemptOnce(subscriber, event);
      const expected = await hmacHex(input.secretToken, plainToken);
      let answer: unknown;
      try {
        answer = response ? await response.json() : undefined;
      } catch {
        answer = undefined;
      }
      const ok = response?.status === 200 && typeof answer === "object" && answer !== null && (answer as Record<string, unknown>).plainToken === plainToken && (answer as Record<string, unknown>).encryptedToken === expected;
      if (!ok) {
        delivery.state = "failed";
        throw new WebhookEndpointValidationError(
          `The endpoint ${subscriber.target} did not validate: Zoom requires a 200 answer to endpoint.url_validation with {"plainToken", "encryptedToken"} (hex HMAC-SHA256 of plainToken with the secret token); it answered ${response ? response.status : (delivery.attempts[0]?.error ?? "nothing")}`,
        );
      }
      delivery.state = "delivered";
    }
    this.#subscribers.push(subscriber);
    return this.#subscription(subscriber);
  }

  /**
   * Sends an event about the model as it is now to every subscriber of it, whether or not the model
   * changed: `emit("meeting.started", { meetingId })`. Resolves when each first attempt has settled.
   *
   * @throws {SpecViolationError} In strict mode, when the event would break specs/zoom-webhooks.yaml.
   */
  async emit<Name extends ZoomMockWebhookEventName>(name: Name, input: ZoomMockWebhookEmitInput[Name]): Promise<WebhookDelivery[]> {
    return this.#send(this.#factory.build(name, input));
  }

  /** Resolves once no delivery is in flight (retries scheduled for later do not count). */
  async settled(): Promise<void> {
    while (this.#inflight.size > 0) await Promise.all([...this.#inflight]);
  }

  /** Forgets the delivery log. */
  clearDeliveries(): void {
    this.#deliveries.length = 0;
  }

  #subscription(subscriber: Subscriber): WebhookSubscription {
    return {
      id: subscriber.id,
      target: subscriber.target,
      events: [...subscriber.events] as ZoomMockWebhookEventName[],
      unsubscribe: () => {
        subscriber.active = false;
        const index = this.#subscribers.indexOf(subscriber);
        if (index >= 0) this.#subscribers.splice(index, 1);
      },
    };
  }

  #send(event: ZoomMockWebhookEvent): Promise<WebhookDelivery[]> {
    const violations = this.#validator.validate(event);
    if (violations.length > 0) {
      this.#runtime.report(violations);
      if (this.#runtime.strict) return Promise.reject(new SpecViolationError(violations));
    }
    const targets = this.#subscribers.filter((subscriber) => subscriber.active && subscriber.events.has(event.event));
    return Promise.all(targets.map((subscriber) => this.#deliver(subscriber, event)));
  }

  async #deliver(subscriber: Subscriber, event: ZoomMockWebhookEvent): Promise<WebhookDelivery> {
    const { delivery, response } = await this.#attemptOnce(subscriber, event);
    this.#settle(subscriber, delivery, response);
    return delivery;
  }

  #settle(subscriber: Subscriber, delivery: WebhookDelivery, response: Response | undefined): void {
    if (response !== undefined && response.status >= 200 && response.status < 300) {
      delivery.state = "delivered";
      return;
    }
    const retriesDone = delivery.attempts.length - 1;
    const delay = this.#options.retryDelaysMs[retriesDone];
    if (delay === undefined || !subscriber.active) {
      delivery.state = "failed";
      return;
    }
    delivery.state = "retrying";
    this.#options.schedule(() => {
      if (!subscriber.active) {
        delivery.state = "failed";
        return;
      }
      this.#track(
        this.#attempt(subscriber, delivery).then((retried) => this.#settle(subscriber, delivery, retried)),
      );
    }, delay);
  }

  async #attemptOnce(subscriber: Subscriber, event: ZoomMockWebhookEvent) {
    const delivery: WebhookDelivery = {
      id: `dlv_${this.#random().replace(/[^A-Za-z0-9]/g, "").slice(0, 12)}`,
      subscriptionId: subscriber.id,
      target: subscriber.target,
      event,
      attempts: [],
      state: "sending",
    };
    this.#deliveries.push(delivery);
    const attempt = this.#attempt(subscriber, delivery);
    this.#track(attempt.then(() => undefined));
    return { delivery, response: await attempt };
  }

  /** One signed POST; each attempt is signed anew, so its timestamp is current as Zoom's are. */
  async #attempt(subscriber: Subscriber, delivery: WebhookDelivery): Promise<Response | undefined> {
    const body = JSON.stringify(delivery.event);
    const at = this.#clock();
    const headers = await signedHeaders(subscriber.secretToken, body, at);
    const request = new Request(subscriber.target === "function" ? "http://webhook.invalid/" : subscriber.target, { method: "POST", headers, body });
    try {
      const response = await subscriber.send(request);
      delivery.attempts.push({ at, status: response.status });
      return response;
    } catch (error) {
      delivery.attempts.push({ at, status: null, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
      return undefined;
    }
  }

  async #post(url: URL, request: Request): Promise<Response> {
    const fetcher = this.#options.fetch ?? globalThis.fetch;
    const response = await fetcher(new Request(url, request), { signal: AbortSignal.timeout(this.#options.timeoutMs) });
    // The body is read so the connection is released; only the answer to url_validation is used.
    const text = await response.text();
    const nullBody = response.status === 204 || response.status === 205 || response.status === 304;
    return new Response(nullBody ? null : text, { status: response.status, headers: response.headers });
  }

  #track(work: Promise<void>): void {
    const tracked = work.finally(() => this.#inflight.delete(tracked));
    this.#inflight.add(tracked);
  }

  /** Sends, without waiting, the events a change of the model causes. */
  #onChange(change: ModelChange): void {
    if (this.#subscribers.length === 0) return;
    let events: ZoomMockWebhookEvent[];
    try {
      events = this.#eventsOf(change);
    } catch (error) {
      // Describing a change must never break the API call that made it; a spec violation is recorded.
      if (error instanceof SpecViolationError) return;
      throw error;
    }
    // One change after another, each event after the previous one's first attempt: subscribers see
    // events in the order the model changed (a meeting ends before its recording completes), which
    // parallel sends would not guarantee (signing runs on Web Crypto's thread pool).
    const run = this.#queue.then(async () => {
      for (const event of events) await this.#send(event).catch(() => undefined);
    });
    this.#queue = run;
    this.#track(run);
  }

  #endedEvents(meeting: MeetingRecord, startedAt: number, endedAt: number): ZoomMockWebhookEvent[] {
    const events = [this.#factory.meetingEnded(meeting, startedAt, endedAt)];
    const recording = recordingOfSession(this.#model, meeting.uuid);
    if (recording !== undefined) {
      events.push(this.#factory.recordingCompleted(recording));
      if (recording.hasTranscript) events.push(this.#factory.transcriptCompleted(recording));
    }
    return events;
  }

  #eventsOf(change: ModelChange): ZoomMockWebhookEvent[] {
    const factory = this.#factory;
    const model = this.#model;
    switch (change.kind) {
      case "meeting-started":
        return [factory.meetingStarted(change.meeting)];
      case "participant":
        return [factory.participant(change.joined ? "meeting.participant_joined" : "meeting.participant_left", change.meeting, change.participant)];
      case "meeting-ended":
        return this.#endedEvents(change.meeting, change.startedAt, change.endedAt);
      case "operation":
        break;
    }
    const { operationId, before, body, result } = change;
    const operatorUser = change.caller.userId === null ? undefined : model.users.resolve(change.caller.userId, change.caller.userId);
    const operator = operatorUser ? { email: operatorUser.email, id: operatorUser.id } : undefined;
    const resultId = (result as { id?: number | string } | undefined)?.id;
    const action = (body as { action?: string } | undefined)?.action;
    const liveEnded = (meeting: MeetingRecord | undefined) =>
      meeting?.status === "started" && meeting.startedAt !== undefined ? this.#endedEvents(meeting, meeting.startedAt, this.#clock()) : [];
    switch (operationId) {
      case "meetingCreate":
        return [factory.meetingCreated(model.meetings.get(resultId as number), operator)];
      case "meetingUpdate":
        return before.meeting ? [factory.meetingUpdated(before.meeting, model.meetings.get(before.meeting.id), operator)] : [];
      case "meetingDelete":
        return before.meeting ? [...liveEnded(before.meeting), factory.meetingDeleted(before.meeting, operator)] : [];
      case "meetingStatus":
        return action === "recover" ? [] : liveEnded(before.meeting);
      case "meetingRegistrantCreate": {
        const meeting = before.meeting;
        const registrantId = (result as { registrant_id?: string }).registrant_id;
        return meeting && registrantId ? [factory.registration("meeting.registration_created", model.meetings.get(meeting.id), registrantId)] : [];
      }
      case "meetingRegistrantStatus": {
        const meeting = before.meeting && model.meetings.get(before.meeting.id);
        if (meeting === undefined || action !== "approve") return [];
        const named = (body as { registrants?: { id?: string; email?: string }[] }).registrants ?? [];
        const all = model.registrants.all(model.meetingTarget(meeting));
        const approved = all.filter((registrant) => named.some((who) => who.id === registrant.id || (who.email !== undefined && who.email.toLowerCase() === String(registrant.email).toLowerCase())));
        return approved.map((registrant) => factory.registration("meeting.registration_approved", meeting, String(registrant.id)));
      }
      case "webinarCreate":
        return [factory.webinarCreated(model.webinars.get(resultId as number), operator)];
      case "webinarUpdate":
        return before.webinar ? [factory.webinarUpdated(before.webinar, model.webinars.get(before.webinar.id), operator)] : [];
      case "webinarDelete":
        return before.webinar ? [factory.webinarDeleted(before.webinar, operator)] : [];
      case "userCreate": {
        const created = model.users.resolve(String(resultId), String(resultId));
        return [factory.userCreated(created, operator ?? { email: created.email, id: created.id })];
      }
      case "userUpdate": {
        if (!before.user) return [];
        const after = model.users.resolve(before.user.id, before.user.id);
        return [factory.userUpdated(before.user, after, operator ?? { email: after.email, id: after.id })];
      }
      case "userStatus": {
        if (!before.user || action !== "deactivate" || before.user.status === "inactive") return [];
        const after = model.users.resolve(before.user.id, before.user.id);
        return [factory.userDeactivated(after, operator ?? { email: after.email, id: after.id })];
      }
      default:
        return [];
    }
  }
}

import { createZoomMock, type WebhookDelivery } from "@org/zoom-mock";
import {
  createWebhookHandler,
  type WebhookListeners,
  ZOOM_WEBHOOK_EVENT_NAMES,
  type ZoomWebhookEvent,
  type ZoomWebhookEventName,
} from "@org/zoom-webhooks";
import { setupServer } from "msw/node";
import { ADMIN_MANAGED_APP_SCOPES } from "../api/api-fixture.js";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { recordEntry } from "../contract-run-record.js";

// Every event of specs/zoom-webhooks.yaml, sent by the mock and received through the router with
// payload validation on. Each delivery the router accepted goes to the contract run's record, where
// `pnpm spec:coverage` counts the events.

const secretToken = "contract-webhook-secret";
let now = Date.UTC(2026, 11, 3, 9, 0, 0);
const zoom = createZoomMock({ clock: () => now });
const mockApi = zoom.api;
const server = setupServer(...zoom.handlers);
let token = "";

async function call(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`https://api.zoom.us/v2${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  expect(response.status, `${method} ${path}`).toBeLessThan(300);
  return response;
}

/** What the app's listeners received, in order; each listener is typed by its event. */
const received: ZoomWebhookEvent[] = [];
const record = (event: ZoomWebhookEvent) => void received.push(event);
const on = Object.fromEntries(ZOOM_WEBHOOK_EVENT_NAMES.filter((name) => name !== "endpoint.url_validation").map((name) => [name, record])) as WebhookListeners;
const router = createWebhookHandler({ secretToken, clock: () => now, validate: true, on });
/** The raw requests the mock sent, to replay and tamper with. */
const sent: Request[] = [];

beforeAll(async () => {
  server.listen({ onUnhandledRequest: "error" });
  // The account's owner, through an admin-managed app: the events come from account-wide calls too (POST /users).
  const grant = zoom.state.createGrant({ kind: "authorization_code", clientId: "mock-client-id", userId: zoom.defaultUser.id, accountId: "mock-account-id", scopes: ADMIN_MANAGED_APP_SCOPES });
  token = zoom.state.issueAccessToken(grant).token;
  await zoom.webhooks.subscribe({
    secretToken,
    handler: (request) => {
      sent.push(request.clone());
      return router(request);
    },
  });
});
afterAll(() => {
  server.close();
  for (const delivery of zoom.webhooks.deliveries) {
    if (delivery.state === "delivered") recordEntry({ kind: "webhook", event: delivery.event.event });
  }
});

/** Each event, the operationId of its webhook in the spec, and what makes the mock send it. */
const cases: { operationId: string; event: ZoomWebhookEventName; cause: (ids: Ids) => Promise<unknown> }[] = [
  { operationId: "endpointUrlValidation", event: "endpoint.url_validation", cause: async () => undefined /* sent by subscribe */ },
  { operationId: "userCreated", event: "user.created", cause: async (ids) => (ids.userId = ((await (await call("POST", "/users", { action: "custCreate", user_info: { email: "kay@example.com", type: 1, first_name: "Kay" } })).json()) as { id: string }).id) },
  { operationId: "userUpdated", event: "user.updated", cause: (ids) => call("PATCH", `/users/${ids.userId}`, { first_name: "Katherine" }) },
  { operationId: "meetingCreated", event: "meeting.created", cause: async (ids) => (ids.meetingId = ((await (await call("POST", "/users/me/meetings", { topic: "Contract", start_time: "2026-12-04T10:00:00Z", duration: 30, settings: { approval_type: 1 } })).json()) as { id: number }).id) },
  { operationId: "meetingUpdated", event: "meeting.updated", cause: (ids) => call("PATCH", `/meetings/${ids.meetingId}`, { topic: "Contract, revised" }) },
  { operationId: "meetingRegistrationCreated", event: "meeting.registration_created", cause: (ids) => call("POST", `/meetings/${ids.meetingId}/registrants`, { email: "lin@example.com", first_name: "Lin" }) },
  { operationId: "meetingRegistrationApproved", event: "meeting.registration_approved", cause: (ids) => call("PUT", `/meetings/${ids.meetingId}/registrants/status`, { action: "approve", registrants: [{ email: "lin@example.com" }] }) },
  { operationId: "meetingStarted", event: "meeting.started", cause: async (ids) => mockApi.startMeeting(ids.meetingId, { cloudRecording: true }) },
  { operationId: "meetingParticipantJoined", event: "meeting.participant_joined", cause: async (ids) => mockApi.joinMeeting(ids.meetingId, { name: "Lin", user_email: "lin@example.com" }) },
  { operationId: "meetingSharingStarted", event: "meeting.sharing_started", cause: (ids) => zoom.webhooks.emit("meeting.sharing_started", { meetingId: ids.meetingId, participant: { name: "Lin", email: "lin@example.com" } }) },
  { operationId: "meetingSharingEnded", event: "meeting.sharing_ended", cause: (ids) => zoom.webhooks.emit("meeting.sharing_ended", { meetingId: ids.meetingId, participant: { name: "Lin", email: "lin@example.com" } }) },
  { operationId: "meetingParticipantLeft", event: "meeting.participant_left", cause: async (ids) => mockApi.leaveMeeting(ids.meetingId, { name: "Lin", user_email: "lin@example.com" }) },
  { operationId: "meetingEnded", event: "meeting.ended", cause: (ids) => call("PUT", `/meetings/${ids.meetingId}/status`, { action: "end" }) },
  { operationId: "recordingCompleted", event: "recording.completed", cause: async () => undefined /* sent when the recorded session ended */ },
  { operationId: "recordingTranscriptCompleted", event: "recording.transcript_completed", cause: async () => undefined /* likewise */ },
  { operationId: "meetingDeleted", event: "meeting.deleted", cause: (ids) => call("DELETE", `/meetings/${ids.meetingId}`) },
  { operationId: "webinarCreated", event: "webinar.created", cause: async (ids) => (ids.webinarId = ((await (await call("POST", "/users/me/webinars", { topic: "Launch", start_time: "2026-12-10T15:00:00Z" })).json()) as { id: number }).id) },
  { operationId: "webinarUpdated", event: "webinar.updated", cause: (ids) => call("PATCH", `/webinars/${ids.webinarId}`, { duration: 90 }) },
  { operationId: "webinarStarted", event: "webinar.started", cause: (ids) => zoom.webhooks.emit("webinar.started", { webinarId: ids.webinarId }) },
  { operationId: "webinarEnded", event: "webinar.ended", cause: (ids) => zoom.webhooks.emit("webinar.ended", { webinarId: ids.webinarId }) },
  { operationId: "webinarDeleted", event: "webinar.deleted", cause: (ids) => call("DELETE", `/webinars/${ids.webinarId}`) },
  { operationId: "userDeactivated", event: "user.deactivated", cause: (ids) => call("PUT", `/users/${ids.userId}/status`, { action: "deactivate" }) },
];

interface Ids {
  userId: string;
  meetingId: number;
  webinarId: number;
}

describe("webhook events: the mock sends every event of the spec, the router receives each one typed", () => {
  it("covers every event of specs/zoom-webhooks.yaml", () => {
    expect(cases.map((c) => c.event).sort()).toEqual([...ZOOM_WEBHOOK_EVENT_NAMES].sort());
  });

  it("delivers each event, signed and valid against the spec, to its typed listener", async () => {
    const ids: Ids = { userId: "", meetingId: 0, webinarId: 0 };
    for (const { cause } of cases) {
      await cause(ids);
      now += 60_000;
      await zoom.webhooks.settled();
    }
    const delivered = zoom.webhooks.deliveries.map((delivery: WebhookDelivery) => [delivery.event.event, delivery.state, delivery.attempts.map((a) => a.status)]);
    expect(delivered).toEqual(cases.map((c) => [c.event, "delivered", [200]]));
    expect(received.map((event) => event.event)).toEqual(cases.map((c) => c.event).filter((name) => name !== "endpoint.url_validation"));
    zoom.assertNoViolations();
  });

  it("narrows an event by its name", () => {
    const started = received.find((event) => event.event === "meeting.started");
    if (started?.event !== "meeting.started") throw new Error("meeting.started was not received");
    expectTypeOf(started.payload.object.id).toEqualTypeOf<string>();
    const created = received.find((event) => event.event === "meeting.created");
    if (created?.event !== "meeting.created") throw new Error("meeting.created was not received");
    expectTypeOf(created.payload.object.id).toEqualTypeOf<number>();
    expect(Number(started.payload.object.id)).toBe(created.payload.object.id);
  });

  it("refuses a tampered delivery and a replayed one", async () => {
    // The latest delivery: its signature is still within the window of the router's clock.
    const original = sent.at(-1);
    if (original === undefined) throw new Error("nothing was sent");
    const body = await original.clone().text();
    const tampered = new Request(original.url, { method: "POST", headers: original.headers, body: body.replace(/"topic":"[^"]*"/, '"topic":"Mallory"').replace(/"event_ts":\d+/, '"event_ts":1') });
    const tamperedAnswer = await router(tampered);
    expect(tamperedAnswer.status).toBe(401);
    expect(await tamperedAnswer.json()).toEqual({ error: "invalid_signature", reason: "signature_mismatch" });

    // The same signed request again, ten minutes later: well after the five a signature is good for.
    now += 10 * 60_000;
    const before = received.length;
    const replayed = await router(new Request(original.url, { method: "POST", headers: original.headers, body }));
    expect(replayed.status).toBe(401);
    expect(await replayed.json()).toEqual({ error: "invalid_signature", reason: "timestamp_out_of_tolerance" });
    expect(received).toHaveLength(before);
  });
});

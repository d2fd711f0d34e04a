import { createHmac } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { serveMockApi } from "../api/test-support.js";
import { createZoomMock } from "../create-zoom-mock.js";
import type { ZoomMockWebhookEvent } from "./webhook-event-factory.js";
import { WebhookEndpointValidationError, ZOOM_WEBHOOK_RETRY_DELAYS_MS } from "./zoom-mock-webhooks.js";

const secretToken = "mock-webhook-secret";
let now = Date.UTC(2026, 11, 3, 9, 0, 0);
const pendingRetries: { retry: () => void; delayMs: number }[] = [];
const zoom = createZoomMock({
  clock: () => now,
  webhooks: { schedule: (retry, delayMs) => void pendingRetries.push({ retry, delayMs }) },
});
const api = serveMockApi(zoom);
const mockApi = zoom.api;

/** An endpoint as an app writes one: checks the signature, answers url_validation, records events. */
function endpoint(answer: (event: ZoomMockWebhookEvent) => number = () => 200) {
  const received: ZoomMockWebhookEvent[] = [];
  const handler = async (request: Request) => {
    const body = await request.text();
    const timestamp = request.headers.get("x-zm-request-timestamp");
    const expected = `v0=${createHmac("sha256", secretToken).update(`v0:${timestamp}:${body}`).digest("hex")}`;
    if (request.headers.get("x-zm-signature") !== expected) return new Response(null, { status: 401 });
    const event = JSON.parse(body) as ZoomMockWebhookEvent;
    if (event.event === "endpoint.url_validation") {
      const plainToken = String(event.payload.plainToken);
      return Response.json({ plainToken, encryptedToken: createHmac("sha256", secretToken).update(plainToken).digest("hex") });
    }
    received.push(event);
    return new Response(null, { status: answer(event) });
  };
  const of = (name: string) => received.filter((event) => event.event === name);
  return { handler, received, of };
}

afterEach(async () => {
  await zoom.webhooks.settled();
  for (const subscription of zoom.webhooks.subscriptions) subscription.unsubscribe();
  zoom.webhooks.clearDeliveries();
  pendingRetries.length = 0;
  zoom.assertNoViolations();
});

describe("the mock's webhooks", () => {
  it("validates an endpoint with endpoint.url_validation when it subscribes, and refuses one that answers wrong", async () => {
    const app = endpoint();
    const subscription = await zoom.webhooks.subscribe({ handler: app.handler, secretToken });
    expect(subscription.target).toBe("function");
    expect(zoom.webhooks.deliveries.map((delivery) => [delivery.event.event, delivery.state])).toEqual([["endpoint.url_validation", "delivered"]]);

    await expect(zoom.webhooks.subscribe({ handler: () => Response.json({ plainToken: "x", encryptedToken: "y" }), secretToken })).rejects.toThrow(
      WebhookEndpointValidationError,
    );
    expect(zoom.webhooks.subscriptions).toHaveLength(1);
  });

  it("sends signed meeting.created, meeting.updated and meeting.deleted as the REST API changes a meeting", async () => {
    const app = endpoint();
    await zoom.webhooks.subscribe({ handler: app.handler, secretToken });
    const created = (await (await api.request("POST", "/users/me/meetings", { topic: "Planning", start_time: "2026-12-04T10:00:00Z", duration: 45 })).json()) as { id: number };
    await zoom.webhooks.settled();
    expect(app.of("meeting.created")[0]?.payload).toMatchObject({
      account_id: "mock-account-id",
      operator: zoom.defaultUser.email,
      operator_id: zoom.defaultUser.id,
      object: { id: created.id, topic: "Planning", start_time: "2026-12-04T10:00:00Z", duration: 45, settings: { use_pmi: false } },
    });

    expect((await api.request("PATCH", `/meetings/${created.id}`, { topic: "Planning, again" })).status).toBe(204);
    await zoom.webhooks.settled();
    expect(app.of("meeting.updated")[0]?.payload).toMatchObject({ object: { id: created.id, topic: "Planning, again" }, old_object: { id: created.id, topic: "Planning" } });

    expect((await api.request("DELETE", `/meetings/${created.id}`)).status).toBe(204);
    await zoom.webhooks.settled();
    expect(app.of("meeting.deleted")[0]?.payload).toMatchObject({ object: { id: created.id, topic: "Planning, again" } });
    expect(app.received.map((event) => event.event)).toEqual(["meeting.created", "meeting.updated", "meeting.deleted"]);
  });

  it("follows a live session: started, participants joining and leaving, ended, then the recording and its transcript", async () => {
    const app = endpoint();
    await zoom.webhooks.subscribe({ handler: app.handler, secretToken });
    const meeting = mockApi.createMeeting(zoom.defaultUser.id, { topic: "All hands" });
    mockApi.startMeeting(meeting.id, { cloudRecording: true });
    const sessionUuid = meeting.uuid;
    mockApi.joinMeeting(meeting.id, { name: "Grace Hopper", user_email: "grace@example.com" });
    now += 10 * 60_000;
    mockApi.leaveMeeting(meeting.id, { name: "Grace Hopper", user_email: "grace@example.com" });
    expect((await api.request("PUT", `/meetings/${meeting.id}/status`, { action: "end" })).status).toBe(204);
    await zoom.webhooks.settled();

    expect(app.received.map((event) => event.event)).toEqual([
      "meeting.started",
      "meeting.participant_joined",
      "meeting.participant_left",
      "meeting.ended",
      "recording.completed",
      "recording.transcript_completed",
    ]);
    const [started, joined, left, ended, recorded] = app.received;
    expect(started?.payload.object).toMatchObject({ id: String(meeting.id), uuid: sessionUuid, topic: "All hands", start_time: "2026-12-03T09:00:00Z" });
    const joinedParticipant = (joined!.payload.object as { participant: Record<string, unknown> }).participant;
    const leftParticipant = (left!.payload.object as { participant: Record<string, unknown> }).participant;
    expect(joinedParticipant).toMatchObject({ user_name: "Grace Hopper", email: "grace@example.com", join_time: "2026-12-03T09:00:00Z" });
    expect(leftParticipant).toMatchObject({ user_id: joinedParticipant.user_id, leave_time: "2026-12-03T09:10:00Z" });
    expect(ended?.payload.object).toMatchObject({ uuid: sessionUuid, end_time: "2026-12-03T09:10:00Z" });
    expect(recorded?.download_token).toEqual(expect.any(String));
    expect(recorded?.payload.object).toMatchObject({ uuid: sessionUuid, recording_count: 2, host_email: zoom.defaultUser.email });
  });

  it("sends registration_created, then registration_approved when the host approves", async () => {
    const app = endpoint();
    await zoom.webhooks.subscribe({ handler: app.handler, secretToken, events: ["meeting.registration_created", "meeting.registration_approved"] });
    const meeting = mockApi.createMeeting(zoom.defaultUser.id, { topic: "Open day", settings: { approval_type: 1 } });
    const registered = (await (await api.request("POST", `/meetings/${meeting.id}/registrants`, { email: "lin@example.com", first_name: "Lin" })).json()) as { registrant_id: string };
    expect((await api.request("PUT", `/meetings/${meeting.id}/registrants/status`, { action: "approve", registrants: [{ email: "lin@example.com" }] })).status).toBe(204);
    await zoom.webhooks.settled();
    expect(app.received.map((event) => [event.event, (event.payload.object as { registrant: { id: string; status?: string } }).registrant])).toEqual([
      ["meeting.registration_created", expect.objectContaining({ id: registered.registrant_id, email: "lin@example.com", status: "pending" })],
      ["meeting.registration_approved", expect.objectContaining({ id: registered.registrant_id, first_name: "Lin" })],
    ]);
  });

  it("sends user and webinar events as the REST API changes them", async () => {
    const app = endpoint();
    await zoom.webhooks.subscribe({ handler: app.handler, secretToken });
    const user = (await (await api.request("POST", "/users", { action: "custCreate", user_info: { email: "kay@example.com", type: 1, first_name: "Kay" } })).json()) as { id: string };
    await api.request("PATCH", `/users/${user.id}`, { first_name: "Katherine" });
    await api.request("PUT", `/users/${user.id}/status`, { action: "deactivate" });
    const webinar = (await (await api.request("POST", "/users/me/webinars", { topic: "Launch", start_time: "2026-12-10T15:00:00Z" })).json()) as { id: number };
    await api.request("PATCH", `/webinars/${webinar.id}`, { duration: 90 });
    await api.request("DELETE", `/webinars/${webinar.id}`);
    await zoom.webhooks.settled();
    expect(app.received.map((event) => event.event)).toEqual(["user.created", "user.updated", "user.deactivated", "webinar.created", "webinar.updated", "webinar.deleted"]);
    expect(app.of("user.updated")[0]?.payload).toMatchObject({ object: { id: user.id, first_name: "Katherine" }, old_object: { first_name: "Kay" } });
    expect(app.of("webinar.updated")[0]?.payload).toMatchObject({ object: { id: webinar.id, duration: 90 } });
  });

  it("emits any event on demand from the model as it is, without changing it", async () => {
    const app = endpoint();
    await zoom.webhooks.subscribe({ handler: app.handler, secretToken });
    const meeting = mockApi.createMeeting(zoom.defaultUser.id, { topic: "Demo" });
    const webinar = mockApi.createWebinar(zoom.defaultUser.id, { topic: "Webinar" });
    await zoom.webhooks.emit("meeting.sharing_started", { meetingId: meeting.id, content: "desktop" });
    await zoom.webhooks.emit("meeting.sharing_ended", { meetingId: meeting.id });
    await zoom.webhooks.emit("webinar.started", { webinarId: webinar.id });
    const [delivery] = await zoom.webhooks.emit("webinar.ended", { webinarId: webinar.id });
    expect(delivery?.state).toBe("delivered");
    expect(app.received.map((event) => event.event)).toEqual(["meeting.sharing_started", "meeting.sharing_ended", "webinar.started", "webinar.ended"]);
    expect(app.of("meeting.sharing_started")[0]?.payload.object).toMatchObject({ participant: { sharing_details: { content: "desktop" } } });
    expect(mockApi.model.meetings.get(meeting.id).status).toBe("waiting");
  });

  it("retries a delivery answered with a non-2xx on Zoom's schedule, re-signed, until it succeeds", async () => {
    let failures = 2;
    const app = endpoint(() => (failures-- > 0 ? 503 : 200));
    await zoom.webhooks.subscribe({ handler: app.handler, secretToken, events: ["meeting.started"] });
    const meeting = mockApi.createMeeting(zoom.defaultUser.id, {});
    const [delivery] = await zoom.webhooks.emit("meeting.started", { meetingId: meeting.id });
    expect(delivery?.state).toBe("retrying");
    expect(pendingRetries.map((pending) => pending.delayMs)).toEqual([ZOOM_WEBHOOK_RETRY_DELAYS_MS[0]]);

    now += 5 * 60_000;
    pendingRetries.shift()?.retry();
    await zoom.webhooks.settled();
    expect(pendingRetries.map((pending) => pending.delayMs)).toEqual([20 * 60_000]);
    now += 20 * 60_000;
    pendingRetries.shift()?.retry();
    await zoom.webhooks.settled();

    expect(delivery?.state).toBe("delivered");
    expect(delivery?.attempts.map((attempt) => attempt.status)).toEqual([503, 503, 200]);
    expect(app.received).toHaveLength(3);
    expect(pendingRetries).toEqual([]);
  });

  it("gives up after three retries, as Zoom does", async () => {
    const app = endpoint(() => 500);
    await zoom.webhooks.subscribe({ handler: app.handler, secretToken, events: ["meeting.started"] });
    const meeting = mockApi.createMeeting(zoom.defaultUser.id, {});
    const [delivery] = await zoom.webhooks.emit("meeting.started", { meetingId: meeting.id });
    const delays: number[] = [];
    while (pendingRetries.length > 0) {
      const pending = pendingRetries.shift()!;
      delays.push(pending.delayMs);
      pending.retry();
      await zoom.webhooks.settled();
    }
    expect(delays).toEqual([5 * 60_000, 20 * 60_000, 60 * 60_000]);
    expect(delivery?.attempts).toHaveLength(4);
    expect(delivery?.state).toBe("failed");
  });

  it("validates every event against the spec before sending it, and sends none that breaks it", async () => {
    const app = endpoint();
    await zoom.webhooks.subscribe({ handler: app.handler, secretToken, events: ["meeting.started"] });
    const meeting = mockApi.createMeeting(zoom.defaultUser.id, { topic: "Broken" });
    // A record the model would never hold: the event built from it cannot match specs/zoom-webhooks.yaml.
    (meeting as unknown as { topic: unknown }).topic = 42;
    await expect(zoom.webhooks.emit("meeting.started", { meetingId: meeting.id })).rejects.toThrow("body/payload/object/topic must be string");
    expect(app.received).toEqual([]);
    expect(zoom.violations.map((violation) => violation.operation)).toEqual(["POST webhook meeting.started"]);
    zoom.clearViolations();
  });

  it("names what is wrong with a subscription", async () => {
    await expect(zoom.webhooks.subscribe({ secretToken })).rejects.toThrow("give exactly one of url and handler");
    await expect(zoom.webhooks.subscribe({ handler: () => new Response(), secretToken: "" })).rejects.toThrow("secretToken must be a non-empty string");
    await expect(zoom.webhooks.subscribe({ handler: () => new Response(), secretToken, events: ["meeting.begun" as never] })).rejects.toThrow(
      "meeting.begun is not an event the mock sends",
    );
  });
});

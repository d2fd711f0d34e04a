import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createZoomMock } from "../create-zoom-mock.js";
import { startWebhookEndpoint } from "../test-support/webhook-endpoint.js";

const secretToken = "url-subscriber-secret";
let server: Server | undefined;

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A real endpoint on a loopback port that answers url_validation and then `status` for each event. */
async function listen(status: () => number) {
  const endpoint = await startWebhookEndpoint(secretToken, { status });
  server = endpoint.server;
  return endpoint;
}

describe("a URL subscriber", () => {
  it("gets each event over real HTTP with Zoom's headers, signed over the exact body", async () => {
    const now = Date.UTC(2026, 11, 3, 9, 0, 0);
    // Generous timeout: the endpoint is local, but the machine may be busy.
    const zoom = createZoomMock({ clock: () => now, webhooks: { timeoutMs: 60_000 } });
    const endpoint = await listen(() => 204);
    await zoom.webhooks.subscribe({ url: endpoint.url, secretToken });
    const meeting = zoom.api.createMeeting(zoom.defaultUser.id, { topic: "Over the wire" });
    zoom.api.startMeeting(meeting.id);
    await zoom.webhooks.settled();

    expect(endpoint.received).toHaveLength(1);
    const [{ headers, body } = { headers: {} as IncomingHttpHeaders, body: "" }] = endpoint.received;
    expect(headers["content-type"]).toMatch(/^application\/json/);
    expect(headers["x-zm-request-timestamp"]).toBe(String(now / 1000));
    expect(headers["x-zm-signature"]).toBe(`v0=${createHmac("sha256", secretToken).update(`v0:${now / 1000}:${body}`).digest("hex")}`);
    expect(JSON.parse(body)).toMatchObject({ event: "meeting.started", event_ts: now, payload: { object: { id: String(meeting.id), topic: "Over the wire" } } });
    expect(zoom.webhooks.deliveries.map((delivery) => [delivery.event.event, delivery.target, delivery.state])).toEqual([
      ["endpoint.url_validation", endpoint.url, "delivered"],
      ["meeting.started", endpoint.url, "delivered"],
    ]);
  });

  it("records a refused or unreachable delivery and schedules its retry", async () => {
    const retries: number[] = [];
    const zoom = createZoomMock({ webhooks: { timeoutMs: 60_000, schedule: (_retry, delayMs) => void retries.push(delayMs) } });
    const endpoint = await listen(() => 500);
    await zoom.webhooks.subscribe({ url: endpoint.url, secretToken });
    const meeting = zoom.api.createMeeting(zoom.defaultUser.id, {});
    const [refused] = await zoom.webhooks.emit("meeting.started", { meetingId: meeting.id });
    expect(refused?.attempts.map((attempt) => attempt.status)).toEqual([500]);
    expect(refused?.state).toBe("retrying");

    await new Promise<void>((resolve) => server?.close(() => resolve()));
    server = undefined;
    const [unreachable] = await zoom.webhooks.emit("meeting.started", { meetingId: meeting.id });
    expect(unreachable?.attempts[0]).toMatchObject({ status: null, error: expect.any(String) });
    expect(retries).toEqual([5 * 60_000, 5 * 60_000]);
  });

  it("is refused at subscribe when it does not answer url_validation", async () => {
    const zoom = createZoomMock({ webhooks: { timeoutMs: 60_000 } });
    server = createServer((_request, response) => {
      response.statusCode = 404;
      response.end();
    });
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    await expect(zoom.webhooks.subscribe({ url, secretToken })).rejects.toThrow(`The endpoint ${url} did not validate`);
  });
});

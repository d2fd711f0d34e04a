import { createHmac } from "node:crypto";
import { createMemoryReplayGuard } from "@org/zoom-auth";
import { describe, expect, expectTypeOf, it, vi } from "vitest";
import type { ZoomWebhookEventMap } from "./events.js";
import { createWebhookHandler } from "./webhook-handler.js";

const secretToken = "whsec-test-secret";
const now = Date.UTC(2026, 11, 3, 12, 0, 0);
const clock = () => now;

function signedRequest(body: unknown, options: { timestampSeconds?: number; secret?: string; tamper?: (raw: string) => string } = {}): Request {
  const raw = typeof body === "string" ? body : JSON.stringify(body);
  const timestamp = String(options.timestampSeconds ?? Math.floor(now / 1000));
  const signature = `v0=${createHmac("sha256", options.secret ?? secretToken).update(`v0:${timestamp}:${raw}`).digest("hex")}`;
  return new Request("https://app.example.com/zoom/events", {
    method: "POST",
    headers: { "content-type": "application/json", "x-zm-request-timestamp": timestamp, "x-zm-signature": signature },
    body: options.tamper ? options.tamper(raw) : raw,
  });
}

const started: ZoomWebhookEventMap["meeting.started"] = {
  event: "meeting.started",
  event_ts: now,
  payload: {
    account_id: "acct-1",
    object: { id: "85746065432", uuid: "4444AAAiAAAAAiAiAiiAii==", host_id: "host-1", topic: "Standup", type: 2, start_time: "2026-12-03T12:00:00Z", duration: 30, timezone: "UTC" },
  },
};

describe("createWebhookHandler", () => {
  it("verifies the request, then calls the listener of the event with the event typed by its name", async () => {
    const seen: string[] = [];
    const handler = createWebhookHandler({
      secretToken,
      clock,
      on: {
        "meeting.started": (event) => {
          expectTypeOf(event.payload.object.topic).toEqualTypeOf<string>();
          seen.push(`${event.event}:${event.payload.object.topic}`);
        },
      },
    });
    const response = await handler(signedRequest(started));
    expect(response.status).toBe(200);
    expect(seen).toEqual(["meeting.started:Standup"]);
  });

  it("answers 200 only after an async listener settles", async () => {
    const order: string[] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const handler = createWebhookHandler({
      secretToken,
      clock,
      on: {
        "meeting.started": async () => {
          order.push("listener started");
          await gate;
          order.push("listener settled");
        },
      },
    });
    const answered = handler(signedRequest(started)).then((response) => order.push(`answered ${response.status}`));
    await vi.waitFor(() => expect(order).toEqual(["listener started"]));
    release();
    await answered;
    expect(order).toEqual(["listener started", "listener settled", "answered 200"]);
  });

  it("answers Zoom's endpoint.url_validation itself, after verifying it", async () => {
    const handler = createWebhookHandler({ secretToken, clock });
    const response = await handler(signedRequest({ event: "endpoint.url_validation", event_ts: now, payload: { plainToken: "qgg8vlvZRS6UYooatFL8Aw" } }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      plainToken: "qgg8vlvZRS6UYooatFL8Aw",
      encryptedToken: createHmac("sha256", secretToken).update("qgg8vlvZRS6UYooatFL8Aw").digest("hex"),
    });
  });

  it("refuses a tampered body with 401 before any listener runs", async () => {
    const listener = vi.fn();
    const handler = createWebhookHandler({ secretToken, clock, on: { "meeting.started": listener } });
    const response = await handler(signedRequest(started, { tamper: (raw) => raw.replace("Standup", "Standdown") }));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "invalid_signature", reason: "signature_mismatch" });
    expect(listener).not.toHaveBeenCalled();
  });

  it("refuses a replayed delivery whose timestamp is outside the window of the clock", async () => {
    const listener = vi.fn();
    const handler = createWebhookHandler({ secretToken, clock, toleranceSeconds: 300, on: { "meeting.started": listener } });
    const response = await handler(signedRequest(started, { timestampSeconds: Math.floor(now / 1000) - 301 }));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "invalid_signature", reason: "timestamp_out_of_tolerance" });
    expect(listener).not.toHaveBeenCalled();
  });

  it("with a replay guard, refuses a copy of a delivery inside the window, and still takes Zoom's retry", async () => {
    const listener = vi.fn();
    const handler = createWebhookHandler({ secretToken, clock, replayGuard: createMemoryReplayGuard(), on: { "meeting.started": listener } });
    expect((await handler(signedRequest(started))).status).toBe(200);
    const copy = await handler(signedRequest(started));
    expect(copy.status).toBe(401);
    expect(await copy.json()).toEqual({ error: "invalid_signature", reason: "replayed" });
    // A retry is signed anew, with its own timestamp.
    expect((await handler(signedRequest(started, { timestampSeconds: Math.floor(now / 1000) - 1 }))).status).toBe(200);
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it("refuses a request signed with another secret, and says nothing of either secret", async () => {
    const handler = createWebhookHandler({ secretToken, clock });
    const response = await handler(signedRequest(started, { secret: "someone-else" }));
    expect(response.status).toBe(401);
    const text = await response.text();
    expect(text).not.toContain(secretToken);
    expect(text).not.toContain("someone-else");
  });

  it("passes events the spec does not describe to `unknown`, and acknowledges them without one", async () => {
    const unknown = vi.fn();
    const chat = { event: "meeting.chat_message_sent", event_ts: now, payload: { account_id: "acct-1", object: { id: 1 } } };
    expect((await createWebhookHandler({ secretToken, clock, unknown })(signedRequest(chat))).status).toBe(200);
    expect(unknown).toHaveBeenCalledWith(chat, expect.objectContaining({ request: expect.any(Request) }));
    expect((await createWebhookHandler({ secretToken, clock })(signedRequest(chat))).status).toBe(200);
  });

  it("answers 500 when a listener throws, so Zoom delivers the event again, and reports the error", async () => {
    const onError = vi.fn();
    const failure = new Error("database down");
    const handler = createWebhookHandler({
      secretToken,
      clock,
      onError,
      on: {
        "meeting.started": () => {
          throw failure;
        },
      },
    });
    const response = await handler(signedRequest(started));
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: "listener_failed" });
    expect(onError).toHaveBeenCalledWith(failure, { event: "meeting.started" });
  });

  it("with `validate`, refuses an event that does not match its schema in the spec, naming the field", async () => {
    const listener = vi.fn();
    const handler = createWebhookHandler({ secretToken, clock, validate: true, on: { "meeting.started": listener } });
    const { uuid: _uuid, ...withoutUuid } = started.payload.object;
    const response = await handler(signedRequest({ ...started, payload: { ...started.payload, object: withoutUuid } }));
    expect(response.status).toBe(400);
    expect((await response.json()).message).toContain("/payload/object: must have required property 'uuid'");
    expect(listener).not.toHaveBeenCalled();
    expect((await handler(signedRequest(started))).status).toBe(200);
  });

  it("refuses verified bodies that are not events with 400, and other methods with 405", async () => {
    const handler = createWebhookHandler({ secretToken, clock });
    expect(await (await handler(signedRequest("not json"))).json()).toEqual({ error: "invalid_event", message: "the body is not JSON" });
    expect((await handler(signedRequest({ event: "meeting.started" }))).status).toBe(400);
    const get = await handler(new Request("https://app.example.com/zoom/events"));
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
  });

  it("names a bad option when created", () => {
    expect(() => createWebhookHandler({ secretToken: "" })).toThrow("secretToken must be a non-empty string");
    expect(() => createWebhookHandler({ secretToken, on: { "meeting.begun": () => {} } as never })).toThrow(
      'on["meeting.begun"] is not an event of specs/zoom-webhooks.yaml',
    );
  });
});

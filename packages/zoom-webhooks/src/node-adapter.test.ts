import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { toNodeHandler } from "./node-adapter.js";
import { createWebhookHandler } from "./webhook-handler.js";

const secretToken = "whsec-node-secret";
let server: Server | undefined;

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("toNodeHandler", () => {
  it("serves the handler on node:http: raw body verified, typed listener called, answer written back", async () => {
    const topics: string[] = [];
    const origin = await listen(
      toNodeHandler(createWebhookHandler({ secretToken, on: { "meeting.ended": (e) => void topics.push(e.payload.object.end_time) } })),
    );
    const body = JSON.stringify({
      event: "meeting.ended",
      event_ts: Date.now(),
      payload: {
        account_id: "a",
        object: { id: "1", uuid: "u", host_id: "h", topic: "t", type: 2, start_time: "2026-12-03T12:00:00Z", duration: 30, end_time: "2026-12-03T12:30:00Z" },
      },
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = `v0=${createHmac("sha256", secretToken).update(`v0:${timestamp}:${body}`).digest("hex")}`;
    const response = await fetch(`${origin}/zoom/events`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-zm-request-timestamp": timestamp, "x-zm-signature": signature },
      body,
    });
    expect(response.status).toBe(200);
    expect(topics).toEqual(["2026-12-03T12:30:00Z"]);

    const tampered = await fetch(`${origin}/zoom/events`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-zm-request-timestamp": timestamp, "x-zm-signature": signature },
      body: body.replace("12:30", "13:30"),
    });
    expect(tampered.status).toBe(401);
  });

  it("refuses a body that middleware already parsed, since the signature covers the raw bytes", async () => {
    const handler = toNodeHandler(createWebhookHandler({ secretToken }));
    const request = Object.assign((async function* () {})(), { method: "POST", url: "/", headers: {}, body: { event: "x" } });
    await expect(handler(request, { statusCode: 0, setHeader: () => {}, end: () => {} })).rejects.toThrow("mount the webhook route before body parsers");
  });
});

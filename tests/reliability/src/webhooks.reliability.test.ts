import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createMemoryReplayGuard, verifyWebhook, WebhookVerificationError } from "@org/zoom-auth";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkProperty, expectNoSecret, PROPERTY_TIMEOUT_MS } from "./checks.js";

const SECRET_TOKEN = "webhook-secret-Gh7Jk9Lm1Np3";

/**
 * An app's webhook endpoint over node:http, as the README shows it: the raw body, verifyWebhook with
 * one replay guard for the app, 204 when accepted, 401 with the reason when not, 500 for anything
 * else (which the property forbids).
 */
let server: Server;
let endpoint = "";
beforeAll(async () => {
  const replayGuard = createMemoryReplayGuard();
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      verifyWebhook({ secretToken: SECRET_TOKEN, headers: request.headers, rawBody: new Uint8Array(Buffer.concat(chunks)), replayGuard }).then(
        () => response.writeHead(204).end(),
        (error: unknown) => {
          if (error instanceof WebhookVerificationError) {
            expectNoSecret(error, [SECRET_TOKEN]);
            response.writeHead(401).end(error.reason);
          } else {
            response.writeHead(500).end(String(error));
          }
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function sign(timestamp: string, body: string): string {
  return `v0=${createHmac("sha256", SECRET_TOKEN).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

type Tampering = "none" | "body" | "timestamp" | "signature" | "old" | "future" | "no-signature" | "no-timestamp" | "replay";

async function deliver(headers: Record<string, string>, body: string): Promise<string> {
  const response = await fetch(endpoint, { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body });
  const text = await response.text();
  return response.status === 204 ? "accepted" : `${response.status} ${text}`;
}

let delivery = 0;

describe("webhooks under any tampering", () => {
  it("verifyWebhook: accepts exactly the genuine first delivery, refuses every tampering and replay with its reason", { timeout: PROPERTY_TIMEOUT_MS }, async () => {
    await checkProperty(
      "zoom-auth verifyWebhook",
      fc.asyncProperty(
        fc.string({ maxLength: 200 }),
        fc.integer({ min: -290, max: 290 }),
        fc.array(fc.constantFrom<Tampering>("none", "body", "timestamp", "signature", "old", "future", "no-signature", "no-timestamp", "replay"), { minLength: 1, maxLength: 4 }),
        fc.nat(),
        async (text, skewSeconds, tamperings, position) => {
          delivery++;
          const body = JSON.stringify({ event: "meeting.started", delivery, text });
          const timestamp = String(Math.floor(Date.now() / 1000) + skewSeconds);
          const signature = sign(timestamp, body);
          let accepted = false;
          for (const tampering of tamperings) {
            const headers: Record<string, string> = { "x-zm-signature": signature, "x-zm-request-timestamp": timestamp };
            let sent = body;
            let expected: string;
            switch (tampering) {
              case "none":
              case "replay":
                expected = accepted ? "401 replayed" : "accepted";
                accepted = true;
                break;
              case "body": {
                const at = position % (body.length + 1);
                sent = `${body.slice(0, at)}x${body.slice(at)}`;
                expected = "401 signature_mismatch";
                break;
              }
              case "timestamp":
                headers["x-zm-request-timestamp"] = String(Number(timestamp) + 1);
                expected = "401 signature_mismatch";
                break;
              case "signature": {
                const hex = signature.slice(3);
                const at = position % hex.length;
                const flipped = hex[at] === "0" ? "1" : "0";
                headers["x-zm-signature"] = `v0=${hex.slice(0, at)}${flipped}${hex.slice(at + 1)}`;
                expected = "401 signature_mismatch";
                break;
              }
              case "old":
              case "future": {
                const far = String(Number(timestamp) + (tampering === "old" ? -1 : 1) * (600 + (position % 86_400)));
                headers["x-zm-request-timestamp"] = far;
                headers["x-zm-signature"] = sign(far, body);
                expected = "401 timestamp_out_of_tolerance";
                break;
              }
              case "no-signature":
                delete headers["x-zm-signature"];
                expected = "401 missing_signature";
                break;
              case "no-timestamp":
                delete headers["x-zm-request-timestamp"];
                expected = "401 missing_timestamp";
                break;
            }
            expect(await deliver(headers, sent)).toBe(expected);
          }
        },
      ),
    );
  });
});

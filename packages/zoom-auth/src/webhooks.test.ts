import { createHmac } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { answerUrlValidation, verifyWebhook, WebhookVerificationError } from "./webhooks.js";

const SECRET = "webhook-secret-token-xyz";
const NOW = new Date("2026-01-01T00:00:00Z");
const TIMESTAMP = String(NOW.getTime() / 1000);
const BODY = '{"event":"meeting.started","payload":{"object":{"id":"123"}},"event_ts":1767225600000}';

function sign(body: string | Uint8Array, timestamp = TIMESTAMP, secret = SECRET): string {
  const hmac = createHmac("sha256", secret).update(`v0:${timestamp}:`).update(body);
  return `v0=${hmac.digest("hex")}`;
}

function signedHeaders(body: string | Uint8Array = BODY, timestamp = TIMESTAMP): Record<string, string> {
  return { "x-zm-signature": sign(body, timestamp), "x-zm-request-timestamp": timestamp };
}

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookVerificationError);
    return (error as WebhookVerificationError).reason;
  }
  throw new Error("expected verification to fail");
}

describe("verifyWebhook", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("accepts a request signed with the secret token", async () => {
    await expect(verifyWebhook({ secretToken: SECRET, headers: signedHeaders(), rawBody: BODY, clock: () => NOW.getTime() })).resolves.toBeUndefined();
  });

  it("accepts Headers objects, any header case, and bytes", async () => {
    const bytes = new TextEncoder().encode(BODY);
    await verifyWebhook({ secretToken: SECRET, headers: new Headers(signedHeaders()), rawBody: bytes, clock: () => NOW.getTime() });
    const { "x-zm-signature": signature, "x-zm-request-timestamp": timestamp } = signedHeaders();
    await verifyWebhook({
      secretToken: SECRET,
      headers: { "X-Zm-Signature": signature, "X-ZM-Request-Timestamp": [timestamp as string] },
      rawBody: BODY,
      clock: () => NOW.getTime(),
    });
  });

  it("verifies the exact bytes: a non-ASCII body signed as received is accepted", async () => {
    const body = '{"topic":"Réunion ☕"}';
    await verifyWebhook({ secretToken: SECRET, headers: signedHeaders(body), rawBody: body, clock: () => NOW.getTime() });
  });

  it("rejects a body that was changed, even only re-serialised", async () => {
    const reserialised = JSON.stringify(JSON.parse(`{ "event": "x" }`));
    const headers = signedHeaders(`{ "event": "x" }`);
    expect(await failure(verifyWebhook({ secretToken: SECRET, headers, rawBody: reserialised, clock: () => NOW.getTime() }))).toBe(
      "signature_mismatch",
    );
  });

  it("rejects a signature made with another secret", async () => {
    const headers = { ...signedHeaders(), "x-zm-signature": sign(BODY, TIMESTAMP, "other-secret") };
    expect(await failure(verifyWebhook({ secretToken: SECRET, headers, rawBody: BODY, clock: () => NOW.getTime() }))).toBe(
      "signature_mismatch",
    );
  });

  it("rejects a timestamp that was changed after signing", async () => {
    const headers = { ...signedHeaders(), "x-zm-request-timestamp": String(Number(TIMESTAMP) + 1) };
    expect(await failure(verifyWebhook({ secretToken: SECRET, headers, rawBody: BODY, clock: () => NOW.getTime() }))).toBe(
      "signature_mismatch",
    );
  });

  it("accepts a timestamp exactly at the tolerance and rejects one beyond, either way", async () => {
    const at = (offsetSeconds: number) => String(Number(TIMESTAMP) + offsetSeconds);
    for (const offset of [-300, 300]) {
      await verifyWebhook({ secretToken: SECRET, headers: signedHeaders(BODY, at(offset)), rawBody: BODY, clock: () => NOW.getTime() });
    }
    for (const offset of [-301, 301]) {
      expect(
        await failure(verifyWebhook({ secretToken: SECRET, headers: signedHeaders(BODY, at(offset)), rawBody: BODY, clock: () => NOW.getTime() })),
      ).toBe("timestamp_out_of_tolerance");
    }
    await verifyWebhook({
      secretToken: SECRET,
      headers: signedHeaders(BODY, at(-600)),
      rawBody: BODY,
      clock: () => NOW.getTime(),
      toleranceSeconds: 600,
    });
  });

  it.each([
    [{ "x-zm-request-timestamp": TIMESTAMP }, "missing_signature"],
    [{ "x-zm-signature": "sha256=abc", "x-zm-request-timestamp": TIMESTAMP }, "malformed_signature"],
    [{ "x-zm-signature": `v0=${"z".repeat(64)}`, "x-zm-request-timestamp": TIMESTAMP }, "malformed_signature"],
    [{ "x-zm-signature": sign(BODY) }, "missing_timestamp"],
    [{ "x-zm-signature": sign(BODY), "x-zm-request-timestamp": "yesterday" }, "malformed_timestamp"],
    [{ "x-zm-signature": [sign(BODY), sign(BODY)], "x-zm-request-timestamp": TIMESTAMP }, "missing_signature"],
  ])("rejects headers %j with %s", async (headers, reason) => {
    expect(await failure(verifyWebhook({ secretToken: SECRET, headers, rawBody: BODY, clock: () => NOW.getTime() }))).toBe(reason);
  });

  it("compares with Web Crypto's verify, not ===", async () => {
    const verify = vi.spyOn(crypto.subtle, "verify");
    await verifyWebhook({ secretToken: SECRET, headers: signedHeaders(), rawBody: BODY, clock: () => NOW.getTime() });
    expect(verify).toHaveBeenCalledTimes(1);
  });

  it("never puts the secret token or the signature in the error", async () => {
    const headers = { ...signedHeaders(), "x-zm-signature": sign(BODY, TIMESTAMP, "other-secret") };
    try {
      await verifyWebhook({ secretToken: SECRET, headers, rawBody: BODY, clock: () => NOW.getTime() });
    } catch (error) {
      const rendered = [JSON.stringify(error), String(error), (error as Error).stack].join("\n");
      expect(rendered).not.toContain(SECRET);
      expect(rendered).not.toContain(headers["x-zm-signature"].slice(3));
      expect(rendered).toContain("WebhookVerificationError: Zoom webhook rejected: the signature does not match");
    }
  });

  it("rejects an empty secret token and a negative tolerance", async () => {
    await expect(verifyWebhook({ secretToken: "", headers: signedHeaders(), rawBody: BODY })).rejects.toThrow(
      "secretToken must be a non-empty string",
    );
    await expect(
      verifyWebhook({ secretToken: SECRET, headers: signedHeaders(), rawBody: BODY, toleranceSeconds: -1 }),
    ).rejects.toThrow(/toleranceSeconds/);
  });
});

describe("answerUrlValidation", () => {
  it("returns the plain token and its hex HMAC-SHA256 with the secret token", async () => {
    const answer = await answerUrlValidation(SECRET, "qgg8vlvZRS6UYooatFL8Aw");
    expect(answer).toEqual({
      plainToken: "qgg8vlvZRS6UYooatFL8Aw",
      encryptedToken: createHmac("sha256", SECRET).update("qgg8vlvZRS6UYooatFL8Aw").digest("hex"),
    });
  });

  it("rejects empty arguments", async () => {
    await expect(answerUrlValidation("", "p")).rejects.toThrow("secretToken must be a non-empty string");
    await expect(answerUrlValidation(SECRET, "")).rejects.toThrow("plainToken must be a non-empty string");
  });
});

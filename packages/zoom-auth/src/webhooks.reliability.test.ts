import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createMemoryReplayGuard, verifyWebhook, WebhookVerificationError } from "./webhooks.js";

const SECRET = "webhook-secret-token-xyz";
const TIMESTAMP_SECONDS = 1_767_225_600;
const BODY = '{"event":"meeting.started","payload":{"object":{"id":"123"}}}';

function signed(timestamp = String(TIMESTAMP_SECONDS), body = BODY) {
  const signature = `v0=${createHmac("sha256", SECRET).update(`v0:${timestamp}:${body}`).digest("hex")}`;
  return { "x-zm-signature": signature, "x-zm-request-timestamp": timestamp };
}

async function reason(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookVerificationError);
    return (error as WebhookVerificationError).reason;
  }
  throw new Error("expected verification to fail");
}

const at = (seconds: number) => new Date(seconds * 1000);

describe("verifyWebhook: the clock", () => {
  it("refuses an invalid clock instead of accepting a day-old delivery", async () => {
    const dayOld = signed(String(TIMESTAMP_SECONDS - 86_400));
    await expect(verifyWebhook({ secretToken: SECRET, headers: dayOld, rawBody: BODY, clock: () => Number.NaN })).rejects.toThrow(
      /clock must return a finite number of ms/,
    );
    await expect(
      verifyWebhook({ secretToken: SECRET, headers: dayOld, rawBody: BODY, clock: 1 as unknown as () => number }),
    ).rejects.toThrow(/clock must be a function/);
  });

  it("still takes the deprecated fixed `now`, and refuses an invalid one", async () => {
    const dayOld = signed(String(TIMESTAMP_SECONDS - 86_400));
    await expect(
      verifyWebhook({ secretToken: SECRET, headers: dayOld, rawBody: BODY, now: at(TIMESTAMP_SECONDS - 86_400) }),
    ).resolves.toBeUndefined();
    await expect(verifyWebhook({ secretToken: SECRET, headers: dayOld, rawBody: BODY, now: new Date(Number.NaN) })).rejects.toThrow(
      TypeError,
    );
    await expect(
      verifyWebhook({ secretToken: SECRET, headers: dayOld, rawBody: BODY, now: "2026" as unknown as Date }),
    ).rejects.toThrow(/now must be a valid Date/);
  });

  it("accepts a timestamp exactly at the window's edge, whatever the fraction of the current second", async () => {
    for (const fraction of [0, 0.001, 0.5, 0.999]) {
      await verifyWebhook({
        secretToken: SECRET,
        headers: signed(),
        rawBody: BODY,
        clock: () => (TIMESTAMP_SECONDS + 300 + fraction) * 1000,
      });
      await verifyWebhook({ secretToken: SECRET, headers: signed(), rawBody: BODY, clock: () => (TIMESTAMP_SECONDS - 300 + fraction) * 1000 });
    }
  });

  it("refuses one second past the edge, either way", async () => {
    for (const now of [at(TIMESTAMP_SECONDS + 301), at(TIMESTAMP_SECONDS - 301)]) {
      expect(await reason(verifyWebhook({ secretToken: SECRET, headers: signed(), rawBody: BODY, clock: () => now.getTime() }))).toBe(
        "timestamp_out_of_tolerance",
      );
    }
  });

  it("refuses a fractional tolerance", async () => {
    await expect(verifyWebhook({ secretToken: SECRET, headers: signed(), rawBody: BODY, toleranceSeconds: 0.5 })).rejects.toThrow(
      /whole number/,
    );
  });
});

describe("verifyWebhook: the replay guard", () => {
  it("refuses a redelivered signature within the window, even with the hex in upper case", async () => {
    const replayGuard = createMemoryReplayGuard();
    const now = at(TIMESTAMP_SECONDS + 10);
    await verifyWebhook({ secretToken: SECRET, headers: signed(), rawBody: BODY, clock: () => now.getTime(), replayGuard });
    expect(await reason(verifyWebhook({ secretToken: SECRET, headers: signed(), rawBody: BODY, clock: () => now.getTime(), replayGuard }))).toBe("replayed");
    const upper = { ...signed(), "x-zm-signature": `v0=${signed()["x-zm-signature"].slice(3).toUpperCase()}` };
    expect(await reason(verifyWebhook({ secretToken: SECRET, headers: upper, rawBody: BODY, clock: () => now.getTime(), replayGuard }))).toBe("replayed");
  });

  it("accepts other deliveries, and does not record a forged one", async () => {
    const replayGuard = createMemoryReplayGuard();
    const now = at(TIMESTAMP_SECONDS);
    const forged = { ...signed(), "x-zm-signature": `v0=${"0".repeat(64)}` };
    expect(await reason(verifyWebhook({ secretToken: SECRET, headers: forged, rawBody: BODY, clock: () => now.getTime(), replayGuard }))).toBe(
      "signature_mismatch",
    );
    await verifyWebhook({ secretToken: SECRET, headers: signed(), rawBody: BODY, clock: () => now.getTime(), replayGuard });
    await verifyWebhook({ secretToken: SECRET, headers: signed(String(TIMESTAMP_SECONDS + 1)), rawBody: BODY, clock: () => now.getTime(), replayGuard });
  });

  it("forgets a signature once its window has passed (the timestamp check refuses it then)", async () => {
    const replayGuard = createMemoryReplayGuard();
    const signature = signed()["x-zm-signature"];
    expect(await replayGuard.remember(signature, at(TIMESTAMP_SECONDS + 301), at(TIMESTAMP_SECONDS))).toBe(true);
    expect(await replayGuard.remember(signature, at(TIMESTAMP_SECONDS + 301), at(TIMESTAMP_SECONDS + 300))).toBe(false);
    expect(await replayGuard.remember(signature, at(TIMESTAMP_SECONDS + 700), at(TIMESTAMP_SECONDS + 301))).toBe(true);
  });

  it("holds at most maxEntries signatures", async () => {
    const replayGuard = createMemoryReplayGuard({ maxEntries: 2 });
    const now = at(0);
    const later = at(1000);
    for (const signature of ["a", "b", "c"]) expect(await replayGuard.remember(signature, later, now)).toBe(true);
    expect(await replayGuard.remember("c", later, now)).toBe(false);
    expect(await replayGuard.remember("a", later, now)).toBe(true);
    expect(() => createMemoryReplayGuard({ maxEntries: 0 })).toThrow(TypeError);
  });
});

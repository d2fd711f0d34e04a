import { describe, expect, it } from "vitest";
import { backoffDelay, decideAfterFailure, decideAfterResponse, type RetryPolicy } from "./retry-policy.js";

const NOW = Date.parse("2026-11-28T12:00:00Z");
const policy: RetryPolicy = {
  maxRetries: 2,
  retryNonIdempotent: false,
  retryDelayMs: 500,
  maxRetryDelayMs: 60_000,
  random: () => 0.5,
};

function answer(status: number, headers: Record<string, string> = {}): Response {
  return new Response(null, { status, headers });
}

describe("backoffDelay", () => {
  it("doubles each retry, with half of each step jittered", () => {
    expect(backoffDelay(0, { ...policy, random: () => 0 })).toBe(250);
    expect(backoffDelay(0, { ...policy, random: () => 0.999999 })).toBeCloseTo(500, 2);
    expect(backoffDelay(1, policy)).toBe(750);
    expect(backoffDelay(2, policy)).toBe(1500);
  });

  it("is capped by maxRetryDelayMs", () => {
    expect(backoffDelay(30, { ...policy, random: () => 1 })).toBe(60_000);
    expect(backoffDelay(30, { ...policy, random: () => 0 })).toBe(30_000);
  });
});

describe("decideAfterResponse", () => {
  it("retries a 429 for any method, after Retry-After seconds", () => {
    for (const method of ["GET", "POST", "PATCH"]) {
      expect(decideAfterResponse(answer(429, { "Retry-After": "2" }), method, 0, policy, NOW)).toEqual({
        retry: true,
        delayMs: 2000,
      });
    }
  });

  it("waits until an HTTP date, an ISO date-time, or X-RateLimit-Reset", () => {
    const httpDate = answer(429, { "Retry-After": new Date(NOW + 3000).toUTCString() });
    const isoDate = answer(429, { "Retry-After": new Date(NOW + 4000).toISOString() });
    const reset = answer(429, { "X-RateLimit-Reset": String(NOW / 1000 + 5) });
    expect(decideAfterResponse(httpDate, "GET", 0, policy, NOW)).toEqual({ retry: true, delayMs: 3000 });
    expect(decideAfterResponse(isoDate, "GET", 0, policy, NOW)).toEqual({ retry: true, delayMs: 4000 });
    expect(decideAfterResponse(reset, "GET", 0, policy, NOW)).toEqual({ retry: true, delayMs: 5000 });
  });

  it("retries at once when the date has passed", () => {
    const past = answer(429, { "Retry-After": new Date(NOW - 10_000).toUTCString() });
    expect(decideAfterResponse(past, "GET", 0, policy, NOW)).toEqual({ retry: true, delayMs: 0 });
  });

  it("backs off when a 429 carries no usable header", () => {
    expect(decideAfterResponse(answer(429), "GET", 1, policy, NOW)).toEqual({ retry: true, delayMs: 750 });
  });

  it("waits for a daily limit that resets within maxRetryDelayMs", () => {
    const resetsSoon = answer(429, { "X-RateLimit-Type": "Daily-limit", "Retry-After": new Date(NOW + 2_000).toISOString() });
    expect(decideAfterResponse(resetsSoon, "GET", 0, policy, NOW)).toEqual({ retry: true, delayMs: 2_000 });
  });

  it("surfaces a daily limit resetting hours away, one with no reset time, and any wait longer than maxRetryDelayMs", () => {
    const daily = answer(429, { "X-RateLimit-Type": "Daily-limit", "Retry-After": "2026-11-29T00:00:00Z" });
    const dailyNoDate = answer(429, { "X-RateLimit-Type": "Daily-limit" });
    const tooLong = answer(429, { "Retry-After": "61" });
    expect(decideAfterResponse(daily, "GET", 0, policy, NOW)).toEqual({ retry: false });
    expect(decideAfterResponse(dailyNoDate, "GET", 0, policy, NOW)).toEqual({ retry: false });
    expect(decideAfterResponse(tooLong, "GET", 0, policy, NOW)).toEqual({ retry: false });
    expect(decideAfterResponse(tooLong, "GET", 0, { ...policy, maxRetryDelayMs: 61_000 }, NOW)).toEqual({
      retry: true,
      delayMs: 61_000,
    });
  });

  it("retries 5xx only for idempotent methods unless retryNonIdempotent", () => {
    for (const method of ["GET", "PUT", "DELETE", "HEAD", "OPTIONS"]) {
      expect(decideAfterResponse(answer(503), method, 0, policy, NOW).retry).toBe(true);
    }
    for (const method of ["POST", "PATCH"]) {
      expect(decideAfterResponse(answer(500), method, 0, policy, NOW).retry).toBe(false);
      expect(decideAfterResponse(answer(500), method, 0, { ...policy, retryNonIdempotent: true }, NOW).retry).toBe(
        true,
      );
    }
  });

  it("honours Retry-After on a 503", () => {
    expect(decideAfterResponse(answer(503, { "Retry-After": "1" }), "GET", 0, policy, NOW)).toEqual({
      retry: true,
      delayMs: 1000,
    });
  });

  it("never retries other statuses, nor after maxRetries", () => {
    for (const status of [200, 201, 204, 400, 401, 403, 404, 409]) {
      expect(decideAfterResponse(answer(status), "GET", 0, policy, NOW).retry).toBe(false);
    }
    expect(decideAfterResponse(answer(429), "GET", 2, policy, NOW).retry).toBe(false);
    expect(decideAfterResponse(answer(503), "GET", 0, { ...policy, maxRetries: 0 }, NOW).retry).toBe(false);
  });
});

describe("decideAfterFailure", () => {
  it("retries network failures of idempotent methods only", () => {
    expect(decideAfterFailure("GET", 0, policy)).toEqual({ retry: true, delayMs: 375 });
    expect(decideAfterFailure("POST", 0, policy)).toEqual({ retry: false });
    expect(decideAfterFailure("PATCH", 0, { ...policy, retryNonIdempotent: true }).retry).toBe(true);
    expect(decideAfterFailure("GET", 2, policy)).toEqual({ retry: false });
  });
});

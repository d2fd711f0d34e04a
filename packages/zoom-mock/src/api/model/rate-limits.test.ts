import { describe, expect, it } from "vitest";
import { ZoomApiFailure } from "./api-failure.js";
import { RateLimits } from "./rate-limits.js";
import { manualClock } from "./test-support.js";

function failureOf(action: () => void): ZoomApiFailure {
  try {
    action();
  } catch (error) {
    if (error instanceof ZoomApiFailure) return error;
    throw error;
  }
  throw new Error("expected a 429");
}

describe("RateLimits", () => {
  it("refuses the armed number of requests with a QPS 429 carrying Retry-After seconds", () => {
    const limits = new RateLimits(manualClock().now);
    limits.simulate({ type: "QPS", times: 2, retryAfterSeconds: 3 });
    const failure = failureOf(() => limits.check("meetings", "MEDIUM"));
    expect(failure.status).toBe(429);
    expect(failure.toBody()).toMatchObject({ code: 429, message: expect.stringContaining("per-second") });
    expect(failure.headers).toMatchObject({ "Retry-After": "3", "X-RateLimit-Type": "QPS", "X-RateLimit-Category": "Medium", "X-RateLimit-Remaining": "0" });
    failureOf(() => limits.check("meetings", "MEDIUM"));
    expect(() => limits.check("meetings", "MEDIUM")).not.toThrow();
  });

  it("can write a QPS Retry-After as an HTTP date or an ISO date-time", () => {
    const limits = new RateLimits(manualClock().now);
    limits.simulate({ type: "QPS", retryAfterSeconds: 2, retryAfterFormat: "http-date" });
    limits.simulate({ type: "QPS", retryAfterSeconds: 2, retryAfterFormat: "date-time" });
    expect(failureOf(() => limits.check("user", "LIGHT")).headers["Retry-After"]).toBe("Sat, 28 Nov 2026 10:00:02 GMT");
    expect(failureOf(() => limits.check("user", "LIGHT")).headers["Retry-After"]).toBe("2026-11-28T10:00:02.000Z");
  });

  it("answers a daily limit with an ISO date-time Retry-After at the next UTC midnight", () => {
    const limits = new RateLimits(manualClock().now);
    limits.simulate({ type: "Daily-limit" });
    const failure = failureOf(() => limits.check("user", "LIGHT"));
    expect(failure.headers["Retry-After"]).toBe("2026-11-29T00:00:00.000Z");
    expect(failure.headers["X-RateLimit-Type"]).toBe("Daily-limit");
  });

  it("can target one operation and can omit every header", () => {
    const limits = new RateLimits(manualClock().now);
    limits.simulate({ type: "QPS", operationId: "meetingCreate", withoutHeaders: true });
    expect(() => limits.check("user", "LIGHT")).not.toThrow();
    expect(failureOf(() => limits.check("meetingCreate", "LIGHT")).headers).toEqual({});
  });

  it("rejects a nonsensical simulation at once", () => {
    const limits = new RateLimits(manualClock().now);
    expect(() => limits.simulate({ type: "QPS", times: 0 })).toThrow(RangeError);
  });
});

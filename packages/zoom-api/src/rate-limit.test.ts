import { describe, expect, it } from "vitest";
import { isDailyLimit, parseRateLimitReset, parseRetryAfter, readRateLimit } from "./rate-limit.js";

const NOW = Date.parse("2026-11-28T12:00:00Z");

describe("parseRetryAfter", () => {
  it("reads delta-seconds relative to now", () => {
    expect(parseRetryAfter("3", NOW)?.toISOString()).toBe("2026-11-28T12:00:03.000Z");
    expect(parseRetryAfter(" 0 ", NOW)?.getTime()).toBe(NOW);
  });

  it("reads an HTTP date", () => {
    expect(parseRetryAfter("Sat, 28 Nov 2026 12:00:05 GMT", NOW)?.toISOString()).toBe("2026-11-28T12:00:05.000Z");
  });

  it("reads an ISO-8601 date-time, as Zoom sends for daily limits", () => {
    expect(parseRetryAfter("2026-11-29T00:00:00Z", NOW)?.toISOString()).toBe("2026-11-29T00:00:00.000Z");
  });

  it("returns null for absent, empty or unreadable values", () => {
    expect(parseRetryAfter(null, NOW)).toBeNull();
    expect(parseRetryAfter("", NOW)).toBeNull();
    expect(parseRetryAfter("soon", NOW)).toBeNull();
    expect(parseRetryAfter("-5", NOW)).toBeNull();
  });
});

describe("parseRateLimitReset", () => {
  it("reads a Unix time in seconds", () => {
    expect(parseRateLimitReset(String(NOW / 1000 + 7), NOW)?.getTime()).toBe(NOW + 7000);
  });

  it("reads small numbers as seconds from now", () => {
    expect(parseRateLimitReset("2", NOW)?.getTime()).toBe(NOW + 2000);
  });

  it("reads dates", () => {
    expect(parseRateLimitReset("2026-11-28T12:01:00Z", NOW)?.getTime()).toBe(NOW + 60_000);
    expect(parseRateLimitReset("nonsense", NOW)).toBeNull();
  });
});

describe("readRateLimit", () => {
  it("collects every X-RateLimit header, Retry-After taking precedence over X-RateLimit-Reset", () => {
    const headers = new Headers({
      "X-RateLimit-Type": "QPS",
      "X-RateLimit-Category": "Light",
      "X-RateLimit-Limit": "30",
      "X-RateLimit-Remaining": "0",
      "X-RateLimit-Reset": String(NOW / 1000 + 30),
      "Retry-After": "1",
    });
    expect(readRateLimit(headers, NOW)).toEqual({
      type: "QPS",
      category: "Light",
      limit: 30,
      remaining: 0,
      retryAt: new Date(NOW + 1000),
    });
  });

  it("falls back to X-RateLimit-Reset and reports nulls for missing headers", () => {
    const rateLimit = readRateLimit(new Headers({ "X-RateLimit-Reset": "4" }), NOW);
    expect(rateLimit).toEqual({ type: null, category: null, limit: null, remaining: null, retryAt: new Date(NOW + 4000) });
  });

  it("recognises a daily limit whatever its case", () => {
    expect(isDailyLimit(readRateLimit(new Headers({ "X-RateLimit-Type": "Daily-limit" }), NOW))).toBe(true);
    expect(isDailyLimit(readRateLimit(new Headers({ "X-RateLimit-Type": "daily-LIMIT" }), NOW))).toBe(true);
    expect(isDailyLimit(readRateLimit(new Headers({ "X-RateLimit-Type": "QPS" }), NOW))).toBe(false);
  });
});

/**
 * Reading Zoom's rate-limit headers.
 *
 * Zoom's 429 answers may carry `Retry-After` (delta-seconds, an HTTP date, or, for daily limits, an
 * ISO-8601 date-time), `X-RateLimit-Reset`, `X-RateLimit-Type` (`QPS` or `Daily-limit`),
 * `X-RateLimit-Category`, `X-RateLimit-Limit` and `X-RateLimit-Remaining`, or none of them. Both the retry
 * policy and {@link ZoomApiError} read them through this one parser so they never disagree.
 */

/** What a response says about the rate limit it hit. Every field is `null` when its header is absent or unreadable. */
export interface ZoomRateLimit {
  /** `X-RateLimit-Type`, e.g. `"QPS"` or `"Daily-limit"`. */
  readonly type: string | null;
  /** `X-RateLimit-Category`, e.g. `"Light"`, `"Medium"`, `"Heavy"`. */
  readonly category: string | null;
  /** `X-RateLimit-Limit`. */
  readonly limit: number | null;
  /** `X-RateLimit-Remaining`. */
  readonly remaining: number | null;
  /**
   * When the server says a new attempt may succeed: from `Retry-After` when present and readable,
   * else from `X-RateLimit-Reset`.
   */
  readonly retryAt: Date | null;
}

/** `X-RateLimit-Type` value Zoom uses when a per-day quota is exhausted: waiting seconds will not help. */
export const DAILY_LIMIT_TYPE = "daily-limit";

const DELTA_SECONDS = /^\d+(\.\d+)?$/;
/** The latest instant a `Date` can hold. A header asking for a later time (or for 10^20 seconds) means "not soon": this instant. */
const LATEST_DATE_MS = 8.64e15;

/** A date `ms` after the epoch, clamped to what a `Date` can hold, so that no header value gives an invalid Date (and a NaN wait). */
function clampedDate(ms: number): Date {
  return new Date(Number.isFinite(ms) ? Math.min(Math.max(ms, 0), LATEST_DATE_MS) : LATEST_DATE_MS);
}
/** Below this, an `X-RateLimit-Reset` number is read as seconds from now; above it, as a Unix time in seconds. */
const EPOCH_SECONDS_THRESHOLD = 1_000_000_000;

/**
 * Reads a `Retry-After` value: delta-seconds, an HTTP date or an ISO-8601 date-time. A value too
 * large for a `Date` gives the latest `Date` there is (a wait no retry policy accepts), never an invalid one.
 * @param value - the header value, or `null` when absent.
 * @param now - the current time in milliseconds since the epoch.
 * @returns the instant a retry may succeed, or `null` when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now: number): Date | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (trimmed === "") return null;
  if (DELTA_SECONDS.test(trimmed)) return clampedDate(now + Number(trimmed) * 1000);
  return parseDate(trimmed);
}

/**
 * Reads an `X-RateLimit-Reset` value: a Unix time in seconds, seconds from now (small numbers), an HTTP
 * date or an ISO-8601 date-time.
 * @param value - the header value, or `null` when absent.
 * @param now - the current time in milliseconds since the epoch.
 */
export function parseRateLimitReset(value: string | null, now: number): Date | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (trimmed === "") return null;
  if (DELTA_SECONDS.test(trimmed)) {
    const seconds = Number(trimmed);
    return clampedDate(seconds >= EPOCH_SECONDS_THRESHOLD ? seconds * 1000 : now + seconds * 1000);
  }
  return parseDate(trimmed);
}

/**
 * Reads every rate-limit header of a response.
 * @param headers - the response headers.
 * @param now - the current time in milliseconds since the epoch (relative values are resolved against it).
 */
export function readRateLimit(headers: Headers, now: number): ZoomRateLimit {
  return {
    type: headers.get("x-ratelimit-type"),
    category: headers.get("x-ratelimit-category"),
    limit: parseCount(headers.get("x-ratelimit-limit")),
    remaining: parseCount(headers.get("x-ratelimit-remaining")),
    retryAt:
      parseRetryAfter(headers.get("retry-after"), now) ??
      parseRateLimitReset(headers.get("x-ratelimit-reset"), now),
  };
}

/** Whether the rate limit is a daily quota (`X-RateLimit-Type: Daily-limit`, case-insensitive). */
export function isDailyLimit(rateLimit: ZoomRateLimit): boolean {
  return rateLimit.type?.trim().toLowerCase() === DAILY_LIMIT_TYPE;
}

/** An ISO-8601 date-time, or an HTTP date (all three RFC 9110 forms start with a day name). */
const DATE_SHAPE = /^(\d{4}-\d{2}-\d{2}T|[A-Za-z]{3,9},? )/;

// Date.parse alone is too lenient: it reads "-5" as a day in 2001.
function parseDate(value: string): Date | null {
  if (!DATE_SHAPE.test(value)) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time);
}

function parseCount(value: string | null): number | null {
  if (value === null || !/^\s*\d+\s*$/.test(value)) return null;
  return Number(value);
}

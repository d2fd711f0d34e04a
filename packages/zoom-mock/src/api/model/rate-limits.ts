import { ZoomApiFailure } from "./api-failure.js";
import { nextUtcMidnight } from "./zoom-time.js";

/** Zoom's two kinds of rate limit: per second, or per day. */
export type RateLimitType = "QPS" | "Daily-limit";

/** A simulated rate limit: the next `times` matching requests answer 429. */
export interface RateLimitSimulation {
  /** `QPS` answers `Retry-After` in seconds; `Daily-limit` answers an ISO 8601 date-time (next UTC midnight). */
  type: RateLimitType;
  /** How many requests are refused (default 1). */
  times?: number;
  /** Only requests to this operationId (default: every operation). */
  operationId?: string;
  /** How long a `QPS` limit lasts, in seconds (default 1). */
  retryAfterSeconds?: number;
  /**
   * How a `QPS` limit writes `Retry-After`: `seconds` (default), an HTTP date
   * (`Sat, 28 Nov 2026 10:00:01 GMT`) or an ISO 8601 `date-time`. Daily limits always use `date-time`.
   */
  retryAfterFormat?: "seconds" | "http-date" | "date-time";
  /** Send no rate-limit headers at all, as some of Zoom's 429s do. */
  withoutHeaders?: boolean;
}

interface ArmedLimit extends RateLimitSimulation {
  remaining: number;
}

/** Rate-limit labels as Zoom names them in headers. */
const CATEGORY_NAMES: Record<string, string> = {
  LIGHT: "Light",
  MEDIUM: "Medium",
  HEAVY: "Heavy",
  RESOURCE_INTENSIVE: "Resource-intensive",
};

/** Per-second limits Zoom applies to a Pro account, by label (for `X-RateLimit-Limit`). */
const QPS_BY_CATEGORY: Record<string, number> = { Light: 30, Medium: 20, Heavy: 10, "Resource-intensive": 5 };

/**
 * Simulated rate limits. Tests arm them (`simulate`); every request asks `check` first, which
 * throws Zoom's 429 while an armed limit lasts.
 */
export class RateLimits {
  readonly #armed: ArmedLimit[] = [];
  readonly #clock: () => number;

  constructor(clock: () => number) {
    this.#clock = clock;
  }

  /** Arms a limit; see {@link RateLimitSimulation}. */
  simulate(limit: RateLimitSimulation): void {
    const times = limit.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new RangeError("rateLimit: times must be a positive integer");
    if (limit.retryAfterSeconds !== undefined && !(limit.retryAfterSeconds >= 0)) {
      throw new RangeError("rateLimit: retryAfterSeconds must be zero or more");
    }
    this.#armed.push({ ...limit, remaining: times });
  }

  /** Disarms every simulated limit. */
  clear(): void {
    this.#armed.length = 0;
  }

  /**
   * Throws the 429 for this request when an armed limit applies. `label` is the operation's
   * rate-limit label (`LIGHT`, `MEDIUM`, ...) from the spec.
   */
  check(operationId: string, label: string | undefined): void {
    const index = this.#armed.findIndex((limit) => limit.operationId === undefined || limit.operationId === operationId);
    const limit = this.#armed[index];
    if (limit === undefined) return;
    limit.remaining -= 1;
    if (limit.remaining <= 0) this.#armed.splice(index, 1);
    throw this.#failure(limit, CATEGORY_NAMES[label ?? ""] ?? "Light");
  }

  #failure(limit: RateLimitSimulation, category: string): ZoomApiFailure {
    const now = this.#clock();
    if (limit.type === "Daily-limit") {
      const resetAt = nextUtcMidnight(now);
      return new ZoomApiFailure(429, 429, `You have reached the maximum daily rate limit for this API. Refer to the response header for details on when you can make another request.`, {
        headers: limit.withoutHeaders
          ? {}
          : {
              "Retry-After": new Date(resetAt).toISOString(),
              "X-RateLimit-Category": category,
              "X-RateLimit-Type": "Daily-limit",
              "X-RateLimit-Limit": "10000",
              "X-RateLimit-Remaining": "0",
              "X-RateLimit-Reset": String(Math.ceil(resetAt / 1000)),
            },
      });
    }
    const seconds = limit.retryAfterSeconds ?? 1;
    const retryAt = new Date(now + seconds * 1000);
    const retryAfter =
      limit.retryAfterFormat === "http-date"
        ? retryAt.toUTCString()
        : limit.retryAfterFormat === "date-time"
          ? retryAt.toISOString()
          : String(seconds);
    return new ZoomApiFailure(429, 429, "You have reached the maximum per-second rate limit for this API. Try again later.", {
      headers: limit.withoutHeaders
        ? {}
        : {
            "Retry-After": retryAfter,
            "X-RateLimit-Category": category,
            "X-RateLimit-Type": "QPS",
            "X-RateLimit-Limit": String(QPS_BY_CATEGORY[category] ?? 30),
            "X-RateLimit-Remaining": "0",
            "X-RateLimit-Reset": String(Math.ceil(now / 1000) + seconds),
          },
    });
  }
}

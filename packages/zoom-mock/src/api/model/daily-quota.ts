import { ZoomApiFailure } from "./api-failure.js";
import { nextUtcMidnight, utcDate } from "./zoom-time.js";

/** Zoom allows 100 meeting create/update requests per user per day. */
export const MEETING_WRITES_PER_USER_PER_DAY = 100;

/**
 * Counts an action per key per UTC day and refuses the one over the limit with Zoom's daily-limit
 * 429 (ISO date-time `Retry-After`, `X-RateLimit-Type: Daily-limit`).
 */
export class DailyQuota {
  readonly #counts = new Map<string, number>();
  readonly #limit: number;
  readonly #clock: () => number;
  readonly #describe: (key: string) => string;

  constructor(limit: number, clock: () => number, describe: (key: string) => string) {
    this.#limit = limit;
    this.#clock = clock;
    this.#describe = describe;
  }

  /** Counts one use for `key` today, or throws the 429 when today's limit is used up. */
  take(key: string): void {
    const now = this.#clock();
    const slot = `${utcDate(now)}|${key}`;
    const used = this.#counts.get(slot) ?? 0;
    if (used >= this.#limit) {
      const resetAt = nextUtcMidnight(now);
      throw new ZoomApiFailure(429, 429, this.#describe(key), {
        headers: {
          "Retry-After": new Date(resetAt).toISOString(),
          "X-RateLimit-Type": "Daily-limit",
          "X-RateLimit-Limit": String(this.#limit),
          "X-RateLimit-Remaining": "0",
          "X-RateLimit-Reset": String(Math.ceil(resetAt / 1000)),
        },
      });
    }
    this.#counts.set(slot, used + 1);
  }
}

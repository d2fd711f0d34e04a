import { isDailyLimit, readRateLimit } from "./rate-limit.js";

/**
 * When to try a request again, and after how long. Pure functions of the answer, the method and the
 * attempt number, so every rule is testable without a network or a clock.
 */

/** Methods whose repetition has the same effect as one call (RFC 9110 §9.2.2), so 5xx and network errors may be retried. */
export const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(["GET", "PUT", "DELETE", "HEAD", "OPTIONS"]);

/** The knobs the decisions depend on (a subset of the resolved client options). */
export interface RetryPolicy {
  readonly maxRetries: number;
  readonly retryNonIdempotent: boolean;
  readonly retryDelayMs: number;
  readonly maxRetryDelayMs: number;
  readonly random: () => number;
}

/** Retry after `delayMs`, or give the caller what we have. */
export type RetryDecision = { readonly retry: true; readonly delayMs: number } | { readonly retry: false };

const GIVE_UP: RetryDecision = { retry: false };

/**
 * Capped exponential backoff with "equal jitter": half of the step is fixed, half random, so retries of
 * many clients spread out while each still waits a little.
 * @param retryIndex - 0 before the first retry, 1 before the second, ...
 */
export function backoffDelay(retryIndex: number, policy: RetryPolicy): number {
  const step = Math.min(policy.maxRetryDelayMs, policy.retryDelayMs * 2 ** retryIndex);
  // A random source outside [0, 1] (or NaN) must not make the wait NaN, negative or longer than the cap.
  const drawn = policy.random();
  const jitter = Number.isFinite(drawn) ? Math.min(Math.max(drawn, 0), 1) : 0.5;
  return step / 2 + jitter * (step / 2);
}

/**
 * Decides whether to retry after an HTTP answer.
 * - 429: always retried (the request was refused, not processed), honouring `Retry-After` /
 *   `X-RateLimit-Reset`; a wait longer than `maxRetryDelayMs` (a daily limit resetting hours away),
 *   or a daily limit that says nothing of when it resets, is surfaced at once.
 * - 5xx: retried only for idempotent methods, unless `retryNonIdempotent`.
 * - anything else: returned as is.
 * @param retryIndex - number of retries already made.
 * @param now - current time in ms, to turn header dates into waits.
 */
export function decideAfterResponse(
  response: Response,
  method: string,
  retryIndex: number,
  policy: RetryPolicy,
  now: number,
): RetryDecision {
  if (retryIndex >= policy.maxRetries) return GIVE_UP;
  const { status } = response;
  if (status === 429) {
    const rateLimit = readRateLimit(response.headers, now);
    // A daily quota with no reset time will not come back within any backoff: surface it.
    if (isDailyLimit(rateLimit) && rateLimit.retryAt === null) return GIVE_UP;
    return serverDirectedOrBackoff(rateLimit.retryAt, retryIndex, policy, now);
  }
  if (status >= 500 && status <= 599 && mayRepeat(method, policy)) {
    return serverDirectedOrBackoff(readRateLimit(response.headers, now).retryAt, retryIndex, policy, now);
  }
  return GIVE_UP;
}

/**
 * Decides whether to retry after the request got no answer (network error or timeout): only for
 * idempotent methods, unless `retryNonIdempotent`, since the server may have acted on it.
 */
export function decideAfterFailure(method: string, retryIndex: number, policy: RetryPolicy): RetryDecision {
  if (retryIndex >= policy.maxRetries || !mayRepeat(method, policy)) return GIVE_UP;
  return { retry: true, delayMs: backoffDelay(retryIndex, policy) };
}

function mayRepeat(method: string, policy: RetryPolicy): boolean {
  return policy.retryNonIdempotent || IDEMPOTENT_METHODS.has(method.toUpperCase());
}

function serverDirectedOrBackoff(
  retryAt: Date | null,
  retryIndex: number,
  policy: RetryPolicy,
  now: number,
): RetryDecision {
  if (retryAt === null) return { retry: true, delayMs: backoffDelay(retryIndex, policy) };
  const delayMs = Math.max(0, retryAt.getTime() - now);
  // A limit that resets minutes or hours away is the caller's to handle (queue, notify, give up), not ours to sleep on.
  // NaN (an unusable clock) is no wait either: surfaced, never an immediate retry.
  if (!(delayMs <= policy.maxRetryDelayMs)) return GIVE_UP;
  return { retry: true, delayMs };
}

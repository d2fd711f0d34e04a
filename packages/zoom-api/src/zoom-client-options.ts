import { abortableSleep } from "./abortable-sleep.js";
import type { ZoomClientScopeOptions } from "./scope-check-option.js";
import type { ZoomClientTokenOptions } from "./token-options.js";

/** The options of {@link createZoomClient}, and their validation (done once, when the client is created). */

/** Default API base URL. Tokens carry `api_url` (e.g. `https://eu01api.zoom.us`): pass `${api_url}/v2` as `baseUrl`. */
export const DEFAULT_BASE_URL = "https://api.zoom.us/v2";
/** Default number of retries after the first attempt. */
export const DEFAULT_MAX_RETRIES = 2;
/** Default per-attempt timeout, in milliseconds, from sending to the last byte of the response body. */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** Default first backoff step, in milliseconds (doubled on every retry, then jittered). */
export const DEFAULT_RETRY_DELAY_MS = 500;
/** Default longest wait before a retry, in milliseconds; a server asking for longer gets its answer surfaced. */
export const DEFAULT_MAX_RETRY_DELAY_MS = 60_000;

/** Waits `ms` milliseconds; should settle early when `signal` aborts (the client also stops waiting then). */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

/** Options of {@link createZoomClient}. Give exactly one of `tokens`, `accessToken` and `getAccessToken`. */
export interface ZoomClientOptions extends ZoomClientTokenOptions, ZoomClientScopeOptions {
  /**
   * API base URL. Default `https://api.zoom.us/v2`. For a user whose token names a regional `api_url`
   * (e.g. `https://eu01api.zoom.us`), pass `` `${tokens.apiUrl()}/v2` ``.
   */
  baseUrl?: string | undefined;
  /** A fixed access token, sent as `Authorization: Bearer <token>`. */
  accessToken?: string | undefined;
  /**
   * Called before every attempt (retries included), so a token refreshed meanwhile is picked up.
   * Typically a token source with its own cache and single-flight refresh.
   */
  getAccessToken?: (() => string | Promise<string>) | undefined;
  /**
   * Called when the API answers 401 to a token from `getAccessToken` (revoked or expired before its
   * time): forget that token there, typically `() => source.invalidate()`. The request is then sent
   * once more, at once, with a token asked for again; a second 401 is the answer. Once per call, for
   * every method (a 401 means the request was refused, not carried out), and not counted in
   * `maxRetries`. Needs `getAccessToken`: a fixed `accessToken` cannot change.
   */
  onUnauthorized?: (() => void | Promise<void>) | undefined;
  /**
   * The fetch to use, called as `fetch(request, { signal })`; pass both arguments on (a wrapper that drops
   * `init` still sends the token, but loses timeout and abort). Default: `globalThis.fetch`, looked up at
   * each request, so a client created before MSW's `server.listen()` is still intercepted.
   */
  fetch?: typeof fetch | undefined;
  /**
   * How long each attempt may take, in ms, from sending the request to the last byte of the response
   * body (the same meaning as `timeoutMs` in `@org/oauth-core` and `@org/zoom-auth`). Past it the
   * attempt ends with `ZoomTimeoutError` (retried like a network error), whatever the server
   * does. Default 30 000; `Infinity` disables it.
   */
  timeoutMs?: number | undefined;
  /**
   * Aborts every request of this client, like each call's own `signal`: an attempt waiting for response
   * headers, and any wait between retries, stop at once with the signal's reason.
   */
  signal?: AbortSignal | undefined;
  /** Retries after the first attempt. Default 2; 0 disables retries. */
  maxRetries?: number | undefined;
  /** Also retry POST and PATCH after a 5xx or a network error. Default `false` (they may not be idempotent). */
  retryNonIdempotent?: boolean | undefined;
  /** Throw {@link ZoomApiError} for every non-2xx answer instead of returning `{ error }`. Default `false`. */
  throwOnError?: boolean | undefined;
  /** First backoff step in ms (doubled per retry, capped, jittered). Default 500. */
  retryDelayMs?: number | undefined;
  /**
   * Longest wait before a retry, in ms (default 60 000). Backoff is capped at it, and a 429 or 503 whose
   * `Retry-After` / `X-RateLimit-Reset` asks for a longer wait is returned (or thrown) at once.
   */
  maxRetryDelayMs?: number | undefined;
  /**
   * Time, randomness and waiting, replaced for tests of code that uses the client (see
   * {@link ZoomClientTesting}). Production code leaves it out.
   */
  testing?: ZoomClientTesting | undefined;
}

/**
 * The client's test seam: what a test replaces to make retries deterministic and instant. Each hook has
 * the SDK's one shape for its kind (`clock` and `random` as everywhere else); nothing else reads them.
 */
export interface ZoomClientTesting {
  /** Current time in ms since the epoch, to resolve `Retry-After` dates. Default `Date.now`. */
  clock?: (() => number) | undefined;
  /** Random source in [0, 1), like `Math.random`, for backoff jitter. Default `Math.random`. */
  random?: (() => number) | undefined;
  /** How to wait between attempts. Default: a timer that ends early on abort. */
  sleep?: Sleep | undefined;
}

/** Options with defaults applied; what the transport works with. */
export interface ResolvedZoomClientOptions {
  readonly baseUrl: string;
  readonly getAccessToken: () => string | Promise<string>;
  /** `null`: a 401 is the answer. */
  readonly onUnauthorized: (() => void | Promise<void>) | null;
  /** `null`: use `globalThis.fetch` as it is when each request is made. */
  readonly fetch: typeof fetch | null;
  readonly timeoutMs: number;
  readonly signal: AbortSignal | null;
  readonly maxRetries: number;
  readonly retryNonIdempotent: boolean;
  readonly throwOnError: boolean;
  readonly retryDelayMs: number;
  readonly maxRetryDelayMs: number;
  readonly random: () => number;
  readonly sleep: Sleep;
  readonly clock: () => number;
}

/** Thrown by {@link createZoomClient} when an option is missing, of the wrong type or out of range. */
export class ZoomClientOptionsError extends TypeError {
  override readonly name = "ZoomClientOptionsError";
  /** The option at fault, e.g. `"baseUrl"`. */
  readonly option: string;

  constructor(option: string, problem: string) {
    super(`createZoomClient: ${option} ${problem}`);
    this.option = option;
  }

  /** A JSON form with the name, message and option (never a token). */
  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, option: this.option };
  }
}

/**
 * Validates options and applies defaults. Never echoes a token in its messages.
 * @throws {ZoomClientOptionsError} naming the first wrong option.
 */
export function resolveZoomClientOptions(options: ZoomClientOptions): ResolvedZoomClientOptions {
  if (typeof options !== "object" || options === null) {
    throw new ZoomClientOptionsError("options", "must be an object with accessToken or getAccessToken");
  }
  const getAccessToken = resolveTokenSource(options);
  const fetchOption = options.fetch;
  if (fetchOption !== undefined && typeof fetchOption !== "function") {
    throw new ZoomClientOptionsError("fetch", "must be a function");
  }
  const onUnauthorized = fn("onUnauthorized", options.onUnauthorized) ?? null;
  if (onUnauthorized !== null && options.getAccessToken === undefined) {
    throw new ZoomClientOptionsError("onUnauthorized", "needs getAccessToken: a fixed accessToken cannot be replaced after a 401");
  }
  if (options.signal !== undefined && !(options.signal instanceof AbortSignal)) {
    throw new ZoomClientOptionsError("signal", "must be an AbortSignal");
  }
  const testing = options.testing ?? {};
  if (typeof testing !== "object" || testing === null) {
    throw new ZoomClientOptionsError("testing", "must be an object with clock, random or sleep");
  }
  return {
    baseUrl: resolveBaseUrl(options.baseUrl),
    getAccessToken,
    onUnauthorized,
    fetch: fetchOption ?? null,
    timeoutMs: timeout(options.timeoutMs),
    signal: options.signal ?? null,
    maxRetries: nonNegativeInteger("maxRetries", options.maxRetries, DEFAULT_MAX_RETRIES),
    retryNonIdempotent: boolean("retryNonIdempotent", options.retryNonIdempotent),
    throwOnError: boolean("throwOnError", options.throwOnError),
    retryDelayMs: nonNegativeFinite("retryDelayMs", options.retryDelayMs, DEFAULT_RETRY_DELAY_MS),
    maxRetryDelayMs: atMostTimerLimit(
      "maxRetryDelayMs",
      nonNegativeFinite("maxRetryDelayMs", options.maxRetryDelayMs, DEFAULT_MAX_RETRY_DELAY_MS),
    ),
    random: fn("testing.random", testing.random) ?? Math.random,
    sleep: fn("testing.sleep", testing.sleep) ?? abortableSleep,
    clock: fn("testing.clock", testing.clock) ?? Date.now,
  };
}

/**
 * Checks that a token can be sent in a header, without ever putting it in the error message
 * (`Headers` itself would quote the bad value).
 */
export function assertUsableToken(token: unknown, source: "accessToken" | "getAccessToken"): asserts token is string {
  const gives = source === "accessToken" ? "must be" : "must return";
  if (typeof token !== "string") throw new ZoomClientOptionsError(source, `${gives} a string`);
  if (token === "") throw new ZoomClientOptionsError(source, `${gives} a non-empty token`);
  if (!/^[\x21-\x7e]+$/.test(token)) {
    throw new ZoomClientOptionsError(source, `${gives} a token without spaces, control or non-ASCII characters`);
  }
}

function resolveTokenSource(options: ZoomClientOptions): () => string | Promise<string> {
  const { accessToken, getAccessToken } = options;
  if (accessToken !== undefined && getAccessToken !== undefined) {
    throw new ZoomClientOptionsError("accessToken", "and getAccessToken are both set: give exactly one");
  }
  if (getAccessToken !== undefined) {
    if (typeof getAccessToken !== "function") throw new ZoomClientOptionsError("getAccessToken", "must be a function");
    return getAccessToken;
  }
  if (accessToken === undefined) {
    throw new ZoomClientOptionsError("accessToken", "or getAccessToken is required");
  }
  assertUsableToken(accessToken, "accessToken");
  return () => accessToken;
}

function resolveBaseUrl(value: string | undefined): string {
  if (value === undefined) return DEFAULT_BASE_URL;
  if (typeof value !== "string") throw new ZoomClientOptionsError("baseUrl", "must be a string");
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ZoomClientOptionsError("baseUrl", `is not an absolute URL: ${JSON.stringify(value)}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new ZoomClientOptionsError("baseUrl", `must use http or https, not ${url.protocol}`);
  }
  if (url.search !== "" || url.hash !== "" || url.username !== "" || url.password !== "") {
    throw new ZoomClientOptionsError("baseUrl", "must not carry credentials, a query string or a fragment");
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}

/** The longest delay `setTimeout` honours; longer ones fire at once. */
const MAX_TIMER_MS = 2_147_483_647;

function timeout(value: number | undefined): number {
  if (value === undefined) return DEFAULT_TIMEOUT_MS;
  if (typeof value !== "number" || Number.isNaN(value) || value <= 0 || (Number.isFinite(value) && value > MAX_TIMER_MS)) {
    throw new ZoomClientOptionsError("timeoutMs", `must be a positive number of milliseconds up to ${MAX_TIMER_MS} (Infinity for none)`);
  }
  return value;
}

function atMostTimerLimit(name: string, value: number): number {
  if (value > MAX_TIMER_MS) throw new ZoomClientOptionsError(name, `must be at most ${MAX_TIMER_MS} ms`);
  return value;
}

function nonNegativeInteger(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    throw new ZoomClientOptionsError(name, `must be a whole number >= 0, got ${String(value)}`);
  }
  return value;
}

function nonNegativeFinite(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new ZoomClientOptionsError(name, `must be a finite number of milliseconds >= 0, got ${String(value)}`);
  }
  return value;
}

function boolean(name: string, value: boolean | undefined): boolean {
  if (value === undefined) return false;
  if (typeof value !== "boolean") throw new ZoomClientOptionsError(name, "must be a boolean");
  return value;
}

function fn<F>(name: string, value: F | undefined): F | undefined {
  if (value !== undefined && typeof value !== "function") throw new ZoomClientOptionsError(name, "must be a function");
  return value;
}

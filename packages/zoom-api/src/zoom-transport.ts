import { type AttemptSignal, createAttemptSignal } from "./attempt-signal.js";
import { bufferResponse, readBodyWithin, streamResponse } from "./buffered-response.js";
import { rememberSentToken, sanitizeCause } from "./redaction.js";
import { isStreamedRequest } from "./response-body-middleware.js";
import { assertUsableToken, type ResolvedZoomClientOptions } from "./zoom-client-options.js";
import { describeRequest, ZoomNetworkError, ZoomTimeoutError } from "./zoom-network-error.js";
import { decideAfterFailure, decideAfterResponse, type RetryDecision } from "./retry-policy.js";
import { MAX_REDIRECTS, ZoomRedirectError } from "./zoom-redirect-error.js";

/**
 * The one HTTP path of `@org/zoom-api`: the `fetch` handed to openapi-fetch.
 *
 * Why retries live here and not in an `onResponse` middleware: openapi-fetch runs each middleware hook
 * once per call and cannot re-issue a request. A retrying `onResponse` would have to stash a clone of
 * every request by id, re-run authentication itself and call fetch behind the other middleware's back.
 * As the transport, one loop owns each attempt end to end: the token, asked for again on every attempt
 * (so a refreshed token is used); a clone of the body when another attempt may follow (so it can be
 * re-sent); its own timeout linked with the caller's abort signals; the classification of failures; and
 * the wait before the next attempt. Middleware registered with `client.use()` still sees one request and
 * one final response per call.
 */
export type ZoomTransport = (request: Request) => Promise<Response>;

/** Builds the transport for resolved client options. */
export function createZoomTransport(options: ResolvedZoomClientOptions): ZoomTransport {
  return async function send(request: Request): Promise<Response> {
    const method = request.method.toUpperCase();
    const callerSignals = { request: request.signal, client: options.signal };
    // Used at most once per call, then null: a second 401 is the answer.
    let onUnauthorized = options.onUnauthorized;
    for (let retryIndex = 0; ; ) {
      throwIfAborted(callerSignals);
      const pending = options.getAccessToken();
      // A fixed token is a plain string: no need to wait a microtask for it.
      const token = typeof pending === "string" ? pending : await pending;
      assertUsableToken(token, "getAccessToken");
      throwIfAborted(callerSignals);

      const attempt = createAttemptSignal(callerSignals.request, callerSignals.client, options.timeoutMs);
      const mayRepeat = retryIndex < options.maxRetries || onUnauthorized !== null;
      let decision: RetryDecision | typeof REAUTHORIZE;
      try {
        const response = await sendFollowingRedirects(prepareAttempt(request, token, mayRepeat), request, attempt, options);
        if (response.status === 401 && onUnauthorized !== null) {
          decision = REAUTHORIZE;
        } else {
          decision = decideAfterResponse(response, method, retryIndex, options, options.clock());
          if (!decision.retry && isStreamedRequest(request)) {
            // A body wanted as a stream (a download) is the caller's to read, and to stop with its
            // signal; it also ends when no byte arrives for timeoutMs.
            const streamed = streamResponse(
              response,
              request,
              options.signal,
              options.timeoutMs,
              () => new ZoomTimeoutError(describeRequest(request), options.timeoutMs),
              (cause) => new ZoomNetworkError(describeRequest(request), { cause: sanitizeCause(cause, token) }),
            );
            rememberSentToken(streamed, token);
            return streamed;
          }
          if (!decision.retry) {
            // The whole body is read under this attempt's deadline: a body trickled, never ended or
            // cut off counts as no answer (retried like one), and openapi-fetch parses from memory.
            const buffered = await bufferResponse(response, attempt);
            rememberSentToken(buffered, token);
            return buffered;
          }
        }
        // Free the connection by reading the body (still under the deadline). Never `body.cancel()`:
        // cancelling a mocked body never settles under MSW.
        await readBodyWithin(response, attempt).catch(() => undefined);
      } catch (error) {
        throwIfAborted(callerSignals);
        if (error instanceof ZoomRedirectError) throw error;
        const failure = attempt.timedOut()
          ? new ZoomTimeoutError(describeRequest(request), options.timeoutMs)
          : new ZoomNetworkError(describeRequest(request), { cause: sanitizeCause(error, token) });
        decision = decideAfterFailure(method, retryIndex, options);
        if (!decision.retry) throw failure;
      } finally {
        attempt.release();
      }
      if (decision === REAUTHORIZE) {
        // Outside the try: an error of the caller's hook is theirs, not a network failure to retry.
        const forgetToken = onUnauthorized;
        onUnauthorized = null;
        await forgetToken?.();
        continue;
      }
      await pause(decision.delayMs, callerSignals, options.sleep);
      retryIndex++;
    }
  };
}

const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/**
 * Sends one attempt with `redirect: "manual"` and follows redirects only within the request's origin:
 * a redirect elsewhere would carry the body (and, from a fetch that follows on its own, whatever it
 * keeps) to a server that is not Zoom's, so it is a {@link ZoomRedirectError}. A same-origin redirect
 * is followed as fetch would (303, and 301/302 after a POST, become a GET without body), except that a
 * request whose body would have to be sent again gets the redirect itself as its answer.
 */
async function sendFollowingRedirects(
  prepared: Request,
  original: Request,
  attempt: AttemptSignal,
  options: ResolvedZoomClientOptions,
): Promise<Response> {
  const fetchNow = options.fetch ?? globalThis.fetch;
  const init: RequestInit = { signal: attempt.signal, redirect: "manual" };
  // Promise.resolve().then: a fetch that throws synchronously is a rejection like any other.
  let response = await attempt.race(Promise.resolve().then(() => fetchNow(prepared, init)));
  const origin = new URL(original.url).origin;
  for (let hops = 0; REDIRECT_STATUSES.has(response.status); hops++) {
    const location = response.headers.get("Location");
    let target: URL;
    try {
      if (location === null) return response;
      target = new URL(location, original.url);
    } catch {
      return response;
    }
    if (target.origin !== origin) {
      await readBodyWithin(response, attempt).catch(() => undefined);
      throw new ZoomRedirectError(describeRequest(original), response.status, target.origin, "cross-origin");
    }
    const method = original.method.toUpperCase();
    const becomesGet = response.status === 303 || ((response.status === 301 || response.status === 302) && method === "POST");
    if (original.body !== null && !becomesGet) return response;
    if (hops >= MAX_REDIRECTS) {
      await readBodyWithin(response, attempt).catch(() => undefined);
      throw new ZoomRedirectError(describeRequest(original), response.status, target.origin, "too-many");
    }
    await readBodyWithin(response, attempt).catch(() => undefined);
    const headers = new Headers(prepared.headers);
    if (becomesGet) {
      headers.delete("Content-Type");
      headers.delete("Content-Length");
    }
    const next = new Request(target, { method: becomesGet && method !== "HEAD" ? "GET" : method, headers });
    response = await attempt.race(Promise.resolve().then(() => fetchNow(next, init)));
  }
  return response;
}

/** A 401 with `onUnauthorized` set: forget the token and send again at once, outside the retry budget. */
const REAUTHORIZE = Symbol("reauthorize");

/**
 * The request to send for one attempt, carrying the current token.
 *
 * The token is set on openapi-fetch's own Request, and the attempt's signal is passed as fetch's `init`,
 * so fetch copies the request once, as it would anyway: building a second Request per attempt costs
 * about as much as openapi-fetch itself. A custom `fetch` that ignores `init` still sends the token.
 * @param mayRetry - whether another attempt may follow; a body stream can be read once, so the original
 *   is then kept unread and a clone is sent.
 */
function prepareAttempt(request: Request, token: string, mayRetry: boolean): Request {
  request.headers.set("Authorization", `Bearer ${token}`);
  return mayRetry && request.body !== null ? request.clone() : request;
}

/** The signals a caller can stop a call with: the request's own (following the call's `signal`) and the client-wide one. */
interface CallerSignals {
  readonly request: AbortSignal;
  readonly client: AbortSignal | null;
}

function throwIfAborted(signals: CallerSignals): void {
  signals.request.throwIfAborted();
  signals.client?.throwIfAborted();
}

/** Waits before the next attempt; an abort ends the wait at once, whatever the injected sleep does. */
async function pause(
  ms: number,
  signals: CallerSignals,
  sleep: ResolvedZoomClientOptions["sleep"],
): Promise<void> {
  throwIfAborted(signals);
  const link = createAttemptSignal(signals.request, signals.client, Number.POSITIVE_INFINITY);
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(link.signal.reason);
    link.signal.addEventListener("abort", onAbort, { once: true });
  });
  try {
    await Promise.race([sleep(ms, link.signal), aborted]);
  } finally {
    link.signal.removeEventListener("abort", onAbort);
    link.release();
  }
  throwIfAborted(signals);
}

import { assertUsableToken, type ResolvedZoomClientOptions } from "./zoom-client-options.js";
import { describeRequest, ZoomNetworkError, ZoomTimeoutError } from "./zoom-network-error.js";
import { decideAfterFailure, decideAfterResponse, type RetryDecision } from "./retry-policy.js";

/**
 * The one HTTP path of `@org/zoom-api`: the `fetch` handed to openapi-fetch.
 *
 * Why retries live here and not in an `onResponse` middleware: openapi-fetch runs each middleware hook
 * once per call and cannot re-issue a request. A retrying `onResponse` would have to stash a clone of
 * every request by id, re-run authentication itself and call fetch behind the other middleware's back.
 * As the transport, one loop owns each attempt end to end: a fresh clone of the request (so bodies can
 * be re-sent), a token asked for again (so a refreshed token is used), its own timeout, the user's abort
 * signals, classification of failures, and the wait before the next attempt. Middleware registered with
 * `client.use()` still sees one request and one final response per call, and never the bearer token.
 */
export type ZoomTransport = (request: Request) => Promise<Response>;

/** Builds the transport for resolved client options. */
export function createZoomTransport(options: ResolvedZoomClientOptions): ZoomTransport {
  return async function send(request: Request): Promise<Response> {
    const method = request.method.toUpperCase();
    const userSignals = options.signal === null ? [request.signal] : [request.signal, options.signal];
    for (let retryIndex = 0; ; retryIndex++) {
      throwIfAborted(userSignals);
      const token = await options.getAccessToken();
      assertUsableToken(token, "getAccessToken");
      throwIfAborted(userSignals);

      const timeout = new AbortController();
      const timer = Number.isFinite(options.timeoutMs)
        ? setTimeout(() => timeout.abort(), options.timeoutMs)
        : undefined;
      let decision: RetryDecision;
      try {
        const response = await (options.fetch ?? globalThis.fetch)(
          prepareAttempt(request, token, AbortSignal.any([...userSignals, timeout.signal])),
        );
        decision = decideAfterResponse(response, method, retryIndex, options, options.clock());
        if (!decision.retry) return response;
        // Free the connection by reading the body (still under the timeout). Never `body.cancel()`:
        // cancelling a mocked body never settles under MSW.
        await response.arrayBuffer().catch(() => undefined);
      } catch (error) {
        throwIfAborted(userSignals);
        const failure = timeout.signal.aborted
          ? new ZoomTimeoutError(describeRequest(request), options.timeoutMs)
          : new ZoomNetworkError(describeRequest(request), { cause: error });
        decision = decideAfterFailure(method, retryIndex, options);
        if (!decision.retry) throw failure;
      } finally {
        clearTimeout(timer);
      }
      await pause(decision.delayMs, userSignals, options.sleep);
    }
  };
}

/** A sendable copy of the request for one attempt: own body stream, own signal, current token. */
function prepareAttempt(request: Request, token: string, signal: AbortSignal): Request {
  const headers = new Headers(request.headers);
  headers.set("Authorization", `Bearer ${token}`);
  // A body stream can be read once: each attempt sends a clone and the original stays unread.
  return new Request(request.body === null ? request : request.clone(), { headers, signal });
}

function throwIfAborted(signals: readonly AbortSignal[]): void {
  for (const signal of signals) signal.throwIfAborted();
}

/** Waits before the next attempt; an abort ends the wait at once, whatever the injected sleep does. */
async function pause(
  ms: number,
  signals: readonly AbortSignal[],
  sleep: ResolvedZoomClientOptions["sleep"],
): Promise<void> {
  const signal = signals.length === 1 ? signals[0]! : AbortSignal.any([...signals]);
  signal.throwIfAborted();
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
  });
  try {
    await Promise.race([sleep(ms, signal), aborted]);
  } finally {
    signal.removeEventListener("abort", onAbort);
  }
  signal.throwIfAborted();
}

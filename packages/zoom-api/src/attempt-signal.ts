/**
 * The abort signal of one attempt: aborted by the call's signal, the client-wide signal or the attempt's timeout.
 *
 * Not `AbortSignal.any()`: on Node 20 it costs tens of microseconds per call and keeps a dependent per
 * call on a long-lived source signal (such as the client-wide `signal` option) until garbage collection.
 * Here the links are plain listeners. The one on the client-wide signal is removed by `release()` as soon
 * as the attempt has its answer; the one on the request's own signal is left in place, since that signal
 * lives and dies with the request, and removing a listener costs about as much as adding it. Leaving it also
 * keeps fetch's rule that aborting the call's signal after the headers arrived stops reading the body.
 */
export interface AttemptSignal {
  /** Pass this to fetch. */
  readonly signal: AbortSignal;
  /**
   * Settles like `work`, or rejects with the abort reason as soon as {@link AttemptSignal.signal}
   * aborts. Every await of an attempt goes through it: on Node 20 undici can leave a body read
   * pending after its signal aborted (a body falsely labelled `Content-Encoding: gzip`), and a
   * custom fetch may ignore the signal, so the signal alone does not end an attempt.
   */
  race<T>(work: Promise<T>): Promise<T>;
  /** Whether the timeout, not a caller, aborted the attempt. */
  timedOut(): boolean;
  /** Stops the timer and unlinks the client-wide signal. */
  release(): void;
}

/**
 * Creates the signal of one attempt.
 * @param requestSignal - the request's own signal (following the call's `signal`, if any); not aborted.
 * @param clientSignal - the client-wide signal, or `null`; not aborted.
 * @param timeoutMs - time limit; not finite means none.
 */
export function createAttemptSignal(
  requestSignal: AbortSignal,
  clientSignal: AbortSignal | null,
  timeoutMs: number,
): AttemptSignal {
  // No timeout and no client-wide signal (timeoutMs: Infinity): the request's signal is the attempt's, and
  // fetch has no new signal to follow, which is most of what a timeout costs per request.
  if (clientSignal === null && !Number.isFinite(timeoutMs)) {
    return { signal: requestSignal, race: racer(requestSignal), timedOut: never, release: noop };
  }
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = (event: Event) => controller.abort((event.target as AbortSignal).reason);
  requestSignal.addEventListener("abort", onAbort, { once: true });
  clientSignal?.addEventListener("abort", onAbort, { once: true });
  const timer = Number.isFinite(timeoutMs)
    ? setTimeout(() => {
        timedOut = true;
        controller.abort(new DOMException("The attempt timed out", "TimeoutError"));
      }, timeoutMs)
    : undefined;
  return {
    signal: controller.signal,
    race: racer(controller.signal),
    timedOut: () => timedOut,
    release() {
      clearTimeout(timer);
      clientSignal?.removeEventListener("abort", onAbort);
    },
  };
}

/** Races work against a signal; the abort listener is only added when something is raced. */
function racer(signal: AbortSignal): AttemptSignal["race"] {
  let aborted: Promise<never> | null = null;
  return <T>(work: Promise<T>): Promise<T> => {
    // The loser may reject later (a body read torn down by the abort): that is expected, not unhandled.
    work.catch(noop);
    if (aborted === null) {
      aborted = new Promise<never>((_, reject) => {
        if (signal.aborted) reject(signal.reason);
        else signal.addEventListener("abort", () => reject(signal.reason), { once: true });
      });
      aborted.catch(noop);
    }
    return Promise.race([work, aborted]);
  };
}

const never = () => false;
const noop = () => {};

/**
 * The abort signal of one attempt: aborted by any of the caller's signals or by the attempt's timeout.
 *
 * Not `AbortSignal.any()`: on Node 20 it costs tens of microseconds per call and keeps a dependent per
 * call on a long-lived source signal (such as the client-wide `signal` option) until garbage collection.
 * Here the links are plain listeners, removed by `release()` as soon as the attempt has its answer.
 */
export interface AttemptSignal {
  /** Pass this to fetch. */
  readonly signal: AbortSignal;
  /** Whether the timeout, not a caller, aborted the attempt. */
  timedOut(): boolean;
  /** Stops the timer and unlinks the caller's signals. */
  release(): void;
}

/**
 * Creates the signal of one attempt.
 * @param sources - the caller's signals (already checked not to be aborted).
 * @param timeoutMs - time limit; not finite means none.
 */
export function createAttemptSignal(sources: readonly AbortSignal[], timeoutMs: number): AttemptSignal {
  // One source and no timeout (timeoutMs: Infinity, no client-wide signal): that signal is the attempt's,
  // and fetch has no new signal to follow, which is most of what a timeout costs per request.
  if (sources.length === 1 && !Number.isFinite(timeoutMs)) return { signal: sources[0]!, timedOut: never, release: noop };
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = (event: Event) => controller.abort((event.target as AbortSignal).reason);
  for (const source of sources) source.addEventListener("abort", onAbort, { once: true });
  const timer = Number.isFinite(timeoutMs)
    ? setTimeout(() => {
        timedOut = true;
        controller.abort(new DOMException("The attempt timed out", "TimeoutError"));
      }, timeoutMs)
    : undefined;
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    release() {
      clearTimeout(timer);
      for (const source of sources) source.removeEventListener("abort", onAbort);
    },
  };
}

const never = () => false;
const noop = () => {};

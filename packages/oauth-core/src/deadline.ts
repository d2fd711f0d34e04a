/**
 * A time limit over a whole exchange with a server: sending, the response headers and the whole body.
 *
 * Why not the abort signal alone: on Node 20, undici can leave a body read pending after its signal
 * aborted (a 200 falsely labelled `Content-Encoding: gzip`, say), and a custom `fetch` may ignore the
 * signal altogether. So every await of the exchange is also raced against a timer held here, and what
 * can be stopped (the request, the body stream) is stopped when the race is lost.
 */
export interface Deadline {
  /** Pass this to fetch: aborted when the time is up or the caller's signal fires. */
  readonly signal: AbortSignal;
  /** Settles like `work`, or rejects with the abort reason as soon as {@link Deadline.signal} aborts. */
  race<T>(work: Promise<T>): Promise<T>;
  /** Whether the time limit (not the caller) ended the exchange. */
  timedOut(): boolean;
  /** Stops the timer and unlinks the caller's signal. Call it once the exchange is over. */
  release(): void;
}

/**
 * Starts a deadline.
 *
 * @param timeoutMs - The time limit in milliseconds (1 to 2^31 - 1).
 * @param callerSignal - The caller's own abort signal, if any.
 * @returns The running deadline.
 */
export function startDeadline(timeoutMs: number, callerSignal?: AbortSignal): Deadline {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException(`The request timed out after ${timeoutMs} ms`, "TimeoutError"));
  }, timeoutMs);
  const onCallerAbort = (): void => controller.abort(callerSignal?.reason);
  if (callerSignal?.aborted) onCallerAbort();
  else callerSignal?.addEventListener("abort", onCallerAbort, { once: true });

  let expired: Promise<never> | null = null;
  const whenAborted = (): Promise<never> => {
    if (expired === null) {
      expired = new Promise<never>((_, reject) => {
        const { signal } = controller;
        if (signal.aborted) reject(signal.reason);
        else signal.addEventListener("abort", () => reject(signal.reason), { once: true });
      });
      // Only ever observed through race(); never an unhandled rejection of its own.
      expired.catch(() => undefined);
    }
    return expired;
  };

  return {
    signal: controller.signal,
    race<T>(work: Promise<T>): Promise<T> {
      // The loser of the race may still reject later (a body read torn down by the abort): that is expected.
      work.catch(() => undefined);
      return Promise.race([work, whenAborted()]);
    },
    timedOut: () => timedOut,
    release() {
      clearTimeout(timer);
      callerSignal?.removeEventListener("abort", onCallerAbort);
    },
  };
}

/**
 * Reads a response body as text within a deadline. On failure or expiry the stream is cancelled
 * (without waiting: a cancel on a mocked body never settles under MSW) and the error is rethrown.
 *
 * @param response - The response whose body to read.
 * @param deadline - The exchange's deadline.
 * @returns The body decoded as UTF-8 (like `Response.text()`).
 */
export async function readBodyText(response: Response, deadline: Deadline): Promise<string> {
  if (response.body === null) return "";
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  try {
    for (;;) {
      const { done, value } = await deadline.race(reader.read());
      if (done) return text + decoder.decode();
      text += decoder.decode(value, { stream: true });
    }
  } catch (error) {
    reader.cancel(error).catch(() => undefined);
    throw error;
  }
}

import type { AttemptSignal } from "./attempt-signal.js";

/** Statuses whose responses have no body (a `Response` cannot be built with one). */
const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([101, 103, 204, 205, 304]);

/**
 * Reads a response's whole body within the attempt. A read that fails or loses the race with the
 * attempt's deadline cancels the stream without waiting (a cancel on a mocked body never settles
 * under MSW) and rethrows.
 */
export async function readBodyWithin(response: Response, attempt: AttemptSignal): Promise<Uint8Array<ArrayBuffer>> {
  if (response.body === null) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    for (;;) {
      const { done, value } = await attempt.race(reader.read());
      if (done) break;
      chunks.push(value);
      length += value.length;
    }
  } catch (error) {
    reader.cancel(error).catch(() => undefined);
    throw error;
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

/**
 * The same answer with its body already in memory, so that the attempt's deadline covers the
 * body as well as the headers: openapi-fetch then parses it without touching the network.
 * @throws {RangeError} when the status cannot be that of a `Response` (outside 200–599).
 */
export async function bufferResponse(response: Response, attempt: AttemptSignal): Promise<Response> {
  const bytes = await readBodyWithin(response, attempt);
  // The body is decoded and whole: headers about its encoding and framing on the wire no longer
  // describe it (openapi-fetch reads Content-Length to decide whether there is a body to parse).
  const headers = new Headers(response.headers);
  headers.delete("Content-Encoding");
  headers.delete("Transfer-Encoding");
  headers.set("Content-Length", String(bytes.length));
  const nullBody = NULL_BODY_STATUSES.has(response.status);
  if (nullBody) headers.delete("Content-Length");
  return keepIdentity(new Response(nullBody ? null : bytes, { status: response.status, statusText: response.statusText, headers }), response);
}

/**
 * A `Response` built in code has an empty `url` and `redirected` false; the copy keeps the original's,
 * so a caller still sees which host answered (a user's regional API) and whether a redirect was followed.
 */
function keepIdentity(copy: Response, original: Response): Response {
  Object.defineProperty(copy, "url", { value: original.url });
  Object.defineProperty(copy, "redirected", { value: original.redirected });
  return copy;
}

/** Each streamed body holds its Request (see {@link streamResponse}). */
const streamedRequests = new WeakMap<ReadableStream, Request>();

/**
 * The same answer with its body handed on as it arrives (`parseAs: "stream"`), each read raced
 * against the call's signal and an idle limit: a download may take as long as it keeps moving, but
 * a read ends when the caller aborts (with its reason) or when no byte came for `idleMs` (with
 * `onIdle()`'s error), even where undici would leave it pending (a body falsely labelled gzip). A
 * read that fails (a reset, a body that does not decode) errors the stream with `onFailure(cause)`.
 */
export function streamResponse(
  response: Response,
  request: Request,
  clientSignal: AbortSignal | null,
  idleMs: number,
  onIdle: () => Error,
  onFailure: (cause: unknown) => Error,
): Response {
  if (response.body === null) return response;
  // The Request is held for as long as the body is read: on Node 20 its signal follows the call's
  // signal only while the Request itself is alive (a weak link), and a collected Request would leave
  // the stream deaf to the caller's abort.
  const callerSignal = clientSignal === null ? request.signal : AbortSignal.any([request.signal, clientSignal]);
  const heldRequest = request;
  const reader = response.body.getReader();
  const stop = (reason: unknown) => {
    reader.cancel(reason).catch(() => undefined);
  };
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      let onAbort = () => {};
      const interrupted = new Promise<never>((_, reject) => {
        if (callerSignal.aborted) reject(callerSignal.reason);
        onAbort = () => reject(callerSignal.reason);
        callerSignal.addEventListener("abort", onAbort, { once: true });
        if (Number.isFinite(idleMs)) timer = setTimeout(() => reject(onIdle()), idleMs);
      });
      const read = reader.read().catch((cause: unknown) => {
        throw onFailure(cause);
      });
      read.catch(() => undefined);
      interrupted.catch(() => undefined);
      try {
        const { done, value } = await Promise.race([read, interrupted]);
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (error) {
        stop(error);
        controller.error(error);
      } finally {
        clearTimeout(timer);
        callerSignal.removeEventListener("abort", onAbort);
      }
    },
    cancel(reason) {
      stop(reason);
    },
  });
  streamedRequests.set(body, heldRequest);
  return keepIdentity(new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers }), response);
}

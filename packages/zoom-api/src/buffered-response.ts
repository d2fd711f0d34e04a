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
  return new Response(NULL_BODY_STATUSES.has(response.status) ? null : bytes, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

import { clientContextOf } from "./client-context.js";
import { readZoomApiError } from "./zoom-api-error.js";
import { assertUsableToken } from "./zoom-client-options.js";
import { ZoomNetworkError, ZoomTimeoutError } from "./zoom-network-error.js";

/** The fields of a recording file (an entry of `recording_files`) that a download needs. */
export interface RecordingFileRef {
  /** The file's `download_url`, e.g. `https://zoom.us/rec/download/...` (optional in Zoom's schema; required here). */
  download_url?: string | undefined;
  /** The size Zoom reports, in bytes; when given, a download that ends short fails. */
  file_size?: number | undefined;
}

/** Progress of a download, reported as its bytes are read. */
export interface DownloadProgress {
  /** Bytes read so far. */
  receivedBytes: number;
  /** The file's size, from `Content-Length` or `file_size`, or `null` when unknown. */
  totalBytes: number | null;
}

/** Options of {@link downloadRecording}. */
export interface DownloadRecordingOptions {
  /** Stops the download, before the answer or while the body is read. */
  signal?: AbortSignal | undefined;
  /** Called after every chunk read, with the bytes so far. */
  onProgress?: ((progress: DownloadProgress) => void) | undefined;
  /**
   * Origins besides `https://*.zoom.us` that `download_url` may name (for a local mock). The token is sent
   * only to `download_url`, never to where its redirects point.
   */
  trustedOrigins?: readonly string[] | undefined;
  /** Most redirects to follow. Default 5. */
  maxRedirects?: number | undefined;
}

/** A download under way: read `body` (once) to receive the file. */
export interface RecordingDownload {
  /** The file's bytes, streamed: nothing is buffered beyond what the reader has not yet taken. */
  readonly body: ReadableStream<Uint8Array>;
  /** The file's size in bytes, or `null` when neither Zoom nor the file host says. */
  readonly size: number | null;
  /** The file host's `Content-Type`, e.g. `video/mp4`. */
  readonly contentType: string | null;
}

/** A download that could not be completed for a reason other than an HTTP error answer. */
export class ZoomDownloadError extends Error {
  override readonly name = "ZoomDownloadError";
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

function describe(url: URL): string {
  // The query of a signed URL is a credential: never in a message.
  return `${url.origin}${url.pathname}`;
}

function checkDownloadUrl(value: string | undefined, trusted: ReadonlySet<string>): URL {
  if (typeof value !== "string" || !URL.canParse(value)) throw new TypeError("downloadRecording: file.download_url must be an absolute URL");
  const url = new URL(value);
  if (url.username !== "" || url.password !== "") throw new TypeError("downloadRecording: file.download_url must not carry credentials");
  if (trusted.has(url.origin)) return url;
  const host = url.hostname.toLowerCase();
  if (url.protocol !== "https:" || (host !== "zoom.us" && !host.endsWith(".zoom.us"))) {
    throw new TypeError(`downloadRecording: file.download_url must be an https URL under zoom.us (or in trustedOrigins), got ${describe(url)}`);
  }
  return url;
}

/**
 * Downloads a cloud recording file, streamed. The access token goes, as `Authorization: Bearer`, to
 * `download_url` only: Zoom answers with a redirect to a signed URL on its file host, which is followed
 * without the token. The answer's body is handed back unread; `onProgress` runs as it is read, and a body that
 * ends before its announced size errors instead of ending quietly.
 *
 * @example
 * ```ts
 * const { data } = await client.GET("/meetings/{meetingId}/recordings", { params: { path: { meetingId } } });
 * const download = await downloadRecording(client, data.recording_files[0]);
 * await pipeline(Readable.fromWeb(download.body), createWriteStream("meeting.mp4"));
 * ```
 * @param client - A client from {@link createZoomClient}: its token, fetch, timeout and signal are used.
 * @param file - The recording file, with its `download_url` (and `file_size`).
 * @param options - `signal`, `onProgress`, `trustedOrigins`, `maxRedirects`.
 * @throws {TypeError} when `client` is not from `createZoomClient` or `download_url` is not a Zoom URL.
 * @throws {ZoomApiError} when Zoom or the file host answers with an error status (401 code 124, 404...).
 * @throws {ZoomNetworkError} when no answer arrives ({@link ZoomTimeoutError} after the client's `timeoutMs`).
 * @throws {ZoomDownloadError} when there are too many redirects, or a redirect has no `Location`.
 */
export async function downloadRecording(client: object, file: RecordingFileRef, options: DownloadRecordingOptions = {}): Promise<RecordingDownload> {
  const context = clientContextOf(client);
  if (file === null || typeof file !== "object") throw new TypeError("downloadRecording: file must be a recording file with a download_url");
  const trusted = new Set<string>();
  for (const origin of options.trustedOrigins ?? []) {
    if (typeof origin !== "string" || !URL.canParse(origin)) throw new TypeError("downloadRecording: options.trustedOrigins must hold origins");
    trusted.add(new URL(origin).origin);
  }
  const maxRedirects = options.maxRedirects ?? 5;
  if (!Number.isInteger(maxRedirects) || maxRedirects < 0) throw new TypeError("downloadRecording: options.maxRedirects must be a whole number >= 0");
  if (options.onProgress !== undefined && typeof options.onProgress !== "function") throw new TypeError("downloadRecording: options.onProgress must be a function");
  const expectedSize = typeof file.file_size === "number" && Number.isSafeInteger(file.file_size) && file.file_size >= 0 ? file.file_size : null;

  const start = checkDownloadUrl(file.download_url, trusted);
  const token = await context.getAccessToken();
  assertUsableToken(token, "getAccessToken");
  const signals = [options.signal, context.signal ?? undefined].filter((signal): signal is AbortSignal => signal !== undefined);
  const signal = signals.length > 0 ? AbortSignal.any(signals) : undefined;

  let url = start;
  let response: Response;
  for (let redirects = 0; ; redirects++) {
    const headers = new Headers();
    // The token goes to download_url itself and nowhere else: the URL a redirect names carries its own
    // signature, and sending the token there, on whatever host, would only spread it.
    if (redirects === 0) headers.set("Authorization", `Bearer ${token}`);
    response = await fetchWithTimeout(context.fetch ?? globalThis.fetch, url, headers, signal, context.timeoutMs);
    if (!REDIRECT_STATUSES.has(response.status)) break;
    const location = response.headers.get("location");
    await discard(response);
    if (location === null) throw new ZoomDownloadError(`downloadRecording: a ${response.status} from ${describe(url)} has no Location`);
    if (redirects >= maxRedirects) throw new ZoomDownloadError(`downloadRecording: more than ${maxRedirects} redirects from ${describe(start)}`);
    const next = new URL(location, url);
    if (next.protocol !== "https:" && !trusted.has(next.origin)) {
      throw new ZoomDownloadError(`downloadRecording: refused a redirect to ${describe(next)}, which is not https`);
    }
    url = next;
  }
  if (!response.ok) throw await readZoomApiError(response, context.clock());
  const announced = Number(response.headers.get("content-length") ?? Number.NaN);
  const size = Number.isSafeInteger(announced) && announced >= 0 ? announced : expectedSize;
  const body = response.body ?? new ReadableStream<Uint8Array>({ start: (controller) => controller.close() });
  return { body: body.pipeThrough(countBytes(size, options.onProgress, describe(url), signal)), size, contentType: response.headers.get("content-type") };
}

async function fetchWithTimeout(
  fetchFunction: typeof fetch,
  url: URL,
  headers: Headers,
  signal: AbortSignal | undefined,
  timeoutMs: number,
): Promise<Response> {
  if (signal?.aborted) throw signal.reason;
  const controller = new AbortController();
  const onAbort = (): void => controller.abort(signal?.reason);
  if (signal?.aborted) onAbort();
  else signal?.addEventListener("abort", onAbort, { once: true });
  let timedOut = false;
  // Only until the answer's headers arrive: a large file may take long to read, and that is not a timeout.
  const timer = Number.isFinite(timeoutMs)
    ? setTimeout(() => {
        timedOut = true;
        controller.abort(new DOMException("timeout", "TimeoutError"));
      }, timeoutMs)
    : undefined;
  try {
    return await fetchFunction(url, { method: "GET", headers, redirect: "manual", signal: controller.signal });
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    const request = { method: "GET", url: describe(url) };
    if (timedOut) throw new ZoomTimeoutError(request, timeoutMs);
    throw new ZoomNetworkError(request, { cause: error });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  }
}

async function discard(response: Response): Promise<void> {
  // Read, not cancelled: cancelling a mocked body never settles under MSW on Node 20.
  try {
    await response.arrayBuffer();
  } catch {
    // The redirect's body does not matter.
  }
}

/**
 * Counts bytes as they pass, reports progress, errors when the body ends short of `size`, and errors at
 * once when `signal` aborts (some fetch stand-ins do not stop a body they already handed over).
 */
function countBytes(
  size: number | null,
  onProgress: DownloadRecordingOptions["onProgress"],
  where: string,
  signal: AbortSignal | undefined,
): TransformStream<Uint8Array, Uint8Array> {
  let receivedBytes = 0;
  let onAbort: (() => void) | null = null;
  const stopListening = (): void => {
    if (onAbort !== null) signal?.removeEventListener("abort", onAbort);
  };
  return new TransformStream<Uint8Array, Uint8Array>({
    start(controller) {
      if (signal === undefined) return;
      onAbort = () => controller.error(signal.reason);
      signal.addEventListener("abort", onAbort, { once: true });
    },
    transform(chunk, controller) {
      if (signal?.aborted) {
        controller.error(signal.reason);
        return;
      }
      receivedBytes += chunk.byteLength;
      controller.enqueue(chunk);
      onProgress?.({ receivedBytes, totalBytes: size });
    },
    flush(controller) {
      stopListening();
      if (size !== null && receivedBytes !== size) {
        controller.error(new ZoomDownloadError(`downloadRecording: ${where} ended after ${receivedBytes} of ${size} bytes`));
      }
    },
  });
}

import { type HttpHandler, HttpResponse, http } from "msw";
import type { ZoomMockState } from "../state.js";
import type { RecordingFileRecord } from "./model/recordings.js";
import type { ZoomMockApi } from "./zoom-mock-api.js";

/**
 * Recording files as Zoom serves them: `GET {download_url}` (`/rec/download/{fileId}`) with the access
 * token as a Bearer header answers 302 to a short-lived signed URL on the file host, which serves the
 * bytes and, like the object stores behind such URLs, refuses a request that also carries an
 * `Authorization` header. The bytes are generated from the file id, in chunks, as they are read: a file of
 * any `file_size` costs no memory.
 */

/** How long a signed file URL works. */
const SIGNED_URL_LIFETIME_MS = 5 * 60 * 1000;
const CHUNK_SIZE = 64 * 1024;

/** Where the mock's file host is: `ssrweb.zoom.us` behind `https://zoom.us`, the same origin on a local server. */
function fileHostOrigin(requestOrigin: string): string {
  return requestOrigin === "https://zoom.us" ? "https://ssrweb.zoom.us" : requestOrigin;
}

/** 64 KiB of bytes that depend on the file id: the repeating pattern of a mock recording file. */
function patternOf(fileId: string): Uint8Array {
  let seed = 2166136261;
  for (const char of fileId) seed = Math.imul(seed ^ char.charCodeAt(0), 16777619) >>> 0;
  const pattern = new Uint8Array(CHUNK_SIZE);
  for (let index = 0; index < pattern.length; index++) {
    // xorshift32: cheap, and no two files share their bytes.
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    pattern[index] = seed & 0xff;
  }
  return pattern;
}

/**
 * The content of a mock recording file: `size` bytes derived from `fileId`, produced chunk by chunk as the
 * stream is read (nothing is held beyond one 64 KiB chunk). Tests compare downloads against it.
 */
export function recordingFileStream(fileId: string, size: number): ReadableStream<Uint8Array> {
  const pattern = patternOf(fileId);
  let sent = 0;
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (sent >= size) {
          controller.close();
          return;
        }
        const length = Math.min(CHUNK_SIZE, size - sent);
        // A fresh copy per chunk: the reader may keep or transfer it.
        controller.enqueue(pattern.slice(0, length));
        sent += length;
      },
    },
    { highWaterMark: 0 },
  );
}

function findFile(api: ZoomMockApi, fileId: string): RecordingFileRecord | undefined {
  for (const recording of api.model.recordings.all()) {
    const file = recording.recording_files.find((candidate) => candidate.id === fileId);
    if (file !== undefined) return file;
  }
  return undefined;
}

function bearerToken(request: Request): string | null {
  const match = /^bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "");
  // Zoom also takes the token as `?access_token=` (older integrations); the header is preferred.
  return match?.[1] ?? new URL(request.url).searchParams.get("access_token");
}

const error = (status: number, code: number, message: string) => HttpResponse.json({ code, message }, { status });

/** The handlers of the download URL and the file host. */
export function createRecordingFileHandlers(state: ZoomMockState, api: ZoomMockApi): HttpHandler[] {
  const signatures = new Map<string, { fileId: string; expiresAt: number }>();
  return [
    http.get("*/rec/download/:fileId", ({ request, params }) => {
      const token = bearerToken(request);
      const verification = token === null ? null : state.verifyAccessToken(token);
      if (verification === null || !verification.ok) return error(401, 124, "Invalid access token.");
      const file = findFile(api, String(params.fileId));
      if (file === undefined) return error(404, 3301, "This recording does not exist.");
      const signature = state.randomString();
      signatures.set(signature, { fileId: file.id, expiresAt: state.now() + SIGNED_URL_LIFETIME_MS });
      const location = new URL(`/rec/files/${encodeURIComponent(file.id)}`, fileHostOrigin(new URL(request.url).origin));
      location.searchParams.set("signature", signature);
      return new HttpResponse(null, { status: 302, headers: { Location: location.href } });
    }),
    http.get("*/rec/files/:fileId", ({ request, params }) => {
      if (request.headers.has("authorization")) {
        return error(400, 400, "Only one auth mechanism allowed: the signed URL, not an Authorization header.");
      }
      const signed = signatures.get(new URL(request.url).searchParams.get("signature") ?? "");
      if (signed === undefined || signed.fileId !== params.fileId || state.now() >= signed.expiresAt) {
        return error(403, 403, "The signed URL is invalid or has expired.");
      }
      const file = findFile(api, signed.fileId);
      if (file === undefined) return error(404, 3301, "This recording does not exist.");
      return new HttpResponse(recordingFileStream(file.id, file.file_size), {
        status: 200,
        headers: {
          "Content-Type": file.file_type === "M4A" ? "audio/mp4" : "video/mp4",
          "Content-Length": String(file.file_size),
          "Content-Disposition": `attachment; filename="${file.id}.${file.file_extension.toLowerCase()}"`,
        },
      });
    }),
  ];
}

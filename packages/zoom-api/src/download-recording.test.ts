import { describe, expect, it } from "vitest";
import { createZoomClient } from "./create-zoom-client.js";
import { downloadRecording, ZoomDownloadError } from "./download-recording.js";
import { ZoomApiError } from "./zoom-api-error.js";

const FILE = { download_url: "https://zoom.us/rec/download/file-1", file_size: 10 };

/** A fake Zoom: the download URL redirects to a file host, which serves `body`. Records what each request carried. */
function fakeZoom(options: { body?: Uint8Array; contentLength?: string | null; status?: number; location?: string } = {}) {
  const seen: Array<{ url: string; authorization: string | null; redirect: RequestRedirect | undefined }> = [];
  const body = options.body ?? new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    seen.push({ url: url.href, authorization: new Headers(init?.headers).get("authorization"), redirect: init?.redirect });
    if (url.hostname === "zoom.us") {
      return new Response(null, { status: 302, headers: { Location: options.location ?? "https://ssrweb.zoom.us/file-1?signature=sig" } });
    }
    const headers = new Headers({ "Content-Type": "video/mp4" });
    if (options.contentLength !== null) headers.set("Content-Length", options.contentLength ?? String(body.byteLength));
    if (options.status !== undefined) return Response.json({ code: 3301, message: "This recording does not exist." }, { status: options.status });
    return new Response(new Blob([body as Uint8Array<ArrayBuffer>]), { headers });
  }) as typeof globalThis.fetch;
  return { seen, client: createZoomClient({ accessToken: "secret-token", fetch }) };
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<number[]> {
  return [...new Uint8Array(await new Response(stream).arrayBuffer())];
}

describe("downloadRecording", () => {
  it("sends the token to the download URL only, and follows the redirect to the file host without it", async () => {
    const { seen, client } = fakeZoom();
    const download = await downloadRecording(client, FILE);
    expect(await readAll(download.body)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(download).toMatchObject({ size: 10, contentType: "video/mp4" });
    expect(seen).toEqual([
      { url: "https://zoom.us/rec/download/file-1", authorization: "Bearer secret-token", redirect: "manual" },
      { url: "https://ssrweb.zoom.us/file-1?signature=sig", authorization: null, redirect: "manual" },
    ]);
  });

  it("reports progress as the body is read", async () => {
    const { client } = fakeZoom();
    const progress: unknown[] = [];
    const download = await downloadRecording(client, FILE, { onProgress: (p) => progress.push(p) });
    expect(progress).toEqual([]);
    await readAll(download.body);
    expect(progress.at(-1)).toEqual({ receivedBytes: 10, totalBytes: 10 });
  });

  it("errors the stream when the body ends short of its size", async () => {
    const { client } = fakeZoom({ body: new Uint8Array(4), contentLength: null });
    const download = await downloadRecording(client, FILE);
    await expect(readAll(download.body)).rejects.toThrow(ZoomDownloadError);
    await expect(readAll((await downloadRecording(client, FILE)).body)).rejects.toThrow("ended after 4 of 10 bytes");
  });

  it("throws ZoomApiError for an error answer", async () => {
    const { client } = fakeZoom({ status: 404 });
    await expect(downloadRecording(client, FILE)).rejects.toMatchObject({ name: "ZoomApiError", status: 404, code: 3301 });
    await expect(downloadRecording(client, FILE)).rejects.toBeInstanceOf(ZoomApiError);
  });

  it("refuses a download URL outside zoom.us, a redirect to http, and endless redirects, never leaking the token", async () => {
    const { client, seen } = fakeZoom();
    await expect(downloadRecording(client, { download_url: "https://evil.example/rec/1" })).rejects.toThrow(/must be an https URL under zoom.us/);
    expect(seen).toEqual([]);
    const downgraded = fakeZoom({ location: "http://ssrweb.zoom.us/file-1" });
    await expect(downloadRecording(downgraded.client, FILE)).rejects.toThrow(/not https/);
    const loop = fakeZoom({ location: "https://zoom.us/rec/download/file-1" });
    const error = await downloadRecording(loop.client, FILE, { maxRedirects: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZoomDownloadError);
    expect(String(error)).not.toContain("secret-token");
    expect(loop.seen).toHaveLength(3);
  });

  it("stops when the signal aborts, with its reason", async () => {
    const { client } = fakeZoom();
    const controller = new AbortController();
    controller.abort(new Error("stopped by the user"));
    await expect(downloadRecording(client, FILE, { signal: controller.signal })).rejects.toThrow("stopped by the user");
  });

  it("needs a client made by createZoomClient", async () => {
    await expect(downloadRecording({}, FILE)).rejects.toThrow("expected a client made by createZoomClient()");
  });
});

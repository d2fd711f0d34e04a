import { createHash } from "node:crypto";
import { createZoomClient, downloadRecording, unwrap } from "@org/zoom-api";
import { recordingFileStream } from "@org/zoom-mock";
import { describe, expect, it } from "vitest";
import { consent, useZoomOAuthMock, zoomClient } from "../oauth/oauth-fixture.js";

// Recording downloads against the mock: list a meeting's recordings with the typed client, then stream a file.

const zoomMock = useZoomOAuthMock();
const zoom = zoomClient();

async function signedInClient() {
  const { code, codeVerifier } = await consent(zoomMock, zoom);
  const tokens = await zoom.validateAuthorizationCode(code, codeVerifier);
  return { tokens, client: createZoomClient({ tokens }) };
}

async function recordedMeeting() {
  const api = zoomMock.api;
  const meeting = api.createMeeting(zoomMock.defaultUser.id, { topic: "Recorded" });
  const past = api.holdMeeting(meeting.id, { cloudRecording: true });
  return past.uuid;
}

async function sha256(stream: ReadableStream<Uint8Array>): Promise<string> {
  const hash = createHash("sha256");
  const reader = stream.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) hash.update(read.value);
  return hash.digest("hex");
}

describe("downloadRecording against the mock", () => {
  it("streams every byte of a recording file listed by the API, through Zoom's redirect to the file host", async () => {
    const { client } = await signedInClient();
    const uuid = await recordedMeeting();
    const recording = await unwrap(client.GET("/meetings/{meetingId}/recordings", { params: { path: { meetingId: uuid } } }));
    const file = recording.recording_files?.find((candidate) => candidate.file_type === "MP4");
    expect(file?.download_url).toMatch(/^https:\/\/zoom\.us\/rec\/download\//);

    const progress: number[] = [];
    const download = await downloadRecording(client, file ?? {}, { onProgress: (p) => progress.push(p.receivedBytes) });
    expect(download.size).toBe(file?.file_size);
    expect(download.contentType).toBe("video/mp4");
    expect(await sha256(download.body)).toBe(await sha256(recordingFileStream(file?.id ?? "", file?.file_size ?? 0)));
    expect(progress.at(-1)).toBe(file?.file_size);
    // Many chunks, not one buffer: progress came as the bytes arrived.
    expect(progress.length).toBeGreaterThan(10);
  });

  it("the file host refuses a request that carries the token, so a client that sends it everywhere fails", async () => {
    const { tokens, client } = await signedInClient();
    const uuid = await recordedMeeting();
    const recording = await unwrap(client.GET("/meetings/{meetingId}/recordings", { params: { path: { meetingId: uuid } } }));
    const authorization = { Authorization: `Bearer ${tokens.accessToken()}` };
    const redirect = await fetch(recording.recording_files?.[0]?.download_url ?? "", { headers: authorization, redirect: "manual" });
    expect(redirect.status).toBe(302);
    const fileHost = new URL(redirect.headers.get("location") ?? "");
    expect(fileHost.origin).toBe("https://ssrweb.zoom.us");
    const leaked = await fetch(fileHost, { headers: authorization });
    expect(leaked.status).toBe(400);
    await leaked.arrayBuffer();
  });

  it("answers Zoom's 401 code 124 to a revoked token, and 404 to an unknown file", async () => {
    const { tokens, client } = await signedInClient();
    await expect(downloadRecording(client, { download_url: "https://zoom.us/rec/download/no-such-file" })).rejects.toMatchObject({
      name: "ZoomApiError",
      status: 404,
    });
    zoomMock.state.revokeAccessToken(tokens.accessToken());
    await expect(downloadRecording(client, { download_url: "https://zoom.us/rec/download/no-such-file" })).rejects.toMatchObject({
      status: 401,
      code: 124,
    });
  });

  it("stops a download under way when the signal aborts", async () => {
    const { client } = await signedInClient();
    const uuid = await recordedMeeting();
    const recording = await unwrap(client.GET("/meetings/{meetingId}/recordings", { params: { path: { meetingId: uuid } } }));
    const controller = new AbortController();
    const download = await downloadRecording(client, recording.recording_files?.[0] ?? {}, {
      signal: controller.signal,
      onProgress: ({ receivedBytes }) => {
        if (receivedBytes > 100_000) controller.abort(new Error("user cancelled"));
      },
    });
    await expect(sha256(download.body)).rejects.toThrow("user cancelled");
  });
});

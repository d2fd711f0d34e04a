// The server side of the recording-download bench, in its own process so that the client's memory is
// measured alone: @org/zoom-mock's real HTTP server with one cloud recording whose MP4 file is
// BENCH_DOWNLOAD_BYTES long (bytes generated as they are read), and an access token to fetch it with.
import { startZoomMockServer } from "@org/zoom-mock/server";

const size = Number(process.env.BENCH_DOWNLOAD_BYTES);
const server = await startZoomMockServer();
const { mock } = server;
const api = mock.api;
const meeting = api.createMeeting(mock.defaultUser.id, { topic: "Benchmark" });
const recording = api.holdMeeting(meeting.id, { cloudRecording: true });
const file = api.model.recordings.resolve(recording.uuid).recording_files[0];
file.file_size = size;
const grant = mock.state.createGrant({
  kind: "authorization_code",
  clientId: mock.defaultApp.clientId,
  userId: mock.defaultUser.id,
  accountId: mock.defaultApp.accountId,
  scopes: mock.defaultApp.scopes,
});
process.send({ url: server.url, token: mock.state.issueAccessToken(grant).token, fileId: file.id, size });
process.on("message", async (message) => {
  if (message === "stop") {
    await server.close();
    process.exit(0);
  }
});

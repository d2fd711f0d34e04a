import { expect, it } from "vitest";
import { describeOperation } from "../describe-operation.js";
import { useTypedClient } from "../typed-operations.js";

/** Archived meeting files through the typed client: the account's archive and one session's. */
const { api, zoom, client } = useTypedClient();

/** Holds a session of a new meeting whose files the account archives. */
function archivedSession(topic: string) {
  const meeting = api.createMeeting(zoom.defaultUser.id, { topic, type: 2, duration: 30, timezone: "America/New_York" });
  return api.holdMeeting(meeting.id, { archive: true, durationMinutes: 20 });
}

describeOperation("listArchivedFiles", () => {
  it("lists archived sessions with their files, a page at a time", async () => {
    const sessions = ["Archive one", "Archive two", "Archive three"].map(archivedSession);
    const first = await client().GET("/archive_files", { params: { query: { page_size: 2 } } });
    expect(first.data).toMatchObject({ page_size: 2, total_records: sessions.length, next_page_token: expect.stringMatching(/.+/) });
    const second = await client().GET("/archive_files", { params: { query: { page_size: 2, next_page_token: first.data?.next_page_token ?? "" } } });
    const topics = [...(first.data?.meetings ?? []), ...(second.data?.meetings ?? [])].map((meeting) => meeting.topic);
    expect(topics).toEqual(["Archive one", "Archive two", "Archive three"]);
    expect(first.data?.meetings?.[0]).toMatchObject({ uuid: sessions[0]?.uuid, duration: 30, duration_in_second: 1200, recording_count: 5, status: "completed", timezone: "America/New_York" });
  });

  it("filters by the session's start or by archive completion, and refuses ranges longer than seven days (400 code 300)", async () => {
    const past = archivedSession("Range check");
    const justAfterStart = new Date(Date.parse(past.start_time) + 60_000).toISOString();
    const byStart = await client().GET("/archive_files", { params: { query: { from: justAfterStart, to: past.end_time } } });
    expect(byStart.data?.meetings?.map((meeting) => meeting.uuid)).not.toContain(past.uuid);
    const byCompletion = await client().GET("/archive_files", { params: { query: { from: justAfterStart, to: past.end_time, query_date_type: "archive_complete_time" } } });
    expect(byCompletion.data?.meetings?.map((meeting) => meeting.uuid)).toContain(past.uuid);
    expect(byCompletion.data).toMatchObject({ from: justAfterStart, to: past.end_time });
    const tooLong = await client().GET("/archive_files", { params: { query: { from: "2026-01-01T00:00:00Z", to: "2026-01-09T00:00:00Z" } } });
    expect([tooLong.response.status, tooLong.error?.code]).toEqual([400, 300]);
  });

  it("keeps only sessions with a participant whose primary group is asked for", async () => {
    const group = api.model.groups.create("Compliance desk");
    api.model.groups.addMembers(group.id, [{ id: zoom.defaultUser.id }]);
    api.model.groups.updateMember(group.id, zoom.defaultUser.id, "set_primary", undefined);
    const past = archivedSession("Grouped");
    const { data } = await client().GET("/archive_files", { params: { query: { group_ids: group.id } } });
    expect(data?.meetings?.map((meeting) => meeting.uuid)).toEqual([past.uuid]);
    expect(data?.meetings?.[0]?.group_id).toBe(group.id);
    api.model.groups.removeMember(group.id, zoom.defaultUser.id);
  });
});

describeOperation("getArchivedFiles", () => {
  it("shows one session's archive: every file completed, with its type, size and the auto-delete flag set through the API", async () => {
    const past = archivedSession("Single archive");
    const meetingUUID = encodeURIComponent(past.uuid);
    const { data } = await client().GET("/past_meetings/{meetingUUID}/archive_files", { params: { path: { meetingUUID } } });
    expect(data).toMatchObject({ uuid: past.uuid, topic: "Single archive", complete_time: past.end_time, is_breakout_room: false, meeting_type: "internal" });
    expect(data?.archive_files?.map((file) => [file.file_extension, file.file_type, file.status])).toEqual([
      ["MP4", "MP4", "completed"],
      ["M4A", "M4A", "completed"],
      ["TXT", "CHAT", "completed"],
      ["JSON", "CHAT_MESSAGE", "completed"],
      ["VTT", "CC", "completed"],
    ]);
    const video = data?.archive_files?.[0];
    expect(video?.file_size).toBeGreaterThan(0);
    await client().PATCH("/archive_files/{fileId}", { params: { path: { fileId: video?.id ?? "" } }, body: { auto_delete: true } });
    const after = await client().GET("/past_meetings/{meetingUUID}/archive_files", { params: { path: { meetingUUID } } });
    expect(after.data?.archive_files?.[0]).toMatchObject({ id: video?.id, auto_delete: true });
  });

  it("keeps the files sent in the session's chat as physical files", async () => {
    const meeting = api.createMeeting(zoom.defaultUser.id, { topic: "Shared files" });
    const past = api.holdMeeting(meeting.id, { archive: true, sharedFiles: [{ name: "agenda.pdf", size: 12_345 }] });
    const { data } = await client().GET("/past_meetings/{meetingUUID}/archive_files", { params: { path: { meetingUUID: encodeURIComponent(past.uuid) } } });
    expect(data?.physical_files).toEqual([{ file_id: expect.any(String), file_name: "agenda.pdf", file_size: 12_345, download_url: expect.stringMatching(/^https:\/\/zoom\.us\//) }]);
    expect(data).not.toHaveProperty("parent_meeting_id");
  });

  it("archives each breakout room as a session of its own that names its parent", async () => {
    const meeting = api.createMeeting(zoom.defaultUser.id, { topic: "Workshop" });
    const past = api.holdMeeting(meeting.id, { archive: true, breakoutRooms: ["Room 1"] });
    const [room] = api.model.archives.breakoutRoomsOf(past.uuid);
    const { data } = await client().GET("/past_meetings/{meetingUUID}/archive_files", { params: { path: { meetingUUID: encodeURIComponent(room ?? "") } } });
    expect(data).toMatchObject({ uuid: room, topic: "Room 1", is_breakout_room: true, parent_meeting_id: past.uuid });
  });

  it("answers 404 code 3001 for a session without an archive, and after its archive is deleted", async () => {
    const past = archivedSession("Deleted archive");
    const meetingUUID = encodeURIComponent(past.uuid);
    await client().DELETE("/past_meetings/{meetingUUID}/archive_files", { params: { path: { meetingUUID } } });
    const { response, error } = await client().GET("/past_meetings/{meetingUUID}/archive_files", { params: { path: { meetingUUID } } });
    expect([response.status, error?.code]).toEqual([404, 3001]);
  });
});

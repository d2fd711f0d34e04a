import { describe, expect, it } from "vitest";
import { modelWithAda } from "./test-support.js";

describe("archived sessions", () => {
  it("shows a session's archive with its files, sized by how long it lasted", () => {
    const { model, ada } = modelWithAda();
    const meeting = model.createMeeting(ada, { topic: "Compliance", type: 2, duration: 45, timezone: "Europe/Paris" });
    const past = model.holdMeeting(meeting.id, { archive: true, durationMinutes: 10 });
    const archive = model.archives.session(encodeURIComponent(past.uuid));
    expect(archive).toMatchObject({
      uuid: past.uuid,
      id: meeting.id,
      topic: "Compliance",
      type: 2,
      timezone: "Europe/Paris",
      duration: 45,
      duration_in_second: 600,
      status: "completed",
      complete_time: past.end_time,
      recording_count: 5,
    });
    expect(archive.archive_files.map((file) => [file.file_type, file.recording_type])).toEqual([
      ["MP4", "shared_screen_with_speaker_view"],
      ["M4A", "audio_only"],
      ["CHAT", "chat_file"],
      ["CHAT_MESSAGE", "chat_message"],
      ["CC", "closed_caption"],
    ]);
    expect(archive.archive_files[0]).toMatchObject({ file_size: 62_500 * 600, participant_join_time: past.start_time, participant_leave_time: past.end_time });
    expect(archive.archive_files[0]?.encryption_fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(archive.total_size).toBe(archive.archive_files.reduce((sum, file) => sum + file.file_size, 0));
    expect(() => model.archives.session("no-such-uuid")).toThrow(expect.objectContaining({ status: 404, code: 3001 }));
  });

  it("lists archives by start or completion time, at most seven days at once, and by participants' primary groups", () => {
    const { model, ada, clock } = modelWithAda();
    const first = model.holdMeeting(model.createMeeting(ada, { topic: "First" }).id, { archive: true, durationMinutes: 60 });
    clock.advance(2 * 24 * 60 * 60 * 1000);
    const group = model.groups.create("Traders");
    model.groups.addMembers(group.id, [{ id: ada.id }]);
    model.groups.updateMember(group.id, ada.id, "set_primary", undefined);
    model.holdMeeting(model.createMeeting(ada, { topic: "Second" }).id, { archive: true });
    const topics = (query: Parameters<typeof model.archives.list>[0]) => model.archives.list(query, {}).meetings.map((meeting) => meeting.topic);
    expect(topics({})).toEqual(["First", "Second"]);
    expect(topics({ from: "2026-11-29T00:00:00Z", to: "2026-12-01T00:00:00Z" })).toEqual(["Second"]);
    // The first session started at 09:00 and its archive completed at 10:00.
    expect(topics({ from: "2026-11-28T09:30:00Z", to: "2026-11-28T12:00:00Z" })).toEqual([]);
    expect(topics({ from: "2026-11-28T09:30:00Z", to: "2026-11-28T12:00:00Z", queryDateType: "archive_complete_time" })).toEqual(["First"]);
    expect(topics({ groupIds: `other,${group.id}` })).toEqual(["Second"]);
    expect(model.archives.session(first.uuid).group_id).toBe("");
    expect(() => model.archives.list({ from: "2026-11-01T00:00:00Z", to: "2026-11-20T00:00:00Z" }, {})).toThrow(expect.objectContaining({ status: 400, code: 300 }));
    const page = model.archives.list({}, { pageSize: 1 });
    expect(page).toMatchObject({ total_records: 2, page_size: 1, next_page_token: expect.stringMatching(/.+/) });
    expect(model.archives.list({}, { pageSize: 1, nextPageToken: page.next_page_token }).meetings.map((meeting) => meeting.topic)).toEqual(["Second"]);
  });
});

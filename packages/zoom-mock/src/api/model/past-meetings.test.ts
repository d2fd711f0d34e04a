import { describe, expect, it } from "vitest";
import { modelWithAda } from "./test-support.js";

describe("past meetings, participants and recordings", () => {
  it("records a held session with its participants, and the meeting gets a fresh UUID", () => {
    const { model, ada } = modelWithAda();
    const meeting = model.meetings.create(ada, { topic: "Weekly" });
    const sessionUuid = meeting.uuid;
    const past = model.holdMeeting(meeting.id, {
      durationMinutes: 40,
      participants: [
        { name: "Ada Lovelace", user_email: ada.email, user_id: ada.id },
        { name: "Guest", joinedAfterMinutes: 10, stayedMinutes: 5 },
      ],
    });
    expect(past.uuid).toBe(sessionUuid);
    expect(meeting.uuid).not.toBe(sessionUuid);
    expect(model.pastMeetings.view(model.pastMeetings.resolve(String(meeting.id)))).toMatchObject({
      uuid: sessionUuid,
      id: meeting.id,
      topic: "Weekly",
      duration: 40,
      participants_count: 2,
      total_minutes: 45,
      user_name: "Ada Lovelace",
      start_time: "2026-11-28T09:20:00Z",
      end_time: "2026-11-28T10:00:00Z",
    });
    const participants = model.pastMeetings.participants(past, { pageSize: 1 });
    expect(participants.total_records).toBe(2);
    expect(participants.participants).toEqual([expect.objectContaining({ name: "Ada Lovelace", duration: 2400, internal_user: true })]);
    const second = model.pastMeetings.participants(past, { pageSize: 1, nextPageToken: participants.next_page_token });
    expect(second.participants).toEqual([expect.objectContaining({ name: "Guest", duration: 300, join_time: "2026-11-28T09:30:00Z" })]);
    expect(second.next_page_token).toBe("");
  });

  it("lists every instance of a meeting and resolves a UUID to its own instance", () => {
    const { model, ada, clock } = modelWithAda();
    const meeting = model.meetings.create(ada, {});
    const first = model.holdMeeting(meeting.id);
    clock.advance(24 * 60 * 60 * 1000);
    const second = model.holdMeeting(meeting.id);
    expect(model.pastMeetings.instances(meeting.id).meetings.map((m) => m.uuid)).toEqual([first.uuid, second.uuid]);
    expect(model.pastMeetings.resolve(first.uuid)).toBe(first);
    expect(model.pastMeetings.resolve(String(meeting.id))).toBe(second);
    expect(() => model.pastMeetings.resolve("12345")).toThrow(expect.objectContaining({ status: 404, code: 3001 }));
  });

  it("ending a live meeting turns the session into a past instance with whoever joined", () => {
    const { model, ada, clock } = modelWithAda();
    const meeting = model.meetings.create(ada, {});
    model.startMeeting(meeting.id, { cloudRecording: true });
    model.joinMeeting(meeting.id, { name: "Guest" });
    clock.advance(15 * 60_000);
    model.meetings.setStatus(meeting.id, "end");
    expect(meeting.status).toBe("waiting");
    const past = model.pastMeetings.resolve(String(meeting.id));
    expect(past).toMatchObject({ duration: 15, participants_count: 2 });
    expect(model.recordings.view(model.recordings.resolve(past.uuid)).recording_count).toBe(2);
  });

  it("lists recordings by date range, trashes and deletes them", () => {
    const { model, ada, clock } = modelWithAda();
    const meeting = model.meetings.create(ada, {});
    model.holdMeeting(meeting.id, { cloudRecording: true });
    const today = model.recordings.listForUser(ada.id, {}, {});
    expect(today).toMatchObject({ from: "2026-11-28", to: "2026-11-28", total_records: 1 });
    expect(today.meetings[0]).toMatchObject({ id: meeting.id, recording_count: 2 });
    expect(today.meetings[0]).not.toHaveProperty("password");
    clock.advance(2 * 24 * 60 * 60 * 1000);
    expect(model.recordings.listForUser(ada.id, {}, {}).total_records).toBe(0);
    expect(model.recordings.listForUser(ada.id, { from: "2026-11-28" }, {}).total_records).toBe(1);
    expect(() => model.recordings.listForUser(ada.id, { from: "2026-09-01" }, {})).toThrow(expect.objectContaining({ code: 300 }));

    const recording = model.recordings.resolve(String(meeting.id));
    model.recordings.delete(recording, "trash");
    expect(() => model.recordings.resolve(String(meeting.id))).toThrow(expect.objectContaining({ status: 404, code: 3301 }));
    expect(model.recordings.listForUser(ada.id, { from: "2026-11-28", trash: true }, {}).total_records).toBe(1);
    model.recordings.delete(recording, "delete");
    expect(model.recordings.listForUser(ada.id, { from: "2026-11-28", trash: true }, {}).total_records).toBe(0);
  });
});

describe("meeting UUIDs in paths", () => {
  it("finds an instance by its UUID given plain, or still encoded once (Zoom's double-encoding rule)", () => {
    const { model, ada } = modelWithAda();
    const meeting = model.meetings.create(ada, {});
    const past = model.holdMeeting(meeting.id, { cloudRecording: true });
    // A base64 UUID always ends in "==", so its encoded form differs from it.
    const encodedOnce = encodeURIComponent(past.uuid);
    expect(encodedOnce).not.toBe(past.uuid);
    expect(model.pastMeetings.resolve(encodedOnce)).toBe(past);
    expect(model.recordings.resolve(encodedOnce).uuid).toBe(past.uuid);
  });
});

describe("single recording files", () => {
  it("trashes one file, recovers it, and deletes one for good", () => {
    const { model, ada } = modelWithAda();
    const meeting = model.meetings.create(ada, {});
    const past = model.holdMeeting(meeting.id, { cloudRecording: true });
    const [video, audio] = model.recordings.resolve(past.uuid).recording_files;
    model.recordings.deleteFile(String(meeting.id), video?.id ?? "");
    expect(model.recordings.view(model.recordings.resolve(past.uuid))).toMatchObject({ recording_count: 1, recording_files: [{ file_type: "M4A" }] });
    const trash = model.recordings.listForUser(ada.id, { trash: true }, {});
    expect(trash.meetings[0]?.recording_files).toEqual([expect.objectContaining({ id: video?.id, deleted_time: "2026-11-28T10:00:00Z" })]);
    expect(() => model.recordings.deleteFile(past.uuid, video?.id ?? "")).toThrow(expect.objectContaining({ code: 3301 }));
    model.recordings.recoverFile(past.uuid, video?.id ?? "");
    expect(model.recordings.view(model.recordings.resolve(past.uuid)).recording_count).toBe(2);
    model.recordings.deleteFile(past.uuid, audio?.id ?? "", "delete");
    model.recordings.deleteFile(past.uuid, video?.id ?? "", "delete");
    expect(() => model.recordings.resolve(past.uuid)).toThrow(expect.objectContaining({ status: 404, code: 3301 }));
    expect(model.recordings.listForUser(ada.id, { trash: true }, {}).total_records).toBe(0);
  });
});

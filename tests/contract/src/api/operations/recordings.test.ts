import { expect } from "vitest";
import { type OperationCase, useOperationTable } from "../operation-table.js";

/** One contract test per operation of specs/zoom-api.yaml about cloud recordings: lists, files, trash and recovery, sharing settings, registrants and transcripts. */
const table = useOperationTable();
const { newMeeting } = table;

const cases: OperationCase[] = [
  {
    operationId: "recordingsList",
    arrange: (world) => {
      world.api.holdMeeting(newMeeting(world).id, { cloudRecording: true });
      return { userId: "me" };
    },
    status: 200,
    check: (body) => expect(body.total_records).toBeGreaterThan(0),
  },
  {
    operationId: "recordingGet",
    arrange: (world) => {
      const meeting = newMeeting(world);
      world.api.holdMeeting(meeting.id, { cloudRecording: true });
      return { meetingId: meeting.id };
    },
    status: 200,
    check: (body) => expect(body).toMatchObject({ recording_count: 2, recording_files: expect.any(Array) }),
  },
  {
    operationId: "recordingGet",
    arrange: (world) => {
      const meeting = newMeeting(world);
      const past = world.api.holdMeeting(meeting.id, { cloudRecording: true });
      world.api.model.recordings.updateSettings(world.api.model.recordings.resolve(past.uuid), { auto_delete: true });
      return { meetingId: meeting.id };
    },
    query: { include_fields: "download_access_token", ttl: "600" },
    status: 200,
    check: (body) =>
      expect(body).toMatchObject({
        auto_delete: true,
        auto_delete_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        download_access_token: expect.stringMatching(/^[\w-]+\.[\w-]+\.$/),
      }),
  },
  {
    operationId: "recordingGet",
    arrange: (world) => {
      const meeting = newMeeting(world);
      world.api.holdMeeting(meeting.id, { cloudRecording: true, audioPerParticipant: true, participants: [{ name: "Ada" }, { name: "Guest", joinedAfterMinutes: 5 }] });
      return { meetingId: meeting.id };
    },
    status: 200,
    check: (body) =>
      expect(body.participant_audio_files).toEqual([
        expect.objectContaining({ file_name: "Audio only - Ada", file_type: "M4A", status: "completed" }),
        expect.objectContaining({ file_name: "Audio only - Guest", file_type: "M4A", status: "completed" }),
      ]),
  },
  {
    operationId: "recordingDelete",
    arrange: (world) => {
      const meeting = newMeeting(world);
      world.api.holdMeeting(meeting.id, { cloudRecording: true });
      return { meetingId: meeting.id };
    },
    query: { action: "trash" },
    status: 204,
    check: (_body, params, world) => expect(() => world.api.model.recordings.resolve(String(params.meetingId))).toThrow(),
  },
  {
    operationId: "recordingDeleteOne",
    arrange: (world) => {
      const meeting = newMeeting(world);
      const past = world.api.holdMeeting(meeting.id, { cloudRecording: true });
      return { meetingId: meeting.id, recordingId: world.api.model.recordings.resolve(past.uuid).recording_files[0]?.id ?? "" };
    },
    query: { action: "trash" },
    status: 204,
    check: (_body, params, world) =>
      expect(world.api.model.recordings.view(world.api.model.recordings.resolve(String(params.meetingId))).recording_count).toBe(1),
  },
  {
    operationId: "recordingStatusUpdateOne",
    arrange: (world) => {
      const meeting = newMeeting(world);
      const past = world.api.holdMeeting(meeting.id, { cloudRecording: true });
      const fileId = world.api.model.recordings.resolve(past.uuid).recording_files[0]?.id ?? "";
      world.api.model.recordings.deleteFile(past.uuid, fileId);
      return { meetingId: meeting.id, recordingId: fileId };
    },
    body: { action: "recover" },
    status: 204,
    check: (_body, params, world) =>
      expect(world.api.model.recordings.view(world.api.model.recordings.resolve(String(params.meetingId))).recording_count).toBe(2),
  },
  {
    operationId: "recordingSettingUpdate",
    arrange: (world) => {
      const meeting = newMeeting(world);
      world.api.holdMeeting(meeting.id, { cloudRecording: true });
      return { meetingId: meeting.id };
    },
    status: 200,
    check: (body) => expect(body).toMatchObject({ share_recording: "publicly", viewer_download: true }),
  },
  {
    operationId: "recordingSettingUpdate",
    arrange: (world) => {
      const meeting = newMeeting(world);
      const past = world.api.holdMeeting(meeting.id, { cloudRecording: true });
      world.api.model.recordings.updateSettings(world.api.model.recordings.resolve(past.uuid), {
        recording_authentication: true,
        authentication_domains: "example.com",
        auto_delete: true,
      });
      return { meetingId: meeting.id };
    },
    status: 200,
    check: (body) =>
      expect(body).toMatchObject({
        recording_authentication: true,
        authentication_option: "signIn_domains",
        authentication_domains: "example.com",
        authentication_name: "Sign in to Zoom with example.com",
        auto_delete_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      }),
  },
  {
    operationId: "recordingSettingsUpdate",
    arrange: (world) => {
      const meeting = newMeeting(world);
      world.api.holdMeeting(meeting.id, { cloudRecording: true });
      return { meetingId: meeting.id };
    },
    body: { share_recording: "internally", viewer_download: false },
    status: 204,
    check: (_body, params, world) =>
      expect(world.api.model.recordings.settingsOf(world.api.model.recordings.resolve(String(params.meetingId)))).toMatchObject({ share_recording: "internally" }),
  },
  {
    operationId: "meetingRecordingRegistrants",
    arrange: (world) => {
      const meeting = newMeeting(world);
      world.api.holdMeeting(meeting.id, { cloudRecording: true });
      const recording = world.api.model.recordings.resolve(String(meeting.id));
      world.api.model.registrants.add(world.api.model.recordingTarget(recording), { email: "viewer@example.com", first_name: "Viewer" });
      return { meetingId: meeting.id };
    },
    status: 200,
    check: (body) => expect(body.registrants).toEqual([expect.objectContaining({ email: "viewer@example.com" })]),
  },
  {
    operationId: "meetingRecordingRegistrantCreate",
    arrange: (world) => {
      const meeting = newMeeting(world);
      world.api.holdMeeting(meeting.id, { cloudRecording: true });
      return { meetingId: meeting.id };
    },
    body: { email: "late.viewer@example.com", first_name: "Late" },
    status: 201,
    check: (body, params) => expect(body).toMatchObject({ id: params.meetingId, registrant_id: expect.any(String), share_url: expect.any(String) }),
  },
  {
    operationId: "meetingRecordingRegistrantStatus",
    arrange: (world) => {
      const meeting = newMeeting(world);
      world.api.holdMeeting(meeting.id, { cloudRecording: true });
      const target = world.api.model.recordingTarget(world.api.model.recordings.resolve(String(meeting.id)));
      const { registrant_id } = world.api.model.registrants.add(target, { email: "nope@example.com", first_name: "Nope" });
      return { meetingId: meeting.id, registrantId: String(registrant_id) };
    },
    body: (params: Record<string, string | number>) => ({ action: "deny", registrants: [{ id: params.registrantId }] }),
    status: 204,
    check: (_body, params, world) => {
      const target = world.api.model.recordingTarget(world.api.model.recordings.resolve(String(params.meetingId)));
      expect(world.api.model.registrants.list(target, "denied", {}).total_records).toBe(1);
    },
  },
  {
    operationId: "recordingRegistrantsQuestionsGet",
    arrange: (world) => {
      const meeting = newMeeting(world);
      world.api.holdMeeting(meeting.id, { cloudRecording: true });
      return { meetingId: meeting.id };
    },
    status: 200,
    check: (body) => expect(body).toEqual({ questions: [], custom_questions: [] }),
  },
  {
    operationId: "recordingRegistrantQuestionUpdate",
    arrange: (world) => {
      const meeting = newMeeting(world);
      world.api.holdMeeting(meeting.id, { cloudRecording: true });
      return { meetingId: meeting.id };
    },
    body: { questions: [{ field_name: "job_title", required: true }] },
    status: 204,
    check: (_body, params, world) => expect(world.api.model.registrationQuestions.get(`recording:${params.meetingId}`).questions).toHaveLength(1),
  },
  {
    operationId: "recordingStatusUpdate",
    arrange: (world) => {
      const meeting = newMeeting(world);
      const past = world.api.holdMeeting(meeting.id, { cloudRecording: true });
      world.api.model.recordings.delete(world.api.model.recordings.resolve(past.uuid), "trash");
      return { meetingUUID: encodeURIComponent(past.uuid) };
    },
    body: { action: "recover" },
    status: 200,
    check: (_body, params, world) =>
      expect(world.api.model.recordings.view(world.api.model.recordings.resolve(String(params.meetingUUID))).recording_count).toBe(2),
  },
  {
    operationId: "GetMeetingTranscript",
    arrange: (world) => {
      const meeting = newMeeting(world);
      world.api.holdMeeting(meeting.id, { cloudRecording: true });
      return { meetingId: meeting.id };
    },
    status: 200,
    check: (body) => expect(body).toMatchObject({ can_download: true, download_url: expect.any(String) }),
  },
  {
    operationId: "GetMeetingTranscript",
    arrange: (world) => {
      const meeting = newMeeting(world);
      const past = world.api.holdMeeting(meeting.id, { cloudRecording: true });
      const recording = world.api.model.recordings.resolve(past.uuid);
      world.api.model.recordings.updateSettings(recording, { auto_delete: true });
      world.api.model.recordings.delete(recording, "trash");
      return { meetingId: meeting.id };
    },
    status: 200,
    check: (body) =>
      expect(body).toMatchObject({ can_download: false, download_restriction_reason: "DELETED_OR_TRASHED", auto_delete: true, auto_delete_date: expect.any(String) }),
  },
  {
    operationId: "DeleteMeetingTranscript",
    arrange: (world) => {
      const meeting = newMeeting(world);
      world.api.holdMeeting(meeting.id, { cloudRecording: true });
      return { meetingId: meeting.id };
    },
    status: 204,
    check: (_body, params, world) => expect(() => world.api.model.recordings.transcript(String(params.meetingId))).toThrow(),
  },
  {
    operationId: "analytics_summary",
    arrange: (world) => {
      const meeting = newMeeting(world);
      world.api.holdMeeting(meeting.id, { cloudRecording: true });
      world.api.model.recordingAnalytics.record(meeting.id, { name: "Viewer", email: "viewer@example.com", duration: 90 });
      return { meetingId: meeting.id };
    },
    status: 200,
    check: (body) => expect(body.analytics_summary).toEqual(expect.arrayContaining([expect.objectContaining({ views_total_count: 1 })])),
  },
  {
    operationId: "analytics_details",
    arrange: (world) => {
      const meeting = newMeeting(world);
      world.api.holdMeeting(meeting.id, { cloudRecording: true });
      world.api.model.recordingAnalytics.record(meeting.id, { name: "Downloader", email: "dl@example.com", kind: "download" });
      return { meetingId: meeting.id };
    },
    query: { type: "by_download" },
    status: 200,
    check: (body) => expect(body.analytics_details).toEqual([expect.objectContaining({ name: "Downloader", email: "dl@example.com" })]),
  },
];

table.run("Cloud recordings: every operation answers as the spec says", cases);

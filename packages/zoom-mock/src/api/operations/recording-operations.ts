import { type ApiOperationGroup, bodyObject, created, noContent, ok, pageOf, pathParam, pathUser, queryBoolean, queryInteger, queryString } from "../api-operation.js";
import type { RegistrantStatus } from "../model/registrants.js";

/** Cloud recordings: list, read, trash, recover and delete (whole or by file); sharing settings, registrants, transcripts. */
export const recordingOperations = {
  recordingsList: (request, model) => {
    const host = pathUser(request, model);
    return ok(
      model.recordings.listForUser(
        host.id,
        {
          from: queryString(request, "from"),
          to: queryString(request, "to"),
          trash: queryBoolean(request, "trash"),
          meetingId: queryInteger(request, "meeting_id"),
        },
        pageOf(request),
      ),
    );
  },

  recordingGet: (request, model) => {
    const fields = queryString(request, "include_fields")?.split(",").map((field) => field.trim()) ?? [];
    return ok(
      model.recordings.view(model.recordings.resolve(pathParam(request, "meetingId")), {
        downloadAccessToken: fields.includes("download_access_token"),
        ttlSeconds: queryInteger(request, "ttl"),
      }),
    );
  },

  recordingDeleteOne: (request, model) => {
    const action = queryString(request, "action") === "delete" ? "delete" : "trash";
    model.recordings.deleteFile(pathParam(request, "meetingId"), pathParam(request, "recordingId"), action);
    return noContent();
  },

  recordingStatusUpdateOne: (request, model) => {
    model.recordings.recoverFile(pathParam(request, "meetingId"), pathParam(request, "recordingId"));
    return noContent();
  },

  // Zoom's operationId for reading the settings says "update"; the spec keeps Zoom's name.
  recordingSettingUpdate: (request, model) =>
    ok(model.recordings.settingsOf(model.recordings.resolve(pathParam(request, "meetingId")))),

  recordingSettingsUpdate: (request, model) => {
    model.recordings.updateSettings(model.recordings.resolve(pathParam(request, "meetingId")), bodyObject(request));
    return noContent();
  },

  recordingStatusUpdate: (request, model) => {
    model.recordings.recoverAll(pathParam(request, "meetingUUID"));
    return { status: 200 };
  },

  meetingRecordingRegistrants: (request, model) => {
    const target = model.recordingTarget(model.recordings.resolve(pathParam(request, "meetingId")));
    return ok(model.registrants.list(target, queryString(request, "status") as RegistrantStatus | undefined, pageOf(request)));
  },

  meetingRecordingRegistrantCreate: (request, model) => {
    const recording = model.recordings.resolve(pathParam(request, "meetingId"));
    const added = model.registrants.add(model.recordingTarget(recording), bodyObject(request));
    return created({ id: recording.id, registrant_id: added.registrant_id, share_url: recording.share_url, topic: recording.topic });
  },

  meetingRecordingRegistrantStatus: (request, model) => {
    const target = model.recordingTarget(model.recordings.resolve(pathParam(request, "meetingId")));
    const body = bodyObject(request);
    model.registrants.setStatus(target, body.action, body.registrants ?? []);
    return noContent();
  },

  recordingRegistrantsQuestionsGet: (request, model) =>
    ok(model.registrationQuestions.get(`recording:${model.recordings.resolve(pathParam(request, "meetingId")).id}`)),

  recordingRegistrantQuestionUpdate: (request, model) => {
    const recording = model.recordings.resolve(pathParam(request, "meetingId"));
    model.registrationQuestions.update(`recording:${recording.id}`, bodyObject(request));
    return noContent();
  },

  GetMeetingTranscript: (request, model) => ok(model.recordings.transcript(pathParam(request, "meetingId"))),

  DeleteMeetingTranscript: (request, model) => {
    model.recordings.deleteTranscript(pathParam(request, "meetingId"));
    return noContent();
  },

  recordingDelete: (request, model) => {
    const action = queryString(request, "action") === "delete" ? "delete" : "trash";
    model.recordings.delete(model.recordings.resolve(pathParam(request, "meetingId")), action);
    return noContent();
  },
} satisfies ApiOperationGroup;

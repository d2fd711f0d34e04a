import { type ApiOperation, bodyObject, callerId, noContent, ok, pageOf, pathParam, queryBoolean, queryInteger, queryString } from "../api-operation.js";

/** Cloud recordings: list a user's, read and delete a meeting's, trash and recover single files. */
export const recordingOperations: Record<string, ApiOperation> = {
  recordingsList: (request, model) => {
    const host = model.users.resolve(pathParam(request, "userId"), callerId(request));
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

  recordingGet: (request, model) => ok(model.recordings.view(model.recordings.resolve(pathParam(request, "meetingId")))),

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
    model.recordings.updateSettings(model.recordings.resolve(pathParam(request, "meetingId")), bodyObject<Record<string, unknown>>(request));
    return noContent();
  },

  recordingDelete: (request, model) => {
    const action = queryString(request, "action") === "delete" ? "delete" : "trash";
    model.recordings.delete(model.recordings.resolve(pathParam(request, "meetingId")), action);
    return noContent();
  },
};

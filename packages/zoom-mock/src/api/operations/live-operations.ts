import { type ApiOperationGroup, bodyObject, created, noContent, ok, pageOf, pathParam, queryString } from "../api-operation.js";

/** Live meetings and webinars (in-meeting controls, RTMS, chat), SIP phones and recording analytics. */
export const liveOperations = {
  inMeetingControl: (request, model) => {
    const meeting = model.meetings.get(pathParam(request, "meetingId"));
    const body = bodyObject(request);
    model.liveEvents.control(`meeting:${meeting.id}`, meeting.status === "started", body.method ?? "", body.params ?? {});
    return { status: 202 };
  },

  meetingRTMSStatusUpdate: (request, model) => {
    const meeting = model.meetings.get(pathParam(request, "meetingId"));
    const body = bodyObject(request);
    model.liveEvents.setRtms(`meeting:${meeting.id}`, body.action ?? "start", body.settings?.client_id ?? request.caller.clientId);
    return noContent();
  },

  updateMeetingChatMessageById: (request, model) => {
    const meeting = model.meetings.get(pathParam(request, "meetingId"));
    model.liveEvents.editChat(`meeting:${meeting.id}`, pathParam(request, "messageId"), bodyObject(request).message_content);
    return noContent();
  },

  deleteMeetingChatMessageById: (request, model) => {
    const meeting = model.meetings.get(pathParam(request, "meetingId"));
    model.liveEvents.deleteChat(`meeting:${meeting.id}`, pathParam(request, "messageId"));
    return noContent();
  },

  deleteWebinarChatMessageById: (request, model) => {
    const webinar = model.webinars.get(pathParam(request, "webinarId"));
    model.liveEvents.deleteChat(`webinar:${webinar.id}`, pathParam(request, "messageId"));
    return noContent();
  },

  ListSIPPhonePhones: (request, model) => ok(model.sipPhones.list(queryString(request, "search_key"), pageOf(request))),

  EnableSIPPhonePhones: (request, model) => created(model.sipPhones.enable(bodyObject(request))),

  UpdateSIPPhonePhones: (request, model) => {
    model.sipPhones.update(pathParam(request, "phoneId"), bodyObject(request));
    return noContent();
  },

  deleteSIPPhonePhones: (request, model) => {
    model.sipPhones.delete(pathParam(request, "phoneId"));
    return noContent();
  },

  analytics_summary: (request, model) => {
    const recording = model.recordings.resolve(pathParam(request, "meetingId"));
    return ok(model.recordingAnalytics.summary(recording.id, { from: queryString(request, "from"), to: queryString(request, "to") }));
  },

  analytics_details: (request, model) => {
    const recording = model.recordings.resolve(pathParam(request, "meetingId"));
    const range = { from: queryString(request, "from"), to: queryString(request, "to") };
    return ok(model.recordingAnalytics.details(recording.id, range, queryString(request, "type"), pageOf(request)));
  },
} satisfies ApiOperationGroup;

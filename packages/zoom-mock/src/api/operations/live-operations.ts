import { type ApiOperation, bodyObject, created, noContent, ok, pageOf, pathParam, queryString } from "../api-operation.js";
import type { SipPhoneInput } from "../model/sip-phones.js";

/** Live meetings and webinars (in-meeting controls, RTMS, chat), SIP phones and recording analytics. */
export const liveOperations: Record<string, ApiOperation> = {
  inMeetingControl: (request, model) => {
    const meeting = model.meetings.get(pathParam(request, "meetingId"));
    const body = bodyObject<{ method?: string; params?: Record<string, unknown> }>(request);
    model.liveEvents.control(`meeting:${meeting.id}`, meeting.status === "started", body.method ?? "", body.params ?? {});
    return { status: 202 };
  },

  meetingRTMSStatusUpdate: (request, model) => {
    const meeting = model.meetings.get(pathParam(request, "meetingId"));
    const body = bodyObject<{ action?: string; settings?: { client_id?: string } }>(request);
    model.liveEvents.setRtms(`meeting:${meeting.id}`, body.action ?? "start", body.settings?.client_id ?? request.caller.clientId);
    return noContent();
  },

  updateMeetingChatMessageById: (request, model) => {
    const meeting = model.meetings.get(pathParam(request, "meetingId"));
    model.liveEvents.editChat(`meeting:${meeting.id}`, pathParam(request, "messageId"), bodyObject<{ message_content: string }>(request).message_content);
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

  EnableSIPPhonePhones: (request, model) => created(model.sipPhones.enable(bodyObject<SipPhoneInput>(request))),

  UpdateSIPPhonePhones: (request, model) => {
    model.sipPhones.update(pathParam(request, "phoneId"), bodyObject<SipPhoneInput>(request));
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
};

import { type ApiOperation, bodyObject, callerId, created, noContent, ok, pageOf, pathParam, queryBoolean, queryString } from "../api-operation.js";
import { type BatchRegistrantsInput, displayName } from "../model/api-model.js";
import type { MeetingCreateInput, MeetingListType, MeetingUpdateInput } from "../model/meetings.js";
import type { LiveStreamSettings, LiveStreamStatusInput } from "../model/live-streams.js";
import type { PollInput } from "../model/polls.js";
import type { RegistrationQuestionsInput } from "../model/registration-questions.js";
import type { RegistrantAction, RegistrantInput, RegistrantStatus } from "../model/registrants.js";

/** Meetings: schedule, read, list, update, delete, status, invitation, registrants and their questions, polls, live streams, past instances. */
export const meetingOperations: Record<string, ApiOperation> = {
  meetingCreate: (request, model) => {
    const host = model.users.resolve(pathParam(request, "userId"), callerId(request));
    return created(model.meetings.view(model.createMeeting(host, bodyObject<MeetingCreateInput>(request))));
  },

  meetings: (request, model) => {
    const host = model.users.resolve(pathParam(request, "userId"), callerId(request));
    return ok(model.meetings.list(host.id, queryString(request, "type") as MeetingListType | undefined, pageOf(request)));
  },

  listUpcomingMeeting: (request, model) => {
    const host = model.users.resolve(pathParam(request, "userId"), callerId(request));
    return ok(model.meetings.upcoming(host.id));
  },

  meeting: (request, model) => ok(model.meetings.view(model.meetings.get(pathParam(request, "meetingId")))),

  meetingUpdate: (request, model) => {
    model.meetings.update(model.meetings.get(pathParam(request, "meetingId")), bodyObject<MeetingUpdateInput>(request));
    return noContent();
  },

  meetingDelete: (request, model) => {
    model.deleteMeeting(model.meetings.get(pathParam(request, "meetingId")));
    return noContent();
  },

  meetingStatus: (request, model) => {
    const { action } = bodyObject<{ action?: "end" | "recover" }>(request);
    model.meetings.setStatus(pathParam(request, "meetingId"), action ?? "end");
    return noContent();
  },

  meetingInvitation: (request, model) => {
    const meeting = model.meetings.get(pathParam(request, "meetingId"));
    const host = model.users.resolve(meeting.host_id, callerId(request));
    return ok(model.meetings.invitation(meeting, displayName(host)));
  },

  meetingRegistrants: (request, model) => {
    const meeting = model.meetings.get(pathParam(request, "meetingId"));
    const status = queryString(request, "status") as RegistrantStatus | undefined;
    return ok(model.registrants.list(model.meetingTarget(meeting), status, pageOf(request)));
  },

  meetingRegistrantCreate: (request, model) => {
    const meeting = model.meetings.get(pathParam(request, "meetingId"));
    return created(model.registrants.add(model.meetingTarget(meeting), bodyObject<RegistrantInput>(request)));
  },

  meetingRegistrantStatus: (request, model) => {
    const meeting = model.meetings.get(pathParam(request, "meetingId"));
    const body = bodyObject<{ action: RegistrantAction; registrants?: { id?: string; email?: string }[] }>(request);
    model.registrants.setStatus(model.meetingTarget(meeting), body.action, body.registrants ?? []);
    return noContent();
  },

  meetingRegistrantGet: (request, model) => {
    const meeting = model.meetings.get(pathParam(request, "meetingId"));
    return ok(model.registrants.get(model.meetingTarget(meeting), pathParam(request, "registrantId")));
  },

  meetingregistrantdelete: (request, model) => {
    const meeting = model.meetings.get(pathParam(request, "meetingId"));
    model.registrants.remove(model.meetingTarget(meeting), pathParam(request, "registrantId"));
    return noContent();
  },

  meetingPolls: (request, model) =>
    ok(model.polls.list(model.meetings.get(pathParam(request, "meetingId")), queryBoolean(request, "anonymous"))),

  meetingPollCreate: (request, model) =>
    created(model.polls.create(model.meetings.get(pathParam(request, "meetingId")), bodyObject<PollInput>(request))),

  meetingPollGet: (request, model) =>
    ok(model.polls.get(model.meetings.get(pathParam(request, "meetingId")), pathParam(request, "pollId"))),

  meetingPollUpdate: (request, model) => {
    model.polls.replace(model.meetings.get(pathParam(request, "meetingId")), pathParam(request, "pollId"), bodyObject<PollInput>(request));
    return noContent();
  },

  meetingPollDelete: (request, model) => {
    model.polls.delete(model.meetings.get(pathParam(request, "meetingId")), pathParam(request, "pollId"));
    return noContent();
  },

  getMeetingLiveStreamDetails: (request, model) =>
    ok(model.liveStreams.get(`meeting:${model.meetings.get(pathParam(request, "meetingId")).id}`)),

  meetingLiveStreamUpdate: (request, model) => {
    const meeting = model.meetings.get(pathParam(request, "meetingId"));
    model.liveStreams.update(`meeting:${meeting.id}`, bodyObject<LiveStreamSettings>(request));
    return noContent();
  },

  meetingLiveStreamStatusUpdate: (request, model) => {
    const meeting = model.meetings.get(pathParam(request, "meetingId"));
    model.liveStreams.setStatus(`meeting:${meeting.id}`, bodyObject<LiveStreamStatusInput>(request));
    return noContent();
  },

  meetingRegistrantsQuestionsGet: (request, model) =>
    ok(model.registrationQuestions.get(`meeting:${model.meetings.get(pathParam(request, "meetingId")).id}`)),

  meetingRegistrantQuestionUpdate: (request, model) => {
    const meeting = model.meetings.get(pathParam(request, "meetingId"));
    model.registrationQuestions.update(`meeting:${meeting.id}`, bodyObject<RegistrationQuestionsInput>(request));
    return noContent();
  },

  meetingSurveyGet: (request, model) => ok(model.surveys.get(`meeting:${model.meetings.get(pathParam(request, "meetingId")).id}`)),

  meetingSurveyUpdate: (request, model) => {
    const meeting = model.meetings.get(pathParam(request, "meetingId"));
    model.surveys.update(`meeting:${meeting.id}`, bodyObject<Record<string, unknown>>(request));
    return noContent();
  },

  meetingSurveyDelete: (request, model) => {
    model.surveys.delete(`meeting:${model.meetings.get(pathParam(request, "meetingId")).id}`);
    return noContent();
  },

  listPastMeetingPolls: (request, model) => ok(model.pastMeetings.pollResults(model.pastMeetings.resolve(pathParam(request, "meetingId")))),

  meetingToken: (request, model) => ok(model.eventTokens.closedCaptionToken(model.meetings.get(pathParam(request, "meetingId")).id)),

  meetingLocalRecordingJoinToken: (request, model) => {
    model.meetings.get(pathParam(request, "meetingId"));
    return ok(model.eventTokens.joinToken("local_recording"));
  },

  meetingLiveStreamingJoinToken: (request, model) => {
    model.meetings.get(pathParam(request, "meetingId"));
    return ok(model.eventTokens.joinToken("live_streaming"));
  },

  meetingLocalArchivingArchiveToken: (request, model) => {
    model.meetings.get(pathParam(request, "meetingId"));
    return ok(model.eventTokens.joinToken("local_archiving"));
  },

  meetingInviteLinksCreate: (request, model) => {
    const meeting = model.meetings.get(pathParam(request, "meetingId"));
    return created(model.eventTokens.inviteLinks(meeting.join_url, bodyObject<{ attendees?: { name: string }[] }>(request).attendees ?? []));
  },

  addBatchRegistrants: (request, model) =>
    created(model.addMeetingRegistrants(model.meetings.get(pathParam(request, "meetingId")), bodyObject<BatchRegistrantsInput>(request))),

  listPastMeetingQA: (request, model) =>
    ok(model.pastMeetings.questionsAndAnswers(model.pastMeetings.resolve(pathParam(request, "meetingId")))),

  Listmeetingsummaries: (request, model) => {
    const from = queryString(request, "from");
    const to = queryString(request, "to");
    const page = model.listSummaries(
      { ...(from === undefined ? {} : { from: Date.parse(from) }), ...(to === undefined ? {} : { to: Date.parse(to) }) },
      pageOf(request),
    );
    return ok({ ...page, ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) });
  },

  Getameetingsummary: (request, model) => ok(model.summaryOf(pathParam(request, "meetingId"))),

  Deletemeetingorwebinarsummary: (request, model) => {
    model.pastMeetings.deleteSummary(model.pastMeetings.withSummary(pathParam(request, "meetingId")));
    return noContent();
  },

  getSipDialingWithPasscode: (request, model) => {
    const meeting = model.meetings.get(pathParam(request, "meetingId"));
    return ok(model.eventTokens.sipDialing(meeting.id, bodyObject<{ passcode?: string }>(request).passcode));
  },

  createBatchPolls: (request, model) =>
    created(model.polls.createMany(model.meetings.get(pathParam(request, "meetingId")), bodyObject<{ polls?: PollInput[] }>(request).polls ?? [])),

  meetingAppAdd: (request, model) => created(model.openApps.add(model.meetings.get(pathParam(request, "meetingId")), request.caller.clientId)),

  meetingAppDelete: (request, model) => {
    model.openApps.remove(model.meetings.get(pathParam(request, "meetingId")), request.caller.clientId);
    return noContent();
  },

  pastMeetingDetails: (request, model) => ok(model.pastMeetings.view(model.pastMeetings.resolve(pathParam(request, "meetingId")))),

  pastMeetingParticipants: (request, model) =>
    ok(model.pastMeetings.participants(model.pastMeetings.resolve(pathParam(request, "meetingId")), pageOf(request))),

  pastMeetings: (request, model) => {
    const meetingId = pathParam(request, "meetingId");
    // Zoom knows the instances of meetings that still exist or have ended sessions; anything else is unknown.
    if (model.meetings.find(meetingId) === undefined && model.pastMeetings.instancesOf(meetingId).length === 0) {
      model.meetings.get(meetingId);
    }
    return ok(model.pastMeetings.instances(meetingId));
  },
};

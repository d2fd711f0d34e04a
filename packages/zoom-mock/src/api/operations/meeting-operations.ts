import { type ApiOperationGroup, bodyObject, callerId, created, noContent, ok, pageOf, pathParam, pathUser, queryBoolean, queryString } from "../api-operation.js";
import { displayName } from "../model/api-model.js";
import type { MeetingListType } from "../model/meetings.js";
import { scheduledSessionOperations } from "./scheduled-session-operations.js";

/** The operations meetings share with webinars. */
const meetingSession = scheduledSessionOperations({
  name: "meeting",
  idParam: "meetingId",
  get: (model, id) => model.meetings.get(id),
  registrationTarget: (model, meeting) => model.meetingTarget(meeting),
  polls: (model) => model.polls,
});

/** Meetings: schedule, read, list, update, delete, status, invitation, registrants and their questions, polls, live streams, past instances. */
export const meetingOperations = {
  meetingCreate: (request, model) => {
    const host = pathUser(request, model);
    return created(model.meetings.view(model.createMeeting(host, bodyObject(request))));
  },

  meetings: (request, model) => {
    const host = pathUser(request, model);
    return ok(model.meetings.list(host.id, queryString(request, "type") as MeetingListType | undefined, pageOf(request)));
  },

  listUpcomingMeeting: (request, model) => {
    const host = pathUser(request, model);
    return ok(model.meetings.upcoming(host.id));
  },

  meeting: (request, model) =>
    ok(
      model.meetings.view(model.meetings.get(pathParam(request, "meetingId")), {
        occurrenceId: queryString(request, "occurrence_id"),
        includePast: queryBoolean(request, "show_previous_occurrences"),
      }),
    ),

  meetingUpdate: (request, model) => {
    model.meetings.update(model.meetings.get(pathParam(request, "meetingId")), bodyObject(request), queryString(request, "occurrence_id"));
    return noContent();
  },

  meetingDelete: (request, model) => {
    const meeting = model.meetings.get(pathParam(request, "meetingId"));
    const occurrenceId = queryString(request, "occurrence_id");
    if (occurrenceId === undefined) model.deleteMeeting(meeting);
    else model.meetings.delete(meeting, occurrenceId);
    return noContent();
  },

  meetingStatus: (request, model) => {
    const { action } = bodyObject(request);
    model.meetings.setStatus(pathParam(request, "meetingId"), action ?? "end");
    return noContent();
  },

  meetingInvitation: (request, model) => {
    const meeting = model.meetings.get(pathParam(request, "meetingId"));
    const host = model.users.resolve(meeting.host_id, callerId(request));
    return ok(model.meetings.invitation(meeting, displayName(host)));
  },

  meetingRegistrants: meetingSession.registrants,

  meetingRegistrantCreate: meetingSession.registrantCreate,

  meetingRegistrantStatus: meetingSession.registrantStatus,

  meetingRegistrantGet: meetingSession.registrantGet,

  meetingregistrantdelete: meetingSession.registrantDelete,

  meetingPolls: meetingSession.polls,

  meetingPollCreate: meetingSession.pollCreate,

  meetingPollGet: meetingSession.pollGet,

  meetingPollUpdate: meetingSession.pollUpdate,

  meetingPollDelete: meetingSession.pollDelete,

  getMeetingLiveStreamDetails: meetingSession.liveStream,

  meetingLiveStreamUpdate: meetingSession.liveStreamUpdate,

  meetingLiveStreamStatusUpdate: meetingSession.liveStreamStatusUpdate,

  meetingRegistrantsQuestionsGet: meetingSession.registrationQuestions,

  meetingRegistrantQuestionUpdate: meetingSession.registrationQuestionsUpdate,

  meetingSurveyGet: meetingSession.survey,

  meetingSurveyUpdate: meetingSession.surveyUpdate,

  meetingSurveyDelete: meetingSession.surveyDelete,

  listPastMeetingPolls: (request, model) => ok(model.pastMeetings.pollResults(model.pastMeetings.resolve(pathParam(request, "meetingId")))),

  meetingToken: meetingSession.closedCaptionToken,

  meetingLocalRecordingJoinToken: meetingSession.localRecordingJoinToken,

  meetingLiveStreamingJoinToken: meetingSession.liveStreamingJoinToken,

  meetingLocalArchivingArchiveToken: meetingSession.localArchivingArchiveToken,

  meetingInviteLinksCreate: meetingSession.inviteLinksCreate,

  addBatchRegistrants: (request, model) =>
    created(model.addMeetingRegistrants(model.meetings.get(pathParam(request, "meetingId")), bodyObject(request))),

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
    return ok(model.eventTokens.sipDialing(meeting.id, bodyObject(request).passcode));
  },

  createBatchPolls: (request, model) =>
    created(model.polls.createMany(model.meetings.get(pathParam(request, "meetingId")), bodyObject(request).polls ?? [])),

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
} satisfies ApiOperationGroup;

import { type ApiOperationGroup, bodyObject, created, noContent, ok, pageOf, pathParam, pathUser, queryBoolean, queryString } from "../api-operation.js";
import { scheduledSessionOperations } from "./scheduled-session-operations.js";

/** The operations webinars share with meetings. */
const webinarSession = scheduledSessionOperations({
  name: "webinar",
  idParam: "webinarId",
  get: (model, id) => model.webinars.get(id),
  registrationTarget: (model, webinar) => model.webinarTarget(webinar),
  polls: (model) => model.webinarPolls,
});

/** Webinars: registrants and their questions, panelists, polls, live streams, past sessions. */
export const webinarOperations = {
  webinarCreate: (request, model) => {
    const host = pathUser(request, model);
    return created(model.webinars.view(model.createWebinar(host, bodyObject(request))));
  },

  webinars: (request, model) => {
    const host = pathUser(request, model);
    return ok(model.webinars.list(host.id, queryString(request, "type") as "scheduled" | "upcoming" | undefined, pageOf(request)));
  },

  webinar: (request, model) =>
    ok(
      model.webinars.view(model.webinars.get(pathParam(request, "webinarId")), {
        occurrenceId: queryString(request, "occurrence_id"),
        includePast: queryBoolean(request, "show_previous_occurrences"),
      }),
    ),

  webinarUpdate: (request, model) => {
    model.webinars.update(model.webinars.get(pathParam(request, "webinarId")), bodyObject(request), queryString(request, "occurrence_id"));
    return noContent();
  },

  webinarDelete: (request, model) => {
    const webinar = model.webinars.get(pathParam(request, "webinarId"));
    const occurrenceId = queryString(request, "occurrence_id");
    if (occurrenceId === undefined) model.deleteWebinar(webinar);
    else model.webinars.delete(webinar, occurrenceId);
    return noContent();
  },

  webinarRegistrants: webinarSession.registrants,

  webinarRegistrantGet: webinarSession.registrantGet,

  deleteWebinarRegistrant: webinarSession.registrantDelete,

  webinarRegistrantStatus: webinarSession.registrantStatus,

  webinarStatus: (request, model) => {
    model.webinars.end(model.webinars.get(pathParam(request, "webinarId")));
    return { status: 200 };
  },

  webinarPanelists: (request, model) => ok(model.panelists.list(model.webinars.get(pathParam(request, "webinarId")))),

  webinarPanelistCreate: (request, model) => {
    const webinar = model.webinars.get(pathParam(request, "webinarId"));
    return created(model.panelists.add(webinar, bodyObject(request).panelists ?? []));
  },

  webinarPanelistsDelete: (request, model) => {
    model.panelists.removeAll(model.webinars.get(pathParam(request, "webinarId")));
    return noContent();
  },

  webinarPanelistDelete: (request, model) => {
    model.panelists.remove(model.webinars.get(pathParam(request, "webinarId")), pathParam(request, "panelistId"));
    return noContent();
  },

  webinarPolls: webinarSession.polls,

  webinarPollCreate: webinarSession.pollCreate,

  webinarPollGet: webinarSession.pollGet,

  webinarPollUpdate: webinarSession.pollUpdate,

  webinarPollDelete: webinarSession.pollDelete,

  getWebinarLiveStreamDetails: webinarSession.liveStream,

  webinarLiveStreamUpdate: webinarSession.liveStreamUpdate,

  webinarLiveStreamStatusUpdate: webinarSession.liveStreamStatusUpdate,

  webinarRegistrantsQuestionsGet: webinarSession.registrationQuestions,

  webinarRegistrantQuestionUpdate: webinarSession.registrationQuestionsUpdate,

  pastWebinars: (request, model) => {
    const webinarId = pathParam(request, "webinarId");
    // Instances are known for webinars that still exist or have ended sessions; anything else is unknown.
    if (model.webinars.find(webinarId) === undefined && model.pastWebinars.instancesOf(webinarId).length === 0) {
      model.webinars.get(webinarId);
    }
    return ok({ webinars: model.pastWebinars.instances(webinarId).meetings });
  },

  listWebinarParticipants: (request, model) =>
    ok(model.pastWebinars.participants(model.pastWebinars.resolve(pathParam(request, "webinarId")), pageOf(request))),

  webinarSurveyGet: webinarSession.survey,

  webinarSurveyUpdate: webinarSession.surveyUpdate,

  webinarSurveyDelete: webinarSession.surveyDelete,

  listPastWebinarPollResults: (request, model) =>
    ok(model.pastWebinars.pollResults(model.pastWebinars.resolve(pathParam(request, "webinarId")))),

  listPastWebinarQA: (request, model) =>
    ok(model.pastWebinars.questionsAndAnswers(model.pastWebinars.resolve(pathParam(request, "webinarId")))),

  webinarAbsentees: (request, model) => ok(model.webinarAbsentees(pathParam(request, "webinarId"), pageOf(request))),

  webinarToken: webinarSession.closedCaptionToken,

  webinarLocalRecordingJoinToken: webinarSession.localRecordingJoinToken,

  webinarLiveStreamingJoinToken: webinarSession.liveStreamingJoinToken,

  webinarLocalArchivingArchiveToken: webinarSession.localArchivingArchiveToken,

  webinarInviteLinksCreate: webinarSession.inviteLinksCreate,

  addBatchWebinarRegistrants: (request, model) =>
    created(model.addWebinarRegistrants(model.webinars.get(pathParam(request, "webinarId")), bodyObject(request))),

  getTrackingSources: (request, model) => ok(model.trackingSources.list(model.webinars.get(pathParam(request, "webinarId")))),

  // Zoom answers 201 here (200 for the meeting one).
  getWebinarSipDialingWithPasscode: (request, model) => {
    const webinar = model.webinars.get(pathParam(request, "webinarId"));
    return created(model.eventTokens.sipDialing(webinar.id, bodyObject(request).passcode));
  },

  webinarRegistrantCreate: webinarSession.registrantCreate,
} satisfies ApiOperationGroup;

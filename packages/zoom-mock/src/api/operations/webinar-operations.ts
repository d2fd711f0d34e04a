import { type ApiOperation, bodyObject, callerId, created, noContent, ok, pageOf, pathParam, queryBoolean, queryString } from "../api-operation.js";
import type { BatchRegistrantsInput } from "../model/api-model.js";
import type { LiveStreamSettings, LiveStreamStatusInput } from "../model/live-streams.js";
import type { PanelistInput } from "../model/panelists.js";
import type { PollInput } from "../model/polls.js";
import type { RegistrationQuestionsInput } from "../model/registration-questions.js";
import type { RegistrantAction, RegistrantInput, RegistrantStatus } from "../model/registrants.js";
import type { WebinarCreateInput } from "../model/webinars.js";

/** Webinars: registrants and their questions, panelists, polls, live streams, past sessions. */
export const webinarOperations: Record<string, ApiOperation> = {
  webinarCreate: (request, model) => {
    const host = model.users.resolve(pathParam(request, "userId"), callerId(request));
    return created(model.webinars.view(model.webinars.create(host, bodyObject<WebinarCreateInput>(request))));
  },

  webinars: (request, model) => {
    const host = model.users.resolve(pathParam(request, "userId"), callerId(request));
    return ok(model.webinars.list(host.id, queryString(request, "type") as "scheduled" | "upcoming" | undefined, pageOf(request)));
  },

  webinar: (request, model) => ok(model.webinars.view(model.webinars.get(pathParam(request, "webinarId")))),

  webinarUpdate: (request, model) => {
    model.webinars.update(model.webinars.get(pathParam(request, "webinarId")), bodyObject<WebinarCreateInput>(request));
    return noContent();
  },

  webinarDelete: (request, model) => {
    model.deleteWebinar(model.webinars.get(pathParam(request, "webinarId")));
    return noContent();
  },

  webinarRegistrants: (request, model) => {
    const webinar = model.webinars.get(pathParam(request, "webinarId"));
    const status = queryString(request, "status") as RegistrantStatus | undefined;
    return ok(model.registrants.list(model.webinarTarget(webinar), status, pageOf(request)));
  },

  webinarRegistrantGet: (request, model) => {
    const webinar = model.webinars.get(pathParam(request, "webinarId"));
    return ok(model.registrants.get(model.webinarTarget(webinar), pathParam(request, "registrantId")));
  },

  deleteWebinarRegistrant: (request, model) => {
    const webinar = model.webinars.get(pathParam(request, "webinarId"));
    model.registrants.remove(model.webinarTarget(webinar), pathParam(request, "registrantId"));
    return noContent();
  },

  webinarRegistrantStatus: (request, model) => {
    const webinar = model.webinars.get(pathParam(request, "webinarId"));
    const body = bodyObject<{ action: RegistrantAction; registrants?: { id?: string; email?: string }[] }>(request);
    model.registrants.setStatus(model.webinarTarget(webinar), body.action, body.registrants ?? []);
    return noContent();
  },

  webinarStatus: (request, model) => {
    model.webinars.end(model.webinars.get(pathParam(request, "webinarId")));
    return { status: 200 };
  },

  webinarPanelists: (request, model) => ok(model.panelists.list(model.webinars.get(pathParam(request, "webinarId")))),

  webinarPanelistCreate: (request, model) => {
    const webinar = model.webinars.get(pathParam(request, "webinarId"));
    return created(model.panelists.add(webinar, bodyObject<{ panelists?: PanelistInput[] }>(request).panelists ?? []));
  },

  webinarPanelistsDelete: (request, model) => {
    model.panelists.removeAll(model.webinars.get(pathParam(request, "webinarId")));
    return noContent();
  },

  webinarPanelistDelete: (request, model) => {
    model.panelists.remove(model.webinars.get(pathParam(request, "webinarId")), pathParam(request, "panelistId"));
    return noContent();
  },

  webinarPolls: (request, model) =>
    ok(model.webinarPolls.list(model.webinars.get(pathParam(request, "webinarId")), queryBoolean(request, "anonymous"))),

  webinarPollCreate: (request, model) =>
    created(model.webinarPolls.create(model.webinars.get(pathParam(request, "webinarId")), bodyObject<PollInput>(request))),

  webinarPollGet: (request, model) =>
    ok(model.webinarPolls.get(model.webinars.get(pathParam(request, "webinarId")), pathParam(request, "pollId"))),

  webinarPollUpdate: (request, model) => {
    model.webinarPolls.replace(model.webinars.get(pathParam(request, "webinarId")), pathParam(request, "pollId"), bodyObject<PollInput>(request));
    return noContent();
  },

  webinarPollDelete: (request, model) => {
    model.webinarPolls.delete(model.webinars.get(pathParam(request, "webinarId")), pathParam(request, "pollId"));
    return noContent();
  },

  getWebinarLiveStreamDetails: (request, model) =>
    ok(model.liveStreams.get(`webinar:${model.webinars.get(pathParam(request, "webinarId")).id}`)),

  webinarLiveStreamUpdate: (request, model) => {
    const webinar = model.webinars.get(pathParam(request, "webinarId"));
    model.liveStreams.update(`webinar:${webinar.id}`, bodyObject<LiveStreamSettings>(request));
    return noContent();
  },

  webinarLiveStreamStatusUpdate: (request, model) => {
    const webinar = model.webinars.get(pathParam(request, "webinarId"));
    model.liveStreams.setStatus(`webinar:${webinar.id}`, bodyObject<LiveStreamStatusInput>(request));
    return noContent();
  },

  webinarRegistrantsQuestionsGet: (request, model) =>
    ok(model.registrationQuestions.get(`webinar:${model.webinars.get(pathParam(request, "webinarId")).id}`)),

  webinarRegistrantQuestionUpdate: (request, model) => {
    const webinar = model.webinars.get(pathParam(request, "webinarId"));
    model.registrationQuestions.update(`webinar:${webinar.id}`, bodyObject<RegistrationQuestionsInput>(request));
    return noContent();
  },

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

  webinarSurveyGet: (request, model) => ok(model.surveys.get(`webinar:${model.webinars.get(pathParam(request, "webinarId")).id}`)),

  webinarSurveyUpdate: (request, model) => {
    const webinar = model.webinars.get(pathParam(request, "webinarId"));
    model.surveys.update(`webinar:${webinar.id}`, bodyObject<Record<string, unknown>>(request));
    return noContent();
  },

  webinarSurveyDelete: (request, model) => {
    model.surveys.delete(`webinar:${model.webinars.get(pathParam(request, "webinarId")).id}`);
    return noContent();
  },

  listPastWebinarPollResults: (request, model) =>
    ok(model.pastWebinars.pollResults(model.pastWebinars.resolve(pathParam(request, "webinarId")))),

  listPastWebinarQA: (request, model) =>
    ok(model.pastWebinars.questionsAndAnswers(model.pastWebinars.resolve(pathParam(request, "webinarId")))),

  webinarAbsentees: (request, model) => ok(model.webinarAbsentees(pathParam(request, "webinarId"), pageOf(request))),

  webinarToken: (request, model) => ok(model.eventTokens.closedCaptionToken(model.webinars.get(pathParam(request, "webinarId")).id)),

  webinarLocalRecordingJoinToken: (request, model) => {
    model.webinars.get(pathParam(request, "webinarId"));
    return ok(model.eventTokens.joinToken("local_recording"));
  },

  webinarLiveStreamingJoinToken: (request, model) => {
    model.webinars.get(pathParam(request, "webinarId"));
    return ok(model.eventTokens.joinToken("live_streaming"));
  },

  webinarLocalArchivingArchiveToken: (request, model) => {
    model.webinars.get(pathParam(request, "webinarId"));
    return ok(model.eventTokens.joinToken("local_archiving"));
  },

  webinarInviteLinksCreate: (request, model) => {
    const webinar = model.webinars.get(pathParam(request, "webinarId"));
    return created(model.eventTokens.inviteLinks(webinar.join_url, bodyObject<{ attendees?: { name: string }[] }>(request).attendees ?? []));
  },

  addBatchWebinarRegistrants: (request, model) =>
    created(model.addWebinarRegistrants(model.webinars.get(pathParam(request, "webinarId")), bodyObject<BatchRegistrantsInput>(request))),

  getTrackingSources: (request, model) => ok(model.trackingSources.list(model.webinars.get(pathParam(request, "webinarId")))),

  // Zoom answers 201 here (200 for the meeting one).
  getWebinarSipDialingWithPasscode: (request, model) => {
    const webinar = model.webinars.get(pathParam(request, "webinarId"));
    return created(model.eventTokens.sipDialing(webinar.id, bodyObject<{ passcode?: string }>(request).passcode));
  },

  webinarRegistrantCreate: (request, model) => {
    const webinar = model.webinars.get(pathParam(request, "webinarId"));
    return created(model.registrants.add(model.webinarTarget(webinar), bodyObject<RegistrantInput>(request)));
  },
};

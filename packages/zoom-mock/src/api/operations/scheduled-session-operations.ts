import { type ApiOperation, type ApiOperationRequest, type OperationId, type RequestBodyOf, bodyObject, created, noContent, ok, pageOf, pathParam, queryBoolean, queryString } from "../api-operation.js";
import type { ApiModel } from "../model/api-model.js";
import type { JoinTokenPurpose } from "../model/event-tokens.js";
import type { Polls } from "../model/polls.js";
import type { RegistrantStatus, RegistrationTarget } from "../model/registrants.js";
import type { ScheduledSessionRecord } from "../model/scheduled-sessions.js";

/** Where one kind of scheduled session (meetings or webinars) lives in the paths and in the model. */
export interface ScheduledSessionKind<Session extends ScheduledSessionRecord<number>> {
  /** Prefix of the keys its live streams, registration questions and surveys are kept under. */
  name: "meeting" | "webinar";
  /** The path parameter naming the session. */
  idParam: "meetingId" | "webinarId";
  /** The session with this id (404 when unknown). */
  get(model: ApiModel, id: string): Session;
  /** What registration needs to know about the session. */
  registrationTarget(model: ApiModel, session: Session): RegistrationTarget;
  /** The session kind's polls. */
  polls(model: ApiModel): Polls;
}

/**
 * An operation meetings and webinars share, seeing the request body of either: the spec declares the
 * two bodies alike, and one implementation serves both operationIds.
 */
function shared<MeetingId extends OperationId, WebinarId extends OperationId>(
  operation: ApiOperation<RequestBodyOf<MeetingId> | RequestBodyOf<WebinarId>>,
): ApiOperation<RequestBodyOf<MeetingId> | RequestBodyOf<WebinarId>> {
  return operation;
}

/**
 * The operations meetings and webinars answer alike, under `/meetings/{meetingId}/...` and
 * `/webinars/{webinarId}/...`: registrants, polls, live streams, registration questions, surveys,
 * event tokens and invite links. Each operation table maps its operation ids onto these.
 */
export function scheduledSessionOperations<Session extends ScheduledSessionRecord<number>>(kind: ScheduledSessionKind<Session>) {
  const session = (request: ApiOperationRequest, model: ApiModel) => kind.get(model, pathParam(request, kind.idParam));
  const key = (request: ApiOperationRequest, model: ApiModel) => `${kind.name}:${session(request, model).id}`;
  const target = (request: ApiOperationRequest, model: ApiModel) => kind.registrationTarget(model, session(request, model));
  const joinToken =
    (purpose: JoinTokenPurpose): ApiOperation =>
    (request, model) => {
      session(request, model);
      return ok(model.eventTokens.joinToken(purpose));
    };

  const bodyless = {
    registrants: (request, model) => {
      const registration = target(request, model);
      const status = queryString(request, "status") as RegistrantStatus | undefined;
      return ok(model.registrants.list(registration, status, pageOf(request), queryString(request, "occurrence_id")));
    },

    registrantGet: (request, model) => ok(model.registrants.get(target(request, model), pathParam(request, "registrantId"))),

    registrantDelete: (request, model) => {
      model.registrants.remove(target(request, model), pathParam(request, "registrantId"));
      return noContent();
    },

    polls: (request, model) => ok(kind.polls(model).list(session(request, model), queryBoolean(request, "anonymous"))),

    pollGet: (request, model) => ok(kind.polls(model).get(session(request, model), pathParam(request, "pollId"))),

    pollDelete: (request, model) => {
      kind.polls(model).delete(session(request, model), pathParam(request, "pollId"));
      return noContent();
    },

    liveStream: (request, model) => ok(model.liveStreams.get(key(request, model))),

    registrationQuestions: (request, model) => ok(model.registrationQuestions.get(key(request, model))),

    survey: (request, model) => ok(model.surveys.get(key(request, model))),

    surveyDelete: (request, model) => {
      model.surveys.delete(key(request, model));
      return noContent();
    },

    closedCaptionToken: (request, model) => ok(model.eventTokens.closedCaptionToken(session(request, model).id)),

    localRecordingJoinToken: joinToken("local_recording"),

    liveStreamingJoinToken: joinToken("live_streaming"),

    localArchivingArchiveToken: joinToken("local_archiving"),
  } satisfies Record<string, ApiOperation>;

  return {
    ...bodyless,

    registrantCreate: shared<"meetingRegistrantCreate", "webinarRegistrantCreate">((request, model) => {
      const occurrenceIds = queryString(request, "occurrence_ids")?.split(",").map((id) => id.trim());
      return created(model.registrants.add(target(request, model), bodyObject(request), occurrenceIds));
    }),

    registrantStatus: shared<"meetingRegistrantStatus", "webinarRegistrantStatus">((request, model) => {
      const registration = target(request, model);
      const body = bodyObject(request);
      model.registrants.setStatus(registration, body.action, body.registrants ?? []);
      return noContent();
    }),

    pollCreate: shared<"meetingPollCreate", "webinarPollCreate">((request, model) => created(kind.polls(model).create(session(request, model), bodyObject(request)))),

    pollUpdate: shared<"meetingPollUpdate", "webinarPollUpdate">((request, model) => {
      kind.polls(model).replace(session(request, model), pathParam(request, "pollId"), bodyObject(request));
      return noContent();
    }),

    liveStreamUpdate: shared<"meetingLiveStreamUpdate", "webinarLiveStreamUpdate">((request, model) => {
      model.liveStreams.update(key(request, model), bodyObject(request));
      return noContent();
    }),

    liveStreamStatusUpdate: shared<"meetingLiveStreamStatusUpdate", "webinarLiveStreamStatusUpdate">((request, model) => {
      model.liveStreams.setStatus(key(request, model), bodyObject(request));
      return noContent();
    }),

    registrationQuestionsUpdate: shared<"meetingRegistrantQuestionUpdate", "webinarRegistrantQuestionUpdate">((request, model) => {
      model.registrationQuestions.update(key(request, model), bodyObject(request));
      return noContent();
    }),

    surveyUpdate: shared<"meetingSurveyUpdate", "webinarSurveyUpdate">((request, model) => {
      model.surveys.update(key(request, model), bodyObject(request));
      return noContent();
    }),

    inviteLinksCreate: shared<"meetingInviteLinksCreate", "webinarInviteLinksCreate">((request, model) => {
      const joinUrl = session(request, model).join_url;
      return created(model.eventTokens.inviteLinks(joinUrl, bodyObject(request).attendees ?? []));
    }),
  };
}

import { type ApiOperation, type ApiOperationRequest, bodyObject, created, noContent, ok, pageOf, pathParam, queryBoolean, queryString } from "../api-operation.js";
import type { ApiModel } from "../model/api-model.js";
import type { JoinTokenPurpose } from "../model/event-tokens.js";
import type { LiveStreamSettings, LiveStreamStatusInput } from "../model/live-streams.js";
import type { PollInput, Polls } from "../model/polls.js";
import type { RegistrationQuestionsInput } from "../model/registration-questions.js";
import type { RegistrantAction, RegistrantInput, RegistrantStatus, RegistrationTarget } from "../model/registrants.js";
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

  return {
    registrants: (request, model) => {
      const registration = target(request, model);
      const status = queryString(request, "status") as RegistrantStatus | undefined;
      return ok(model.registrants.list(registration, status, pageOf(request), queryString(request, "occurrence_id")));
    },

    registrantCreate: (request, model) => {
      const occurrenceIds = queryString(request, "occurrence_ids")?.split(",").map((id) => id.trim());
      return created(model.registrants.add(target(request, model), bodyObject<RegistrantInput>(request), occurrenceIds));
    },

    registrantGet: (request, model) => ok(model.registrants.get(target(request, model), pathParam(request, "registrantId"))),

    registrantDelete: (request, model) => {
      model.registrants.remove(target(request, model), pathParam(request, "registrantId"));
      return noContent();
    },

    registrantStatus: (request, model) => {
      const registration = target(request, model);
      const body = bodyObject<{ action: RegistrantAction; registrants?: { id?: string; email?: string }[] }>(request);
      model.registrants.setStatus(registration, body.action, body.registrants ?? []);
      return noContent();
    },

    polls: (request, model) => ok(kind.polls(model).list(session(request, model), queryBoolean(request, "anonymous"))),

    pollCreate: (request, model) => created(kind.polls(model).create(session(request, model), bodyObject<PollInput>(request))),

    pollGet: (request, model) => ok(kind.polls(model).get(session(request, model), pathParam(request, "pollId"))),

    pollUpdate: (request, model) => {
      kind.polls(model).replace(session(request, model), pathParam(request, "pollId"), bodyObject<PollInput>(request));
      return noContent();
    },

    pollDelete: (request, model) => {
      kind.polls(model).delete(session(request, model), pathParam(request, "pollId"));
      return noContent();
    },

    liveStream: (request, model) => ok(model.liveStreams.get(key(request, model))),

    liveStreamUpdate: (request, model) => {
      model.liveStreams.update(key(request, model), bodyObject<LiveStreamSettings>(request));
      return noContent();
    },

    liveStreamStatusUpdate: (request, model) => {
      model.liveStreams.setStatus(key(request, model), bodyObject<LiveStreamStatusInput>(request));
      return noContent();
    },

    registrationQuestions: (request, model) => ok(model.registrationQuestions.get(key(request, model))),

    registrationQuestionsUpdate: (request, model) => {
      model.registrationQuestions.update(key(request, model), bodyObject<RegistrationQuestionsInput>(request));
      return noContent();
    },

    survey: (request, model) => ok(model.surveys.get(key(request, model))),

    surveyUpdate: (request, model) => {
      model.surveys.update(key(request, model), bodyObject<Record<string, unknown>>(request));
      return noContent();
    },

    surveyDelete: (request, model) => {
      model.surveys.delete(key(request, model));
      return noContent();
    },

    closedCaptionToken: (request, model) => ok(model.eventTokens.closedCaptionToken(session(request, model).id)),

    localRecordingJoinToken: joinToken("local_recording"),

    liveStreamingJoinToken: joinToken("live_streaming"),

    localArchivingArchiveToken: joinToken("local_archiving"),

    inviteLinksCreate: (request, model) => {
      const joinUrl = session(request, model).join_url;
      return created(model.eventTokens.inviteLinks(joinUrl, bodyObject<{ attendees?: { name: string }[] }>(request).attendees ?? []));
    },
  } satisfies Record<string, ApiOperation>;
}

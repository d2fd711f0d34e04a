import type { ApiModel } from "../api/model/api-model.js";
import type { MeetingRecord } from "../api/model/meetings.js";
import type { RecordingRecord } from "../api/model/recordings.js";
import type { MockApiUser } from "../api/model/user-directory.js";
import type { WebinarRecord } from "../api/model/webinars.js";
import { zoomDateTime } from "../api/model/zoom-time.js";
import type { LiveParticipantInput, ZoomMockWebhookEmitInput, ZoomMockWebhookEventName } from "./webhook-event-names.js";
import {
  changedFields,
  deletedSession,
  envelope,
  hostAsParticipant,
  liveSession,
  type Operator,
  operatorFields,
  participantFields,
  recordingObject,
  scheduledSession,
  sessionStart,
  sharingFields,
  transcriptFile,
  USER_FIELDS,
  userSummary,
} from "./webhook-payloads.js";

/** An event as the mock sends it: `{ event, event_ts, payload, ... }`. */
export interface ZoomMockWebhookEvent {
  event: ZoomMockWebhookEventName;
  event_ts: number;
  payload: Record<string, unknown>;
  [field: string]: unknown;
}

/** Options of {@link WebhookEventFactory}. */
export interface WebhookEventFactoryOptions {
  accountId: string;
  /** Milliseconds since the epoch: `event_ts` and the times in payloads. */
  clock: () => number;
  /** Makes `plainToken`s and download tokens. */
  random: () => string;
}

/**
 * Builds each event from the model's records, the way Zoom would describe the change. The `emit`
 * test API resolves ids to records through {@link build}; model changes call the record methods.
 */
export class WebhookEventFactory {
  readonly #model: ApiModel;
  readonly #options: WebhookEventFactoryOptions;

  constructor(model: ApiModel, options: WebhookEventFactoryOptions) {
    this.#model = model;
    this.#options = options;
  }

  #event(name: ZoomMockWebhookEventName, payload: Record<string, unknown>, top: Record<string, unknown> = {}): ZoomMockWebhookEvent {
    return envelope(name, this.#options.clock(), this.#options.accountId, payload, top) as ZoomMockWebhookEvent;
  }

  #hostOperator(hostId: string): Operator {
    const host = this.#model.users.resolve(hostId, hostId);
    return { email: host.email, id: host.id };
  }

  #findUser(id: string): MockApiUser | undefined {
    try {
      return this.#model.users.resolve(id, id);
    } catch {
      return undefined;
    }
  }

  #now(): string {
    return zoomDateTime(this.#options.clock());
  }

  urlValidation(plainToken: string = this.#options.random()): ZoomMockWebhookEvent {
    return { event: "endpoint.url_validation", event_ts: this.#options.clock(), payload: { plainToken } };
  }

  meetingCreated(meeting: MeetingRecord, operator = this.#hostOperator(meeting.host_id)): ZoomMockWebhookEvent {
    return this.#event("meeting.created", { ...operatorFields(operator), operation: "single", object: scheduledSession(meeting) });
  }

  meetingUpdated(before: MeetingRecord, after: MeetingRecord, operator = this.#hostOperator(after.host_id)): ZoomMockWebhookEvent {
    const changes = changedFields(before as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>);
    return this.#event("meeting.updated", { ...operatorFields(operator), ...changes, time_stamp: this.#options.clock() });
  }

  meetingDeleted(meeting: MeetingRecord, operator = this.#hostOperator(meeting.host_id)): ZoomMockWebhookEvent {
    return this.#event("meeting.deleted", { ...operatorFields(operator), operation: "single", object: deletedSession(meeting) });
  }

  meetingStarted(meeting: MeetingRecord): ZoomMockWebhookEvent {
    return this.#event("meeting.started", { object: liveSession(meeting, sessionStart(meeting, this.#options.clock())) });
  }

  /** `meeting`: the record as it was while live (with the session's UUID). */
  meetingEnded(meeting: MeetingRecord, startedAt: number, endedAt = this.#options.clock()): ZoomMockWebhookEvent {
    return this.#event("meeting.ended", { object: { ...liveSession(meeting, startedAt), end_time: zoomDateTime(endedAt) } });
  }

  participant(name: "meeting.participant_joined" | "meeting.participant_left", meeting: MeetingRecord, participant?: LiveParticipantInput): ZoomMockWebhookEvent {
    const who = participant ?? hostAsParticipant(this.#findUser(meeting.host_id), meeting.host_id);
    return this.#event(name, {
      object: { ...liveSession(meeting, sessionStart(meeting, this.#options.clock())), participant: participantFields(meeting.uuid, who, this.#now(), name === "meeting.participant_joined") },
    });
  }

  sharing(name: "meeting.sharing_started" | "meeting.sharing_ended", meeting: MeetingRecord, participant?: LiveParticipantInput, content = "application"): ZoomMockWebhookEvent {
    const who = participant ?? hostAsParticipant(this.#findUser(meeting.host_id), meeting.host_id);
    return this.#event(name, {
      object: { ...liveSession(meeting, sessionStart(meeting, this.#options.clock())), participant: sharingFields(meeting.uuid, who, content, this.#now()) },
    });
  }

  registration(name: "meeting.registration_created" | "meeting.registration_approved", meeting: MeetingRecord, registrantId: string): ZoomMockWebhookEvent {
    const registrant = this.#model.registrants.get(this.#model.meetingTarget(meeting), registrantId);
    const session = {
      uuid: meeting.uuid,
      id: meeting.id,
      host_id: meeting.host_id,
      topic: meeting.topic,
      type: meeting.type,
      start_time: meeting.start_time ?? meeting.created_at,
      duration: meeting.duration ?? 60,
      timezone: meeting.timezone,
    };
    const { create_time: _created, ...fields } = registrant;
    if (name === "meeting.registration_created") return this.#event(name, { object: { ...session, registrant: fields } });
    const approved = { id: fields.id, first_name: fields.first_name, last_name: fields.last_name, email: fields.email, join_url: fields.join_url, participant_pin_code: fields.participant_pin_code };
    return this.#event(name, { ...operatorFields(this.#hostOperator(meeting.host_id)), object: { ...session, registrant: approved } });
  }

  recordingCompleted(recording: RecordingRecord): ZoomMockWebhookEvent {
    const host = this.#findUser(recording.host_id);
    return this.#event("recording.completed", { object: recordingObject(recording, host?.email ?? "", recording.recording_files) }, { download_token: this.#options.random() });
  }

  transcriptCompleted(recording: RecordingRecord): ZoomMockWebhookEvent {
    const host = this.#findUser(recording.host_id);
    return this.#event("recording.transcript_completed", { object: recordingObject(recording, host?.email ?? "", [transcriptFile(recording)]) }, { download_token: this.#options.random() });
  }

  webinarCreated(webinar: WebinarRecord, operator = this.#hostOperator(webinar.host_id)): ZoomMockWebhookEvent {
    return this.#event("webinar.created", { ...operatorFields(operator), operation: "single", object: scheduledSession(webinar, { creation_source: "open_api" }) });
  }

  webinarUpdated(before: WebinarRecord, after: WebinarRecord, operator = this.#hostOperator(after.host_id)): ZoomMockWebhookEvent {
    const changes = changedFields(before as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>);
    return this.#event("webinar.updated", { ...operatorFields(operator), ...changes, time_stamp: this.#options.clock() });
  }

  webinarDeleted(webinar: WebinarRecord, operator = this.#hostOperator(webinar.host_id)): ZoomMockWebhookEvent {
    return this.#event("webinar.deleted", { ...operatorFields(operator), operation: "single", object: deletedSession(webinar) });
  }

  webinarLive(name: "webinar.started" | "webinar.ended", webinar: WebinarRecord, startedAt = this.#options.clock()): ZoomMockWebhookEvent {
    const object = liveSession(webinar, startedAt);
    return this.#event(name, { object: name === "webinar.ended" ? { ...object, end_time: this.#now() } : object });
  }

  userCreated(user: MockApiUser, operator: Operator): ZoomMockWebhookEvent {
    return this.#event("user.created", { ...operatorFields(operator), creation_type: "create", object: userSummary(user) });
  }

  userUpdated(before: Record<string, unknown>, after: MockApiUser, operator: Operator): ZoomMockWebhookEvent {
    const { object, old_object } = changedFields({ ...before, id: after.id }, after as Record<string, unknown>, USER_FIELDS);
    for (const fields of [object, old_object]) if (fields.type !== undefined && fields.type !== 1 && fields.type !== 2) delete fields.type;
    return this.#event("user.updated", { ...operatorFields(operator), object, old_object, time_stamp: this.#options.clock() });
  }

  userDeactivated(user: MockApiUser, operator: Operator): ZoomMockWebhookEvent {
    return this.#event("user.deactivated", { ...operatorFields(operator), object: userSummary(user) });
  }

  /** The event `name` describes, built from the model as it is now (the `emit` test API). */
  build<Name extends ZoomMockWebhookEventName>(name: Name, input: ZoomMockWebhookEmitInput[Name]): ZoomMockWebhookEvent {
    const model = this.#model;
    const given = input as Record<string, unknown>;
    const meeting = () => model.meetings.get(given.meetingId as number);
    const webinar = () => model.webinars.get(given.webinarId as number);
    const user = () => model.users.resolve(given.userId as string, given.userId as string);
    const userOperator = (): Operator => this.#hostOperator(user().id);
    const old = (current: Record<string, unknown>) => ({ ...structuredClone(current), ...((given.oldValues as Record<string, unknown> | undefined) ?? {}) });
    const participant = given.participant as LiveParticipantInput | undefined;
    switch (name) {
      case "endpoint.url_validation":
        return this.urlValidation((given.plainToken as string | undefined) ?? this.#options.random());
      case "meeting.created":
        return this.meetingCreated(meeting());
      case "meeting.updated":
        return this.meetingUpdated(old(meeting() as unknown as Record<string, unknown>) as unknown as MeetingRecord, meeting());
      case "meeting.deleted":
        return this.meetingDeleted(meeting());
      case "meeting.started":
        return this.meetingStarted(meeting());
      case "meeting.ended":
        return this.meetingEnded(meeting(), sessionStart(meeting(), this.#options.clock()));
      case "meeting.participant_joined":
      case "meeting.participant_left":
        return this.participant(name, meeting(), participant);
      case "meeting.sharing_started":
      case "meeting.sharing_ended":
        return this.sharing(name, meeting(), participant, given.content as string | undefined);
      case "meeting.registration_created":
      case "meeting.registration_approved":
        return this.registration(name, meeting(), given.registrantId as string);
      case "recording.completed":
        return this.recordingCompleted(model.recordings.resolve(String(given.meetingId)));
      case "recording.transcript_completed":
        return this.transcriptCompleted(model.recordings.resolve(String(given.meetingId)));
      case "webinar.created":
        return this.webinarCreated(webinar());
      case "webinar.updated":
        return this.webinarUpdated(old(webinar() as unknown as Record<string, unknown>) as unknown as WebinarRecord, webinar());
      case "webinar.deleted":
        return this.webinarDeleted(webinar());
      case "webinar.started":
      case "webinar.ended":
        return this.webinarLive(name, webinar());
      case "user.created":
        return this.userCreated(user(), userOperator());
      case "user.updated":
        return this.userUpdated(old(user()), user(), userOperator());
      case "user.deactivated":
        return this.userDeactivated(user(), userOperator());
    }
    throw new TypeError(`emit: ${String(name)} is not an event the mock sends`);
  }
}

import type { MeetingRecord } from "../api/model/meetings.js";
import type { RecordingRecord } from "../api/model/recordings.js";
import type { ScheduledSessionRecord } from "../api/model/scheduled-sessions.js";
import type { MockApiUser } from "../api/model/user-directory.js";
import { zoomDateTime } from "../api/model/zoom-time.js";
import type { LiveParticipantInput } from "./webhook-event-names.js";

/**
 * Builds event bodies, in Zoom's field names, from the model's records. Each function gives the body
 * of one kind of event; the caller adds `event` and `event_ts` (see {@link envelope}).
 */

/** Who made a change: the `operator` (email) and `operator_id` of scheduling and user events. */
export interface Operator {
  email: string;
  id: string;
}

/** `{ event, event_ts, payload: { account_id, ...payload } }`. */
export function envelope(event: string, eventTs: number, accountId: string, payload: Record<string, unknown>, top: Record<string, unknown> = {}) {
  return { event, event_ts: eventTs, ...top, payload: { account_id: accountId, ...payload } };
}

function operatorFields(operator: Operator): Record<string, unknown> {
  return { operator: operator.email, operator_id: operator.id };
}

function defined(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

/** A running (or just ended) session: live events carry the meeting id as a string. */
export function liveSession(session: ScheduledSessionRecord<number>, startedAt: number): Record<string, unknown> {
  return defined({
    id: String(session.id),
    uuid: session.uuid,
    host_id: session.host_id,
    topic: session.topic,
    type: session.type,
    start_time: zoomDateTime(startedAt),
    timezone: session.timezone,
    duration: session.duration ?? 60,
  });
}

/** When a meeting's live session started: its record knows while it runs; otherwise now. */
export function sessionStart(meeting: MeetingRecord, now: number): number {
  return meeting.startedAt ?? now;
}

/** `meeting.created` / `webinar.created` object: the session as scheduled. */
export function scheduledSession(session: ScheduledSessionRecord<number>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return defined({
    uuid: session.uuid,
    id: session.id,
    host_id: session.host_id,
    topic: session.topic,
    type: session.type,
    start_time: session.start_time,
    duration: session.duration ?? 60,
    timezone: session.timezone,
    join_url: session.join_url,
    password: session.password === "" ? undefined : session.password,
    settings: {
      use_pmi: session.settings.use_pmi === true,
      alternative_hosts: typeof session.settings.alternative_hosts === "string" ? session.settings.alternative_hosts : "",
      ...(typeof session.settings.join_before_host === "boolean" ? { join_before_host: session.settings.join_before_host } : {}),
    },
    recurrence: session.recurrence,
    ...extra,
  });
}

/** The fields of a session an update may change, as `meeting.updated` reports them. */
const UPDATABLE_FIELDS = ["topic", "type", "start_time", "duration", "timezone", "agenda", "password", "settings", "recurrence"] as const;

/**
 * `object` and `old_object` of an update: the id plus every updatable field whose value differs
 * between the two records (both complete, `settings` compared whole).
 */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>, fields: readonly string[] = UPDATABLE_FIELDS) {
  const object: Record<string, unknown> = { id: after.id };
  const oldObject: Record<string, unknown> = { id: before.id };
  for (const field of fields) {
    if (JSON.stringify(before[field]) === JSON.stringify(after[field])) continue;
    if (after[field] !== undefined) object[field] = structuredClone(after[field]);
    if (before[field] !== undefined) oldObject[field] = structuredClone(before[field]);
  }
  return { object, old_object: oldObject };
}

/** `meeting.deleted` / `webinar.deleted` object. */
export function deletedSession(session: ScheduledSessionRecord<number>): Record<string, unknown> {
  return defined({
    uuid: session.uuid,
    id: session.id,
    host_id: session.host_id,
    topic: session.topic,
    type: session.type,
    start_time: session.start_time,
    duration: session.duration,
    timezone: session.timezone,
  });
}

/** The host, as the participant a test did not name. */
export function hostAsParticipant(host: MockApiUser | undefined, hostId: string): LiveParticipantInput {
  return { name: [host?.first_name, host?.last_name].filter(Boolean).join(" ") || (host?.email ?? "Host"), email: host?.email ?? "", userId: hostId };
}

/**
 * The session-scoped id Zoom gives a participant (`user_id` in participant events): stable for one
 * person in one session, so a join and its leave carry the same one.
 */
function sessionUserId(meetingUuid: string, participant: LiveParticipantInput): string {
  let hash = 0;
  for (const char of `${meetingUuid}|${participant.email ?? ""}|${participant.name}`) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return String(16_000_000 + (hash % 1_000_000));
}

/** `participant` of `meeting.participant_joined` / `_left`. */
export function participantFields(meetingUuid: string, participant: LiveParticipantInput, time: string, joined: boolean): Record<string, unknown> {
  return defined({
    user_id: sessionUserId(meetingUuid, participant),
    user_name: participant.name,
    id: participant.userId,
    participant_uuid: `${sessionUserId(meetingUuid, participant)}-${participant.email ?? participant.name}`.replace(/[^A-Za-z0-9-]/g, ""),
    email: participant.email ?? "",
    registrant_id: participant.registrantId,
    ...(joined ? { join_time: time } : { leave_time: time, leave_reason: "left the meeting" }),
  });
}

/** `participant` of `meeting.sharing_started` / `_ended`. */
export function sharingFields(meetingUuid: string, participant: LiveParticipantInput, content: string, time: string): Record<string, unknown> {
  return defined({
    user_id: sessionUserId(meetingUuid, participant),
    user_name: participant.name,
    id: participant.userId,
    sharing_details: { content, link_source: "", file_link: "", date_time: time, source: "" },
  });
}

/** `object` of `recording.completed` / `recording.transcript_completed`. */
export function recordingObject(recording: RecordingRecord, hostEmail: string, files: RecordingRecord["recording_files"]): Record<string, unknown> {
  return {
    id: recording.id,
    uuid: recording.uuid,
    host_id: recording.host_id,
    account_id: recording.account_id,
    topic: recording.topic,
    type: Number(recording.type),
    start_time: recording.start_time,
    host_email: hostEmail,
    duration: recording.duration,
    password: recording.password,
    share_url: recording.share_url,
    total_size: files.reduce((total, file) => total + file.file_size, 0),
    recording_count: files.length,
    recording_files: structuredClone(files),
  };
}

/** The audio transcript file of a recording, as `recording.transcript_completed` lists it. */
export function transcriptFile(recording: RecordingRecord): RecordingRecord["recording_files"][number] {
  const base = recording.recording_files[0];
  const id = `${base?.id ?? recording.uuid}-transcript`.replace(/[^A-Za-z0-9-]/g, "");
  return {
    id,
    meeting_id: recording.uuid,
    recording_start: base?.recording_start ?? recording.start_time,
    recording_end: base?.recording_end ?? recording.start_time,
    file_type: "TRANSCRIPT",
    file_extension: "VTT",
    file_size: 4_096,
    play_url: `https://zoom.us/rec/play/${id}`,
    download_url: `https://zoom.us/rec/download/${id}`,
    status: "completed",
    recording_type: "audio_transcript",
  };
}

/** `object` of `user.created` / `user.deactivated`. */
export function userSummary(user: MockApiUser): Record<string, unknown> {
  return defined({
    id: user.id,
    first_name: user.first_name,
    last_name: user.last_name,
    display_name: user.display_name,
    email: user.email,
    type: user.type === 2 ? 2 : 1,
  });
}

/** The fields of a user `user.updated` reports when they change. */
export const USER_FIELDS = ["first_name", "last_name", "display_name", "email", "type", "phone_number", "phone_country", "company", "pmi", "use_pmi", "timezone", "pic_url", "vanity_name", "dept", "language"] as const;

export { operatorFields };

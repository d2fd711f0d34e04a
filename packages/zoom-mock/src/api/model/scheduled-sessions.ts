import { validationFailed } from "./api-failure.js";
import { normalizeRecurrence } from "./recurrence.js";
import type { MockApiUser } from "./user-directory.js";
import { zoomDateTime } from "./zoom-time.js";

/**
 * What meetings and webinars have in common: both are sessions a host schedules, with a topic,
 * an optional fixed start time and duration, settings and (for recurring ones) a recurrence.
 */
export interface ScheduledSessionRecord<Type extends number> {
  id: number;
  uuid: string;
  host_id: string;
  host_email: string;
  topic: string;
  type: Type;
  start_time?: string;
  duration?: number;
  timezone: string;
  agenda: string;
  created_at: string;
  start_url: string;
  join_url: string;
  password: string;
  settings: Record<string, unknown>;
  recurrence?: Record<string, unknown>;
  tracking_fields?: unknown[];
}

/** The fields of a scheduling request (`POST` or `PATCH`) that meetings and webinars share. */
export interface ScheduledSessionInput<Type extends number> {
  topic?: string;
  type?: Type;
  start_time?: string;
  duration?: number;
  timezone?: string;
  agenda?: string;
  password?: string;
  settings?: Record<string, unknown>;
  recurrence?: Record<string, unknown>;
  tracking_fields?: unknown[];
  [field: string]: unknown;
}

/** A new session's time zone: the request's, else the host's, else UTC. */
export function sessionTimezone(host: MockApiUser, requested: string | undefined): string {
  return requested ?? (typeof host.timezone === "string" ? host.timezone : "UTC");
}

/**
 * Fills in what a new session takes from the request after its fixed fields: the start time and
 * duration (60 minutes by default) when the session has a fixed time, then tracking fields and,
 * for a recurring session with a fixed time, its recurrence with Zoom's defaults (one occurrence a
 * day unless the request says otherwise). `startsNow` sessions (instant meetings) start at `now`
 * whatever was asked. Other session types have no recurrence: Zoom ignores one sent with them.
 */
export function scheduleSession<Type extends number>(
  session: ScheduledSessionRecord<Type>,
  input: ScheduledSessionInput<Type>,
  now: number,
  timing: { hasFixedTime: boolean; startsNow?: boolean; recurring?: boolean },
): void {
  if (timing.hasFixedTime) {
    session.start_time = timing.startsNow === true ? zoomDateTime(now) : zoomDateTime(parseStartTime(input.start_time, now));
    session.duration = input.duration ?? 60;
  }
  if (timing.recurring === true && session.start_time !== undefined) {
    session.recurrence = recurrenceOf(input.recurrence ?? { type: 1 }, session);
  }
  if (input.tracking_fields !== undefined) session.tracking_fields = input.tracking_fields;
}

/** A requested recurrence as the session keeps it (Zoom's defaults filled in), from the session's first start. */
function recurrenceOf<Type extends number>(requested: Record<string, unknown>, session: ScheduledSessionRecord<Type>): Record<string, unknown> {
  return { ...normalizeRecurrence(requested, Date.parse(session.start_time ?? ""), session.timezone) };
}

/**
 * `PATCH` of a meeting or webinar: merges the fields given; `settings` merge key by key. The
 * passcode is left to the caller, as meetings and webinars mirror it into different fields.
 * `isRecurring` names the types that repeat at a fixed time: only those keep a recurrence.
 */
export function updateSession<Type extends number>(
  session: ScheduledSessionRecord<Type>,
  patch: ScheduledSessionInput<Type>,
  now: number,
  isRecurring: (type: Type) => boolean = () => false,
): void {
  if (patch.topic !== undefined) session.topic = patch.topic;
  if (patch.agenda !== undefined) session.agenda = patch.agenda;
  if (patch.type !== undefined) session.type = patch.type;
  if (patch.duration !== undefined) session.duration = patch.duration;
  if (patch.timezone !== undefined) session.timezone = patch.timezone;
  if (patch.start_time !== undefined) session.start_time = zoomDateTime(parseStartTime(patch.start_time, now));
  if (patch.settings !== undefined) session.settings = { ...session.settings, ...patch.settings };
  if (patch.tracking_fields !== undefined) session.tracking_fields = patch.tracking_fields;
  // A series keeps its recurrence (re-read from its new first start) while it stays recurring.
  if (!isRecurring(session.type) || session.start_time === undefined) delete session.recurrence;
  else if (patch.recurrence !== undefined || session.recurrence === undefined) session.recurrence = recurrenceOf(patch.recurrence ?? { type: 1 }, session);
}

/**
 * The short form of a session in lists: its identity and schedule, then `extra` (fields of one
 * kind of session), then the start time and duration when it has a fixed time.
 */
export function sessionSummary<Type extends number>(
  session: ScheduledSessionRecord<Type>,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    uuid: session.uuid,
    id: session.id,
    host_id: session.host_id,
    topic: session.topic,
    type: session.type,
    timezone: session.timezone,
    agenda: session.agenda,
    created_at: session.created_at,
    join_url: session.join_url,
    ...extra,
  };
  if (session.start_time !== undefined) out.start_time = session.start_time;
  if (session.duration !== undefined) out.duration = session.duration;
  return out;
}

/** A requested `start_time` in ms (`now` when absent); one that is not a date-time gives 400 code 300. */
function parseStartTime(value: string | undefined, now: number): number {
  if (value === undefined) return now;
  const parsed = Date.parse(value);
  if (Number.isNaN(parsed)) {
    throw validationFailed([{ field: "start_time", message: "start_time must be a date-time like 2026-11-28T10:00:00Z." }]);
  }
  return parsed;
}

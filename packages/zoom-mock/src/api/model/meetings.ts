import { meetingNotFound } from "./api-failure.js";
import { DailyQuota, MEETING_WRITES_PER_USER_PER_DAY } from "./daily-quota.js";
import { Occurrences } from "./occurrences.js";
import { type PageRequest, numberedPageFields } from "./pagination.js";
import {
  type ScheduledSessionRecord,
  scheduleSession,
  sessionSummary,
  sessionTimezone,
  updateSession,
} from "./scheduled-sessions.js";
import type { MockApiUser } from "./user-directory.js";
import { zoomDateTime } from "./zoom-time.js";
import type { ModelContext } from "./model-context.js";
import type { RequestBodyOf } from "./request-bodies.js";

/** Meeting types: 1 instant, 2 scheduled, 3 recurring without fixed time, 8 recurring with fixed time, 10 screen share only. */
export type MeetingType = 1 | 2 | 3 | 8 | 10;

/** Which meetings `GET /users/{userId}/meetings?type=` lists. */
export type MeetingListType = "scheduled" | "live" | "upcoming" | "upcoming_meetings" | "previous_meetings";

/** A meeting as the model keeps it, in Zoom's field names. */
export interface MeetingRecord extends ScheduledSessionRecord<MeetingType> {
  status: "waiting" | "started";
  h323_password: string;
  pstn_password: string;
  encrypted_password: string;
  pre_schedule: boolean;
  /** The host's personal meeting id (as Zoom writes it, a string) when the meeting uses it. */
  pmi?: string;
  /** When the current live session started (ms), while `status` is `started`. */
  startedAt?: number;
  /** The meeting template it was scheduled from, if any. */
  template_id?: string;
}

/** Body of `PATCH /meetings/{meetingId}`, as specs/zoom-api.yaml declares it. */
export type MeetingUpdateInput = NonNullable<RequestBodyOf<"meetingUpdate">>;

/** Body of `POST /users/{userId}/meetings`, as specs/zoom-api.yaml declares it. */
export type MeetingCreateInput = NonNullable<RequestBodyOf<"meetingCreate">>;

/** Which occurrences of a recurring meeting an answer is about (`occurrence_id`, `show_previous_occurrences`). */
export interface OccurrenceQuery {
  occurrenceId?: string | undefined;
  includePast?: boolean | undefined;
}

/** The sign-up page of a meeting or webinar with registration on: stable for the session, opaque-looking as Zoom's are. */
export function registrationUrl(kind: "meeting" | "webinar", id: number): string {
  const token = btoa(`${kind}:${id}`).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  return `https://zoom.us/${kind}/register/${token}`;
}

/** Settings a meeting gets unless the request says otherwise. */
function defaultMeetingSettings(): Record<string, unknown> {
  return {
    host_video: false,
    participant_video: false,
    join_before_host: false,
    jbh_time: 0,
    mute_upon_entry: false,
    watermark: false,
    use_pmi: false,
    approval_type: 2,
    audio: "both",
    auto_recording: "none",
    waiting_room: true,
    meeting_authentication: false,
    email_notification: true,
    private_meeting: false,
    registrants_confirmation_email: true,
    registrants_email_notification: true,
    show_share_button: false,
    allow_multiple_devices: false,
    continuous_meeting_chat: { enable: false },
  };
}

/** Deleted meetings can be recovered (`PUT .../status {action:"recover"}`) for 7 days. */
const RECOVERY_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Meetings: scheduling, reading, listing, updating, deleting (with recovery) and the live state a
 * test can drive (`start`, `end`). Creating or updating counts against Zoom's 100-per-user-per-day
 * limit.
 */
export class Meetings {
  /** The occurrences of recurring meetings (type 8) and what was changed for single ones. */
  readonly occurrences: Occurrences;
  readonly #meetings = new Map<number, MeetingRecord>();
  readonly #deleted = new Map<number, { meeting: MeetingRecord; deletedAt: number }>();
  readonly #context: ModelContext;
  readonly #writes: DailyQuota;
  readonly #onEnded: (meeting: MeetingRecord, startedAt: number, endedAt: number) => void;

  constructor(context: ModelContext, onEnded: (meeting: MeetingRecord, startedAt: number, endedAt: number) => void = () => {}) {
    this.#context = context;
    this.occurrences = new Occurrences(context.clock);
    this.#onEnded = onEnded;
    this.#writes = new DailyQuota(
      MEETING_WRITES_PER_USER_PER_DAY,
      context.clock,
      (hostId) =>
        `You have exceeded the daily rate limit of (${MEETING_WRITES_PER_USER_PER_DAY}) for Create/Update meeting API requests for user ${hostId}. You can resubmit these requests after the daily limit resets.`,
    );
  }

  /**
   * `POST /users/{userId}/meetings`: schedules a meeting hosted by `host`. Without a `password`, the
   * meeting gets a generated 6-digit passcode when `requirePasscode` (the host's setting, on by
   * default as in Zoom) or `default_password` asks for one.
   */
  create(host: MockApiUser, input: MeetingCreateInput, options: { requirePasscode?: boolean } = {}): MeetingRecord {
    this.#writes.take(host.id);
    const now = this.#context.clock();
    const type = input.type ?? 2;
    const id = this.#context.ids.meetingNumber();
    const generate = (options.requirePasscode ?? true) || input.default_password === true;
    const password = input.password ?? (generate ? this.#context.ids.digits(6) : "");
    const encrypted = password === "" ? "" : this.#context.ids.opaque(24);
    const meeting: MeetingRecord = {
      id,
      uuid: this.#context.ids.meetingUuid(),
      host_id: host.id,
      host_email: host.email,
      topic: input.topic ?? "Zoom meeting",
      type,
      status: "waiting",
      timezone: sessionTimezone(host, input.timezone),
      agenda: input.agenda ?? "",
      created_at: zoomDateTime(now),
      start_url: `https://zoom.us/s/${id}?zak=${this.#context.ids.opaque(32)}`,
      join_url: `https://zoom.us/j/${id}${encrypted === "" ? "" : `?pwd=${encrypted}`}`,
      password,
      h323_password: password,
      pstn_password: password,
      encrypted_password: encrypted,
      pre_schedule: input.pre_schedule ?? false,
      settings: { ...defaultMeetingSettings(), ...(input.settings ?? {}) },
    };
    // Recurring meetings without a fixed time (type 3) have no start time; instant ones start now.
    if (meeting.settings.use_pmi === true) meeting.pmi = String(host.pmi);
    if (input.template_id !== undefined) meeting.template_id = input.template_id;
    const hasFixedTime = type === 1 || type === 2 || type === 8 || type === 10;
    scheduleSession(meeting, input, now, { hasFixedTime, startsNow: type === 1, recurring: type === 8 });
    this.#meetings.set(id, meeting);
    return meeting;
  }

  /** The meeting with this id; unknown gives 404 code 3001. */
  get(meetingId: number | string): MeetingRecord {
    const meeting = this.#meetings.get(Number(meetingId));
    if (meeting === undefined) throw meetingNotFound(meetingId);
    return meeting;
  }

  /** The meeting if it exists, without throwing. */
  find(meetingId: number | string): MeetingRecord | undefined {
    return this.#meetings.get(Number(meetingId));
  }

  /**
   * The API representation (`GET /meetings/{meetingId}`, `POST` answer). Besides the record it carries
   * what Zoom derives from it: the chat link, a host key, no scheduling assistant (the host scheduled it
   * through the API), and a registration link while registration is on (`approval_type` 0 or 1).
   */
  view(meeting: MeetingRecord, query: OccurrenceQuery = {}): Record<string, unknown> {
    const { startedAt: _startedAt, ...fields } = meeting;
    const derived: Record<string, unknown> = {
      assistant_id: "",
      chat_join_url: `https://zoom.us/launch/jc/${meeting.id}`,
      dynamic_host_key: String(meeting.id % 1_000_000).padStart(6, "0"),
    };
    const approvalType = meeting.settings.approval_type;
    if (approvalType === 0 || approvalType === 1) derived.registration_url = registrationUrl("meeting", meeting.id);
    if (meeting.recurrence !== undefined) derived.occurrences = this.occurrences.of(meeting, { includePast: query.includePast });
    const view = { ...structuredClone(fields), ...derived, creation_source: "open_api" };
    return query.occurrenceId === undefined ? view : this.occurrences.apply(meeting, query.occurrenceId, view);
  }

  /** The short form used in lists. */
  summary(meeting: MeetingRecord): Record<string, unknown> {
    return sessionSummary(meeting);
  }

  /** Every scheduled meeting of the account, in creation order. */
  all(): MeetingRecord[] {
    return [...this.#meetings.values()];
  }

  /** Meetings hosted by `hostId`, oldest first. */
  hostedBy(hostId: string): MeetingRecord[] {
    return [...this.#meetings.values()].filter((meeting) => meeting.host_id === hostId);
  }

  /** `GET /users/{userId}/meetings`: one page of the host's meetings of the given list type. */
  list(hostId: string, type: MeetingListType | undefined, page: PageRequest) {
    const listType = type ?? "scheduled";
    const now = this.#context.clock();
    const matching = this.hostedBy(hostId).filter((meeting) => this.#inList(meeting, listType, now));
    const result = this.#context.pages.page(`meetings:${hostId}:${listType}`, matching, page);
    return {
      ...numberedPageFields(result),
      meetings: result.items.map((meeting) => this.summary(meeting)),
    };
  }

  /** `GET /users/{userId}/upcoming_meetings`: live and future meetings, no pagination. */
  upcoming(hostId: string) {
    const now = this.#context.clock();
    const meetings = this.hostedBy(hostId)
      .filter((meeting) => this.#inList(meeting, "upcoming", now))
      .map((meeting) => {
        const out: Record<string, unknown> = {
          id: meeting.id,
          topic: meeting.topic,
          type: meeting.type,
          timezone: meeting.timezone,
          created_at: meeting.created_at,
          join_url: meeting.join_url,
          passcode: meeting.password,
          use_pmi: meeting.settings.use_pmi === true,
          is_host: true,
        };
        if (meeting.start_time !== undefined) out.start_time = meeting.start_time;
        if (meeting.duration !== undefined) out.duration = meeting.duration;
        return out;
      });
    return { total_records: meetings.length, meetings };
  }

  /**
   * `PATCH /meetings/{meetingId}`: merges fields; `settings` merge key by key. With an
   * `occurrenceId` only that occurrence changes (its start, duration, agenda or settings); a change
   * to the series' schedule drops what was changed for single occurrences.
   */
  update(meeting: MeetingRecord, patch: MeetingUpdateInput, occurrenceId?: string): void {
    this.#writes.take(meeting.host_id);
    if (occurrenceId !== undefined) {
      this.occurrences.change(meeting, occurrenceId, patch);
      return;
    }
    updateSession(meeting, patch, this.#context.clock(), (type) => type === 8);
    if ((["start_time", "recurrence", "timezone", "type"] as const).some((field) => patch[field] !== undefined)) this.occurrences.forget(meeting.id);
    if (patch.password !== undefined) {
      meeting.password = patch.password;
      meeting.h323_password = patch.password;
      meeting.pstn_password = patch.password;
    }
  }

  /** `DELETE /meetings/{meetingId}`: removes the meeting, recoverable for 7 days; with an `occurrenceId` cancels only that occurrence. */
  delete(meeting: MeetingRecord, occurrenceId?: string): void {
    if (occurrenceId !== undefined) {
      this.occurrences.delete(meeting, occurrenceId);
      return;
    }
    if (meeting.status === "started") this.end(meeting);
    this.#meetings.delete(meeting.id);
    this.#deleted.set(meeting.id, { meeting, deletedAt: this.#context.clock() });
  }

  /** Deletes every meeting a removed user hosted. */
  deleteHostedBy(hostId: string): void {
    for (const meeting of this.hostedBy(hostId)) this.#meetings.delete(meeting.id);
  }

  /**
   * `PUT /meetings/{meetingId}/status`: `end` ends a live meeting (a no-op on one that is not
   * running); `recover` brings back a meeting deleted in the last 7 days.
   */
  setStatus(meetingId: number | string, action: "end" | "recover"): void {
    if (action === "recover") {
      const id = Number(meetingId);
      const deleted = this.#deleted.get(id);
      if (deleted === undefined || this.#context.clock() - deleted.deletedAt > RECOVERY_WINDOW_MS) throw meetingNotFound(meetingId);
      this.#deleted.delete(id);
      this.#meetings.set(id, deleted.meeting);
      return;
    }
    this.end(this.get(meetingId));
  }

  /** Test hook: the host starts the meeting now; it becomes `started` (live). */
  start(meeting: MeetingRecord): void {
    if (meeting.status === "started") return;
    meeting.status = "started";
    meeting.startedAt = this.#context.clock();
  }

  /** Ends a live meeting; the session becomes a past meeting instance. */
  end(meeting: MeetingRecord): void {
    if (meeting.status !== "started" || meeting.startedAt === undefined) return;
    const startedAt = meeting.startedAt;
    meeting.status = "waiting";
    delete meeting.startedAt;
    const endedAt = this.#context.clock();
    const ended = { ...meeting };
    this.renewUuid(meeting);
    this.#onEnded(ended, startedAt, endedAt);
  }

  /** Gives the meeting a fresh instance UUID: each session of a meeting has its own, as in Zoom. */
  renewUuid(meeting: MeetingRecord): void {
    meeting.uuid = this.#context.ids.meetingUuid();
  }

  /** `GET /meetings/{meetingId}/invitation`: the invitation text. */
  invitation(meeting: MeetingRecord, hostName: string) {
    const lines = [
      `${hostName} is inviting you to a scheduled Zoom meeting.`,
      "",
      `Topic: ${meeting.topic}`,
      ...(meeting.start_time === undefined ? [] : [`Time: ${meeting.start_time} ${meeting.timezone}`]),
      "",
      "Join Zoom Meeting",
      meeting.join_url,
      "",
      `Meeting ID: ${formatMeetingNumber(meeting.id)}`,
      ...(meeting.password === "" ? [] : [`Passcode: ${meeting.password}`]),
    ];
    return { invitation: lines.join("\r\n"), sip_links: [] as string[] };
  }

  #inList(meeting: MeetingRecord, type: MeetingListType, now: number): boolean {
    const start = meeting.start_time === undefined ? undefined : Date.parse(meeting.start_time);
    const end = start === undefined ? undefined : start + (meeting.duration ?? 0) * 60_000;
    switch (type) {
      case "live":
        return meeting.status === "started";
      case "upcoming":
      case "upcoming_meetings":
        return meeting.status === "started" || start === undefined || start >= now;
      case "previous_meetings":
        return meeting.status !== "started" && end !== undefined && end < now;
      case "scheduled":
        return meeting.type !== 1;
    }
  }
}

/** Zoom prints meeting numbers in groups: `851 2345 6789`. */
function formatMeetingNumber(id: number): string {
  const digits = String(id);
  return `${digits.slice(0, 3)} ${digits.slice(3, digits.length - 4)} ${digits.slice(-4)}`;
}

import { validationFailed } from "./api-failure.js";
import type { MeetingRecord } from "./meetings.js";
import { numberedPageFields, type PageRequest, pageFields } from "./pagination.js";
import type { PastMeetingRecord, PastMeetings } from "./past-meetings.js";
import type { RecordingRecord } from "./recordings.js";
import { inRange, type ReportRange, reportRange } from "./report-range.js";
import { trackingFieldRows } from "./session-reports.js";
import type { MockApiUser } from "./user-directory.js";
import type { WebinarRecord } from "./webinars.js";
import { utcDate, zoomDateTime } from "./zoom-time.js";
import type { ModelContext } from "./model-context.js";

/** What the account-wide reports read from the rest of the model. */
export interface AccountReportSources {
  pastMeetings: PastMeetings;
  pastWebinars: PastMeetings;
  meetings: () => MeetingRecord[];
  webinars: () => WebinarRecord[];
  recordings: () => RecordingRecord[];
  /** Member ids of a group, `undefined` when the group does not exist. */
  groupMembers: (groupId: string) => readonly string[] | undefined;
  groupNames: (userId: string) => string[];
  displayName: (user: MockApiUser) => string;
}

/** Which ended sessions `GET /report/users/{userId}/meetings` lists. */
export type UserMeetingsType = "past" | "pastOne" | "pastJoined";

/** Filters of `GET /report/history_meetings`. */
export interface HistoryFilters {
  from: string;
  to: string;
  dateType?: "start_time" | "end_time" | undefined;
  meetingType?: "meeting" | "webinar" | "all" | undefined;
  reportType?: "all" | "poll" | "survey" | "qa" | "resource" | "reaction" | undefined;
  searchKey?: string | undefined;
  groupId?: string | undefined;
  meetingFeature?: string | undefined;
}

/** The kinds of event `GET /report/meeting_activities` lists. */
export type MeetingActivityType =
  | "All Activities"
  | "Meeting Created"
  | "Meeting Started"
  | "User Join"
  | "User Left"
  | "Remote Control"
  | "In-Meeting Chat"
  | "Meeting Ended";

/** Every feature `feature_used` reports, in Zoom's order. */
const FEATURES = [
  "screen_sharing", "video_on", "remote_control", "closed_caption", "breakout_room", "language_interpretation", "telephone_usage",
  "in_meeting_chat", "poll", "join_by_room", "waiting_room", "live_transcription", "reaction", "zoom_apps", "annotation", "raise_hand",
  "virtual_background", "whiteboard", "immersive_scene", "avatar", "switch_to_mobile", "file_sharing", "meeting_summary",
  "meeting_questions", "record_to_computer", "record_to_cloud", "live_translation", "registration", "smart_recording", "multi_speaker",
  "meeting_wallpaper", "gen_ai_virtual_background", "multi_share", "document_collaboration", "portrait_lighting",
  "personalized_audio_isolation", "color_themes",
] as const;

const DAY_MS = 86_400_000;

/** An ended session with what kind of session it was. */
interface Session {
  kind: "meeting" | "webinar";
  past: PastMeetingRecord;
}

/**
 * The account-wide reports derived from the model's state: hosts' activity (`/report/users`), a
 * user's ended meetings, usage per day, cloud recording storage per day, the history of ended
 * meetings and webinars, meeting events, and upcoming sessions. Nothing here is stored: every
 * answer is computed from the sessions, users and recordings the model holds at the time.
 */
export class AccountReports {
  readonly #context: ModelContext;
  readonly #sources: AccountReportSources;

  constructor(context: ModelContext, sources: AccountReportSources) {
    this.#context = context;
    this.#sources = sources;
  }

  /**
   * `GET /report/users`: each host with the meetings they hosted in the range, their participants
   * and participant minutes. `active` hosts hosted at least one meeting; `inactive` ones none.
   */
  users(options: { from: string | undefined; to: string | undefined; type?: "active" | "inactive" | undefined; groupId?: string | undefined }, page: PageRequest) {
    const range = this.#range(options.from, options.to, true);
    const members = this.#groupFilter(options.groupId);
    const held = this.#sessions("meeting").filter((session) => inRange(range, session.past.startedAt));
    const rows = this.#context.directory
      .list()
      .filter((user) => members === undefined || members.has(user.id))
      .map((user) => {
        const hosted = held.filter((session) => session.past.host_id === user.id);
        return {
          id: user.id,
          email: user.email,
          user_name: this.#sources.displayName(user),
          type: user.type ?? 1,
          dept: user.dept ?? "",
          meetings: hosted.length,
          participants: sum(hosted, (session) => session.past.participants_count),
          meeting_minutes: sum(hosted, (session) => session.past.total_minutes),
          custom_attributes: [],
        };
      })
      .filter((row) => (options.type === "inactive" ? row.meetings === 0 : options.type === "active" ? row.meetings > 0 : true));
    const result = this.#context.pages.page(`report-users:${range.from}:${range.to}:${options.type ?? ""}:${options.groupId ?? ""}`, rows, page);
    return {
      from: range.from,
      to: range.to,
      ...numberedPageFields(result),
      total_meetings: sum(rows, (row) => row.meetings),
      total_participants: sum(rows, (row) => row.participants),
      total_meeting_minutes: sum(rows, (row) => row.meeting_minutes),
      users: result.items,
    };
  }

  /**
   * `GET /report/users/{userId}/meetings`: the user's ended meetings and webinars that started in
   * the range, oldest first. `past` lists those they hosted with at least two distinct participants,
   * `pastOne` those they hosted that had a single one, `pastJoined` those they hosted or attended
   * (with their own join and leave times when they attended).
   */
  userMeetings(user: MockApiUser, options: { from: string | undefined; to: string | undefined; type?: UserMeetingsType | undefined }, page: PageRequest) {
    const range = this.#range(options.from, options.to, true);
    const type = options.type ?? "past";
    const recorded = new Set(this.#sources.recordings().map((recording) => recording.uuid));
    const rows = this.#allSessions()
      .filter((session) => inRange(range, session.past.startedAt))
      .flatMap((session): { past: PastMeetingRecord; attendance: Record<string, unknown> | undefined }[] => {
        const past = session.past;
        const attendance = past.participants.find((participant) => isUser(participant, user));
        const hosted = past.host_id === user.id;
        if (type === "pastJoined") return hosted || attendance !== undefined ? [{ past, attendance }] : [];
        if (!hosted) return [];
        const twoOrMore = distinctParticipants(past) >= 2;
        return (type === "past") === twoOrMore ? [{ past, attendance: undefined }] : [];
      })
      .map(({ past, attendance }) => ({
        uuid: past.uuid,
        id: past.id,
        type: past.type,
        topic: past.topic,
        user_name: past.user_name,
        user_email: past.user_email,
        host_name: past.user_name,
        start_time: past.start_time,
        end_time: past.end_time,
        duration: past.duration,
        total_minutes: past.total_minutes,
        participants_count: past.participants_count,
        source: past.source,
        has_recording: recorded.has(past.uuid),
        custom_keys: [],
        ...(attendance === undefined ? {} : { join_time: attendance.join_time, leave_time: attendance.leave_time }),
      }));
    const result = this.#context.pages.page(`report-user-meetings:${user.id}:${range.from}:${range.to}:${type}`, rows, page);
    return { from: range.from, to: range.to, ...numberedPageFields(result), meetings: result.items };
  }

  /**
   * `GET /report/daily`: for each day of the month (up to today), the meetings that started that
   * day, their participants and participant minutes, and the users created that day. The month
   * must be one of the last six (this one included), else 400 code 300.
   */
  daily(options: { year?: number | undefined; month?: number | undefined; groupId?: string | undefined }) {
    const now = this.#context.clock();
    const today = new Date(now);
    const year = options.year ?? today.getUTCFullYear();
    const month = options.month ?? today.getUTCMonth() + 1;
    const monthStart = Date.UTC(year, month - 1, 1);
    if (!Number.isInteger(month) || month < 1 || month > 12 || monthStart > now || monthStart < Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 5, 1)) {
      throw validationFailed([{ field: "month", message: "Daily report can only be provided for a month within the last 6 months." }]);
    }
    const members = this.#groupFilter(options.groupId);
    const inGroup = (userId: string) => members === undefined || members.has(userId);
    const sessions = this.#sessions("meeting").filter((session) => inGroup(session.past.host_id));
    const users = this.#context.directory.list().filter((user) => inGroup(user.id));
    const dates: Record<string, unknown>[] = [];
    for (let day = monthStart; day < Date.UTC(year, month, 1) && day <= now; day += DAY_MS) {
      const held = sessions.filter((session) => session.past.startedAt >= day && session.past.startedAt < day + DAY_MS);
      dates.push({
        date: utcDate(day),
        new_users: users.filter((user) => createdOn(user) === utcDate(day)).length,
        meetings: held.length,
        participants: sum(held, (session) => session.past.participants_count),
        meeting_minutes: sum(held, (session) => session.past.total_minutes),
      });
    }
    return { year, month, dates };
  }

  /**
   * `GET /report/cloud_recording`: cloud storage used by the recordings made each day of the range.
   * Zoom reports a day once it is over, so days from today on are left out. The range may span
   * at most 30 days within the last six months.
   */
  cloudRecording(options: { from: string | undefined; to: string | undefined; groupId?: string | undefined }) {
    const range = this.#range(options.from, options.to, true);
    const members = this.#groupFilter(options.groupId);
    const recordings = this.#sources.recordings().filter((recording) => members === undefined || members.has(recording.host_id));
    const todayStart = Date.parse(`${utcDate(this.#context.clock())}T00:00:00Z`);
    const storage: Record<string, unknown>[] = [];
    let stored = sum(recordings.filter((recording) => recording.startedAt < range.fromMs), recordingBytes);
    for (let day = range.fromMs; day < range.toMs && day < todayStart; day += DAY_MS) {
      const made = sum(recordings.filter((recording) => recording.startedAt >= day && recording.startedAt < day + DAY_MS), recordingBytes);
      stored += made;
      storage.push({ date: utcDate(day), usage: formatBytes(made), plan_usage: formatBytes(stored), free_usage: "Unlimited" });
    }
    return { from: range.from, to: range.to, cloud_recording_storage: storage };
  }

  /**
   * `GET /report/history_meetings`: the account's ended meetings and webinars whose start (or end)
   * falls in the range, oldest first, with the features the model knows they used (polls, cloud
   * recording, AI summary). Resource and reaction reports are not modelled, so those filters match
   * no session.
   */
  history(filters: HistoryFilters, page: PageRequest) {
    const range = this.#range(filters.from, filters.to, false);
    const members = this.#groupFilter(filters.groupId);
    const recorded = new Set(this.#sources.recordings().map((recording) => recording.uuid));
    const search = filters.searchKey?.toLowerCase();
    const rows = this.#allSessions()
      .filter(({ kind, past }) => {
        const at = filters.dateType === "end_time" ? Date.parse(past.end_time) : past.startedAt;
        if (!inRange(range, at)) return false;
        if (filters.meetingType !== undefined && filters.meetingType !== "all" && filters.meetingType !== kind) return false;
        if (members !== undefined && !members.has(past.host_id)) return false;
        if (search !== undefined && ![past.topic, String(past.id), past.user_name, past.user_email].some((text) => text.toLowerCase().includes(search))) return false;
        return matchesReportType(past, filters.reportType);
      })
      .map(({ kind, past }) => {
        const features = Object.fromEntries(FEATURES.map((feature) => [feature, false])) as Record<string, boolean>;
        features.poll = past.pollAnswers.length > 0;
        features.record_to_cloud = recorded.has(past.uuid);
        features.meeting_summary = past.summary !== undefined;
        return { kind, past, features };
      })
      .filter(({ features }) => filters.meetingFeature === undefined || features[filters.meetingFeature] === true)
      .map(({ kind, past, features }) => {
        const scheduled = kind === "meeting" ? this.#sources.meetings().find((meeting) => meeting.id === past.id) : this.#sources.webinars().find((webinar) => webinar.id === past.id);
        return {
          meeting_uuid: past.uuid,
          meeting_id: past.id,
          type: kind === "meeting" ? "Meeting" : "Webinar",
          host_display_name: past.user_name,
          host_email: past.user_email,
          start_time: past.start_time,
          end_time: past.end_time,
          topic: past.topic,
          participants: past.participants_count,
          duration: past.duration,
          total_participant_minutes: past.total_minutes,
          department: past.dept,
          group: this.#sources.groupNames(past.host_id),
          source: past.source,
          ...(scheduled === undefined ? {} : { create_time: scheduled.created_at }),
          custom_fields: [],
          tracking_fields: trackingFieldRows(scheduled?.tracking_fields),
          feature_used: features,
        };
      });
    const key = `report-history:${JSON.stringify(filters)}`;
    const result = this.#context.pages.page(key, rows, page);
    return { page_size: result.page_size, next_page_token: result.next_page_token, history_meetings: result.items };
  }

  /**
   * `GET /report/meeting_activities`: what happened in the account's meetings in the range, oldest
   * first: meetings created, started and ended, and people joining and leaving. Remote control and
   * in-meeting chat are not modelled, so asking for them lists nothing.
   */
  meetingActivities(
    options: { from: string; to: string; activityType: MeetingActivityType; meetingNumber?: string | undefined; searchKey?: string | undefined },
    page: PageRequest,
  ) {
    const range = this.#range(options.from, options.to, false);
    const events: { at: number; row: Record<string, string> }[] = [];
    const event = (at: number, meetingId: number, operator: string, operatorEmail: string, category: MeetingActivityType, detail: string) =>
      events.push({
        at,
        row: { meeting_number: String(meetingId), activity_time: zoomDateTime(at), operator, operator_email: operatorEmail, activity_category: category, activity_detail: detail },
      });
    for (const meeting of this.#sources.meetings()) {
      const host = this.#context.directory.get(meeting.host_id);
      event(Date.parse(meeting.created_at), meeting.id, host === undefined ? meeting.host_email : this.#sources.displayName(host), meeting.host_email, "Meeting Created", `Scheduled "${meeting.topic}"`);
    }
    for (const { past } of this.#sessions("meeting")) {
      event(past.startedAt, past.id, past.user_name, past.user_email, "Meeting Started", `Started "${past.topic}"`);
      for (const participant of past.participants) {
        const name = String(participant.name ?? "");
        const email = String(participant.user_email ?? "");
        event(Date.parse(String(participant.join_time)), past.id, name, email, "User Join", `${name} joined`);
        event(Date.parse(String(participant.leave_time)), past.id, name, email, "User Left", `${name} left`);
      }
      event(Date.parse(past.end_time), past.id, past.user_name, past.user_email, "Meeting Ended", `Ended "${past.topic}"`);
    }
    const search = options.searchKey?.toLowerCase();
    const rows = events
      .filter(({ at, row }) => {
        if (!inRange(range, at)) return false;
        if (options.activityType !== "All Activities" && row.activity_category !== options.activityType) return false;
        if (options.meetingNumber !== undefined && row.meeting_number !== options.meetingNumber.replace(/\s+/g, "")) return false;
        return search === undefined || [row.operator, row.operator_email].some((text) => text?.toLowerCase().includes(search));
      })
      .sort((a, b) => a.at - b.at)
      .map(({ row }) => row);
    const key = `report-meeting-activities:${JSON.stringify(options)}`;
    const result = this.#context.pages.page(key, rows, page);
    return { page_size: result.page_size, next_page_token: result.next_page_token, meeting_activity_logs: result.items };
  }

  /**
   * `GET /report/upcoming_events`: meetings and webinars with a start time in the range, soonest
   * first (recurring ones without a fixed time are not listed).
   */
  upcomingEvents(options: { from: string; to: string; type?: "meeting" | "webinar" | "all" | undefined; groupId?: string | undefined }, page: PageRequest) {
    const range = this.#range(options.from, options.to, false);
    const members = this.#groupFilter(options.groupId);
    const type = options.type ?? "all";
    const sessions = [
      ...(type === "webinar" ? [] : this.#sources.meetings()),
      ...(type === "meeting" ? [] : this.#sources.webinars()),
    ];
    const rows = sessions
      .filter((session) => session.start_time !== undefined && inRange(range, Date.parse(session.start_time)))
      .filter((session) => members === undefined || members.has(session.host_id))
      .sort((a, b) => Date.parse(a.start_time ?? "") - Date.parse(b.start_time ?? ""))
      .map((session) => {
        const host = this.#context.directory.get(session.host_id);
        return {
          id: String(session.id),
          start_time: session.start_time,
          topic: session.topic,
          host_id: session.host_id,
          host_name: host === undefined ? session.host_email : this.#sources.displayName(host),
          dept: host?.dept ?? "",
        };
      });
    const result = this.#context.pages.page(`report-upcoming:${range.from}:${range.to}:${type}:${options.groupId ?? ""}`, rows, page);
    return { from: range.from, to: range.to, ...pageFields(result), upcoming_events: result.items };
  }

  #range(from: string | undefined, to: string | undefined, withinSixMonths: boolean): ReportRange {
    return reportRange(from, to, this.#context.clock(), { withinSixMonths });
  }

  /** The members of `groupId` (none asked: `undefined`); an unknown group answers 400 code 300. */
  #groupFilter(groupId: string | undefined): Set<string> | undefined {
    if (groupId === undefined) return undefined;
    const members = this.#sources.groupMembers(groupId);
    if (members === undefined) throw validationFailed([{ field: "group_id", message: `Invalid parameter: group_id (no group ${groupId}).` }]);
    return new Set(members);
  }

  #sessions(kind: "meeting" | "webinar"): Session[] {
    const source = kind === "meeting" ? this.#sources.pastMeetings : this.#sources.pastWebinars;
    return source.all().map((past) => ({ kind, past }));
  }

  #allSessions(): Session[] {
    return [...this.#sessions("meeting"), ...this.#sessions("webinar")].sort((a, b) => a.past.startedAt - b.past.startedAt);
  }
}

/** Whether a session has the kind of report data `report_type` asks for. */
function matchesReportType(past: PastMeetingRecord, reportType: HistoryFilters["reportType"]): boolean {
  switch (reportType) {
    case undefined:
    case "all":
      return true;
    case "poll":
      return past.pollAnswers.length > 0;
    case "survey":
      return past.surveyAnswers.length > 0;
    case "qa":
      return past.questions.length > 0;
    default:
      return false;
  }
}

/** Whether a participant row of a session is `user` (by Zoom user id, else by email). */
function isUser(participant: Record<string, unknown>, user: MockApiUser): boolean {
  if (participant.id === user.id) return true;
  return typeof participant.user_email === "string" && participant.user_email.toLowerCase() === user.email.toLowerCase();
}

/** How many different people attended (by Zoom user id, else email, else name). */
function distinctParticipants(past: PastMeetingRecord): number {
  return new Set(past.participants.map((participant) => String(participant.id || participant.user_email || participant.name))).size;
}

/** The UTC day a user was created on, when the record says. */
function createdOn(user: MockApiUser): string | undefined {
  const created = user.user_created_at ?? user.created_at;
  return typeof created === "string" && !Number.isNaN(Date.parse(created)) ? utcDate(Date.parse(created)) : undefined;
}

function recordingBytes(recording: RecordingRecord): number {
  return sum(recording.recording_files, (file) => file.file_size);
}

/** A size as Zoom's storage reports write it, e.g. `3 MB` or `1.5 GB`. */
export function formatBytes(bytes: number): string {
  const units = ["B", "KB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${Number.isInteger(value) ? value : value.toFixed(1).replace(/\.0$/, "")} ${units[unit]}`;
}

function sum<T>(items: readonly T[], of: (item: T) => number): number {
  return items.reduce((total, item) => total + of(item), 0);
}


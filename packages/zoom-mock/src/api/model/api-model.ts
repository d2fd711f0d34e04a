import { IdSource, type RandomBytes } from "./id-source.js";
import { type MeetingCreateInput, type MeetingRecord, Meetings } from "./meetings.js";
import { type PageRequest, PageTokens } from "./pagination.js";
import { Panelists } from "./panelists.js";
import {
  type ParticipantInput,
  type PastMeetingRecord,
  PastMeetings,
  type PollAnswer,
  type QuestionAsked,
  type SessionSummaryInput,
  type SurveyAnswer,
} from "./past-meetings.js";
import { Polls } from "./polls.js";
import { LiveStreams } from "./live-streams.js";
import { PresenceStatuses } from "./presence.js";
import { Surveys } from "./surveys.js";
import { RegistrationQuestions } from "./registration-questions.js";
import { SchedulingPrivileges } from "./scheduling-privileges.js";
import { RateLimits } from "./rate-limits.js";
import { type RecordingRecord, Recordings } from "./recordings.js";
import { EventTokens } from "./event-tokens.js";
import { AccountSettings } from "./account-settings.js";
import { ContactGroups } from "./contact-groups.js";
import { Divisions } from "./divisions.js";
import { TspAccounts } from "./tsp-accounts.js";
import { SipPhones } from "./sip-phones.js";
import { LiveEvents } from "./live-events.js";
import { Archives } from "./archives.js";
import { PhoneExtensions } from "./phone-extensions.js";
import { SummaryTemplates } from "./summary-templates.js";
import { UserFeatures } from "./user-features.js";
import { ZdmDevices } from "./zdm-devices.js";
import { ZdmGroups } from "./zdm-groups.js";
import { ZoomRooms } from "./zoom-rooms.js";
import { ZpaReleases } from "./zpa-releases.js";
import { RecordingAnalytics } from "./recording-analytics.js";
import { UserGroups } from "./user-groups.js";
import { GroupSettings } from "./group-settings.js";
import { UserPictures } from "./user-pictures.js";
import { VirtualBackgrounds } from "./virtual-backgrounds.js";
import { WebinarBranding } from "./webinar-branding.js";
import { OpenApps } from "./open-apps.js";
import { Templates } from "./templates.js";
import type { Occurrences } from "./occurrences.js";
import { TrackingSources } from "./tracking-sources.js";
import { ZoomApiFailure } from "./api-failure.js";
import { Registrants, type RegistrationTarget } from "./registrants.js";
import type { ScheduledSessionRecord } from "./scheduled-sessions.js";
import type { ModelContext } from "./model-context.js";
import type { MockApiUser, UserDirectory } from "./user-directory.js";
import { UserSettings } from "./user-settings.js";
import { UserTokens } from "./user-tokens.js";
import { Users } from "./users.js";
import type { WebinarCreateInput, WebinarRecord } from "./webinars.js";
import { Webinars } from "./webinars.js";
import { AccountReports } from "./account-reports.js";
import { ActivityLogs } from "./activity-logs.js";
import { Billing } from "./billing.js";
import { SessionReports } from "./session-reports.js";
import { TelephoneUsage } from "./telephone-usage.js";
import type { RequestBodyOf } from "./request-bodies.js";

/** Options of {@link ApiModel}. */
export interface ApiModelOptions {
  /** Where users live (shared with the OAuth part of the mock). */
  users: UserDirectory;
  /** Current time in ms (default `Date.now`). */
  clock?: () => number;
  /** Random bytes for ids and tokens (default Web Crypto). */
  random?: RandomBytes;
  /** Account id stamped on recordings. */
  accountId?: string;
  /** The account's name, as archived sessions show it (default "Mock Zoom account"). */
  accountName?: string;
}

/** Body of `POST .../batch_registrants` (meetings and webinars), as specs/zoom-api.yaml declares it. */
export type BatchRegistrantsInput = NonNullable<RequestBodyOf<"addBatchRegistrants"> | RequestBodyOf<"addBatchWebinarRegistrants">>;

/** How a test describes a meeting session that already happened. */
export interface HeldMeetingInput {
  /** Who attended (default: the host alone). */
  participants?: readonly ParticipantInput[];
  /** How long the session lasted, ending now (default 30). */
  durationMinutes?: number;
  /** Whether the session was recorded to the cloud (default false). */
  cloudRecording?: boolean;
  /**
   * With `cloudRecording`: whether the host's "separate audio file of each participant" recording
   * option was on (set in Zoom's web settings, not through the API), giving one audio file per participant.
   */
  audioPerParticipant?: boolean;
  /** Poll answers given during the session. */
  pollAnswers?: readonly PollAnswer[];
  /** Questions asked in the session's Q&A. */
  questions?: readonly QuestionAsked[];
  /** Answers to the post-session survey. */
  surveyAnswers?: readonly SurveyAnswer[];
  /** An AI Companion summary of the session. */
  summary?: SessionSummaryInput;
  /** Whether the account's archiving kept the session's files. */
  archive?: boolean;
  /** Files participants sent in the session's chat (what the archive keeps as physical files). */
  sharedFiles?: readonly { name: string; size: number }[];
  /** Names of breakout rooms opened in the session; with `archive`, each is archived as a session of its own. */
  breakoutRooms?: readonly string[];
}

/**
 * The mock Zoom REST API's resource model: every rule of the API lives here, the HTTP handlers only
 * translate. Holds users (through the shared directory), settings, user tokens, meetings, their
 * registrants, past instances and participants, recordings, webinars and simulated rate limits.
 */
export class ApiModel {
  readonly users: Users;
  readonly settings: UserSettings;
  readonly userTokens: UserTokens;
  readonly meetings: Meetings;
  readonly registrants: Registrants;
  readonly pastMeetings: PastMeetings;
  readonly recordings: Recordings;
  readonly webinars: Webinars;
  readonly panelists: Panelists;
  /** Meeting polls. */
  readonly polls: Polls;
  /** Webinar polls. */
  readonly webinarPolls: Polls;
  /** Ended webinar sessions and their attendees. */
  readonly pastWebinars: PastMeetings;
  readonly schedulingPrivileges: SchedulingPrivileges;
  readonly liveStreams: LiveStreams;
  readonly registrationQuestions: RegistrationQuestions;
  readonly surveys: Surveys;
  readonly presence: PresenceStatuses;
  readonly eventTokens: EventTokens;
  readonly meetingTemplates: Templates;
  readonly webinarTemplates: Templates;
  readonly trackingSources: TrackingSources;
  readonly account: AccountSettings;
  readonly contactGroups: ContactGroups;
  readonly groups: UserGroups;
  /** Groups' settings, locks, registration settings and chat channels. */
  readonly groupSettings: GroupSettings;
  /** Virtual background files of users and groups. */
  readonly virtualBackgrounds: VirtualBackgrounds;
  readonly userPictures: UserPictures;
  /** Webinars' session branding: wallpaper, virtual backgrounds, name tags. */
  readonly webinarBranding: WebinarBranding;
  readonly sipPhones: SipPhones;
  readonly liveEvents: LiveEvents;
  readonly archives: Archives;
  readonly recordingAnalytics: RecordingAnalytics;
  /** Zoom Rooms that managed devices belong to (the Zoom Rooms API itself is not mocked). */
  readonly zoomRooms: ZoomRooms;
  /** Zoom Device Management groups. */
  readonly zdmGroups: ZdmGroups;
  /** Firmware and app releases offered for Zoom Phone appliances. */
  readonly zpaReleases: ZpaReleases;
  /** Zoom Phone extension numbers that appliances are assigned through. */
  readonly phoneExtensions: PhoneExtensions;
  /** Devices managed by Zoom Device Management (Zoom Rooms devices and phone appliances). */
  readonly managedDevices: ZdmDevices;
  /** AI Companion meeting summary templates. */
  readonly summaryTemplates: SummaryTemplates;
  /** Plan features of users (`POST /users/features`). */
  readonly userFeatures: UserFeatures;
  readonly tspAccounts: TspAccounts;
  readonly divisions: Divisions;
  readonly openApps: OpenApps;
  readonly rateLimits: RateLimits;
  /** Reports on one ended meeting or webinar session (`/report/meetings/...`, `/report/webinars/...`). */
  readonly sessionReports: SessionReports;
  /** Account-wide reports derived from sessions, users and recordings (`/report/users`, `/report/daily`...). */
  readonly accountReports: AccountReports;
  /** Sign-ins, operation logs and remote support sessions that tests record for the reports. */
  readonly activityLogs: ActivityLogs;
  /** Phone legs of ended sessions that tests record for `/report/telephone`. */
  readonly telephoneUsage: TelephoneUsage;
  /** Billing periods and invoices that tests record for `/report/billing`. */
  readonly billing: Billing;
  readonly clock: () => number;
  readonly #directory: UserDirectory;
  readonly #accountId: string;
  /** Participants a test let into a live meeting, by meeting id, until it ends. */
  readonly #liveParticipants = new Map<number, ParticipantInput[]>();
  /** Live meetings that record to the cloud when they end. */
  readonly #recordingLive = new Set<number>();

  constructor(options: ApiModelOptions) {
    const clock = options.clock ?? Date.now;
    const ids = new IdSource(options.random);
    const pages = new PageTokens(ids, clock);
    const context: ModelContext = { directory: options.users, ids, pages, clock };
    this.clock = clock;
    this.#directory = options.users;
    this.#accountId = options.accountId ?? "mock-account-id";
    this.users = new Users(context);
    this.settings = new UserSettings();
    this.userTokens = new UserTokens(context);
    this.pastMeetings = new PastMeetings(context);
    this.recordings = new Recordings(context);
    this.meetings = new Meetings(context, (meeting, startedAt, endedAt) => {
      const participants = this.#liveParticipants.get(meeting.id) ?? [this.#hostAsParticipant(meeting.host_id)];
      this.#liveParticipants.delete(meeting.id);
      const past = this.#recordPast(meeting, startedAt, endedAt, participants);
      if (this.#recordingLive.delete(meeting.id) || meeting.settings.auto_recording === "cloud") {
        this.recordings.record(past, this.#accountId);
      }
    });
    this.registrants = new Registrants(context);
    this.webinars = new Webinars(context);
    this.panelists = new Panelists(context);
    this.polls = new Polls(ids, "meeting");
    this.webinarPolls = new Polls(ids, "webinar");
    this.pastWebinars = new PastMeetings(context, "webinar");
    this.schedulingPrivileges = new SchedulingPrivileges(context);
    this.liveStreams = new LiveStreams();
    this.registrationQuestions = new RegistrationQuestions();
    this.surveys = new Surveys(ids);
    this.presence = new PresenceStatuses(clock);
    this.eventTokens = new EventTokens(ids);
    this.meetingTemplates = new Templates(ids, "meeting");
    this.webinarTemplates = new Templates(ids, "webinar");
    this.trackingSources = new TrackingSources(ids);
    this.account = new AccountSettings(context);
    this.contactGroups = new ContactGroups(context);
    this.groups = new UserGroups(context);
    this.groupSettings = new GroupSettings(this.groups, ids);
    this.virtualBackgrounds = new VirtualBackgrounds(ids);
    this.userPictures = new UserPictures(context);
    this.webinarBranding = new WebinarBranding(ids, (webinarId, change) => this.panelists.assignToAll(webinarId, change));
    this.tspAccounts = new TspAccounts();
    this.sipPhones = new SipPhones(context);
    this.liveEvents = new LiveEvents(context);
    this.archives = new Archives(ids, pages, options.accountName ?? "Mock Zoom account");
    this.recordingAnalytics = new RecordingAnalytics(context);
    this.divisions = new Divisions(context);
    this.zoomRooms = new ZoomRooms(ids);
    this.zdmGroups = new ZdmGroups(context);
    this.zpaReleases = new ZpaReleases();
    this.phoneExtensions = new PhoneExtensions();
    this.managedDevices = new ZdmDevices(context, { rooms: this.zoomRooms, groups: this.zdmGroups, releases: this.zpaReleases, extensions: this.phoneExtensions });
    this.summaryTemplates = new SummaryTemplates(ids);
    this.userFeatures = new UserFeatures(options.users, this.settings, clock);
    this.openApps = new OpenApps(clock);
    this.rateLimits = new RateLimits(clock);
    this.sessionReports = new SessionReports(context, {
      pastMeetings: this.pastMeetings,
      pastWebinars: this.pastWebinars,
      findMeeting: (id) => this.meetings.find(id),
      findWebinar: (id) => this.webinars.find(id),
      surveys: this.surveys,
    });
    this.accountReports = new AccountReports(context, {
      pastMeetings: this.pastMeetings,
      pastWebinars: this.pastWebinars,
      meetings: () => this.meetings.all(),
      webinars: () => this.webinars.all(),
      recordings: () => this.recordings.all(),
      groupMembers: (groupId) => this.groups.memberIdsOf(groupId),
      groupNames: (userId) => this.groups.groupNamesOf(userId),
      displayName,
    });
    this.activityLogs = new ActivityLogs(context);
    this.telephoneUsage = new TelephoneUsage(context);
    this.billing = new Billing(ids);
  }

  /** Schedules a meeting, with a passcode when the host's settings require one (`POST /users/{userId}/meetings`). */
  createMeeting(host: MockApiUser, input: MeetingCreateInput): MeetingRecord {
    const schedule = this.settings.get(host.id).schedule_meeting as Record<string, unknown> | undefined;
    return this.meetings.create(host, withTemplate(input, this.meetingTemplates, host), {
      requirePasscode: schedule?.require_password_for_scheduled_meetings !== false,
    });
  }

  /** Schedules a webinar (`POST /users/{userId}/webinars`), from one of the host's webinar templates when the input names one. */
  createWebinar(host: MockApiUser, input: WebinarCreateInput): WebinarRecord {
    const recordingFileExists = (fileId: string) => this.recordings.all().some((recording) => recording.recording_files.some((file) => file.id === fileId));
    return this.webinars.create(host, withTemplate(input, this.webinarTemplates, host), recordingFileExists);
  }

  /** Removes a user and everything they host (`DELETE /users/{userId}`). */
  removeUser(user: MockApiUser): void {
    for (const meeting of this.meetings.hostedBy(user.id)) this.registrants.forget(`meeting:${meeting.id}`);
    this.meetings.deleteHostedBy(user.id);
    this.webinars.deleteHostedBy(user.id);
    this.settings.forget(user.id);
    this.schedulingPrivileges.forget(user.id);
    this.presence.forget(user.id);
    this.groups.forget(user.id);
    this.virtualBackgrounds.forget({ kind: "user", id: user.id });
    this.userTokens.revokeAll(user.id);
    this.users.remove(user);
  }

  /**
   * Deletes a meeting (`DELETE /meetings/{meetingId}`). Its registrants and polls are kept: the
   * meeting can be recovered for 7 days, and comes back with them.
   */
  deleteMeeting(meeting: MeetingRecord): void {
    this.meetings.delete(meeting);
  }

  /** Deletes a webinar and its registrants (`DELETE /webinars/{webinarId}`). */
  deleteWebinar(webinar: WebinarRecord): void {
    this.webinars.delete(webinar);
    this.registrants.forget(`webinar:${webinar.id}`);
    this.panelists.removeAll(webinar);
    this.webinarBranding.forget(webinar.id);
  }

  /** What registration needs to know about a meeting. */
  meetingTarget(meeting: MeetingRecord): RegistrationTarget {
    // Meetings default to no registration (approval_type 2).
    return sessionTarget("meeting", meeting, 2, this.meetings.occurrences);
  }

  /** What registration needs to know about a webinar. */
  webinarTarget(webinar: WebinarRecord): RegistrationTarget {
    // Webinars default to automatic approval (approval_type 0).
    return sessionTarget("webinar", webinar, 0, this.webinars.occurrences);
  }

  /** Test hook: the host starts a meeting now (it becomes live, `status: "started"`). */
  startMeeting(meetingId: number, options: { cloudRecording?: boolean } = {}): void {
    const meeting = this.meetings.get(meetingId);
    this.meetings.start(meeting);
    if (options.cloudRecording) this.#recordingLive.add(meeting.id);
  }

  /** Test hook: someone joins a live meeting; they appear among its past participants once it ends. */
  joinMeeting(meetingId: number, participant: ParticipantInput): void {
    const meeting = this.meetings.get(meetingId);
    const list = this.#liveParticipants.get(meeting.id) ?? [this.#hostAsParticipant(meeting.host_id)];
    list.push(participant);
    this.#liveParticipants.set(meeting.id, list);
  }

  /**
   * Test hook: records a session of the meeting that has just ended, `durationMinutes` long, with
   * its participants and (optionally) a cloud recording. Returns the instance.
   */
  holdMeeting(meetingId: number, input: HeldMeetingInput = {}): PastMeetingRecord {
    const meeting = this.meetings.get(meetingId);
    const endedAt = this.clock();
    const startedAt = endedAt - (input.durationMinutes ?? 30) * 60_000;
    const participants = input.participants ?? [this.#hostAsParticipant(meeting.host_id)];
    const past = this.#recordPast(meeting, startedAt, endedAt, participants);
    past.pollAnswers.push(...(input.pollAnswers ?? []));
    past.questions.push(...(input.questions ?? []));
    past.surveyAnswers.push(...(input.surveyAnswers ?? []));
    if (input.summary !== undefined) past.summary = { ...structuredClone(input.summary), createdAt: endedAt };
    if (input.archive) {
      const groupIds = new Set<string>();
      for (const participant of past.participants) {
        // A past participant's `id` is their user id in the account ("" for guests).
        const group = typeof participant.id === "string" && participant.id !== "" ? this.groups.primaryGroupOf(participant.id) : undefined;
        if (group !== undefined) groupIds.add(group);
      }
      this.archives.archive(past, {
        completedAt: endedAt,
        timezone: meeting.timezone,
        scheduledDuration: meeting.duration ?? 0,
        groupIds: [...groupIds],
        sharedFiles: input.sharedFiles ?? [],
        breakoutRooms: input.breakoutRooms ?? [],
      });
    }
    // Each session gets its own UUID; the meeting's next session will have a fresh one.
    this.meetings.renewUuid(meeting);
    if (input.cloudRecording) this.recordings.record(past, this.#accountId, { audioPerParticipant: input.audioPerParticipant === true });
    return past;
  }

  /**
   * Test hook: records a session of the webinar that has just ended, `durationMinutes` long, with
   * its attendees (default: the host alone). Returns the instance.
   */
  holdWebinar(webinarId: number, input: Omit<HeldMeetingInput, "cloudRecording" | "audioPerParticipant" | "summary" | "archive"> = {}): PastMeetingRecord {
    const webinar = this.webinars.get(webinarId);
    const endedAt = this.clock();
    const startedAt = endedAt - (input.durationMinutes ?? 60) * 60_000;
    const participants = input.participants ?? [this.#hostAsParticipant(webinar.host_id)];
    const past = this.pastWebinars.record(webinar, this.#hostInfo(webinar.host_id, webinar.host_email), startedAt, endedAt, participants);
    past.pollAnswers.push(...(input.pollAnswers ?? []));
    past.questions.push(...(input.questions ?? []));
    past.surveyAnswers.push(...(input.surveyAnswers ?? []));
    this.webinars.renewUuid(webinar);
    return past;
  }

  /**
   * `POST /meetings/{meetingId}/batch_registrants`: registers many people at once. Zoom allows it for
   * scheduled meetings (type 2) only (code 303 otherwise).
   */
  addMeetingRegistrants(meeting: MeetingRecord, input: BatchRegistrantsInput) {
    if (meeting.type !== 2) {
      throw new ZoomApiFailure(400, 303, "This API can only be used for scheduled meeting(meeting type: 2). Batch registration is not supported for other meeting types.");
    }
    return this.#addBatch(this.meetingTarget(meeting), input, true);
  }

  /** `POST /webinars/{webinarId}/batch_registrants`. */
  addWebinarRegistrants(webinar: WebinarRecord, input: BatchRegistrantsInput) {
    return this.#addBatch(this.webinarTarget(webinar), input, false);
  }

  #addBatch(target: RegistrationTarget, input: BatchRegistrantsInput, withPin: boolean) {
    const approval = input.auto_approve ? { ...target, approval_type: 0 } : target;
    return {
      registrants: (input.registrants ?? []).map((registrant) => {
        const added = this.registrants.add(approval, { ...registrant });
        const row: Record<string, unknown> = { email: registrant.email, join_url: added.join_url, registrant_id: added.registrant_id };
        if (withPin) row.participant_pin_code = added.participant_pin_code;
        return row;
      }),
    };
  }

  /** What registration for a meeting's cloud recording (on-demand viewing) needs to know. */
  recordingTarget(recording: RecordingRecord): RegistrationTarget {
    const settings = this.recordings.settingsOf(recording);
    return {
      key: `recording:${recording.id}`,
      id: recording.id,
      topic: recording.topic,
      join_url: recording.share_url,
      approval_type: typeof settings.approval_type === "number" ? settings.approval_type : 2,
    };
  }

  /** `GET /meetings/meeting_summaries`: summaries of sessions hosted in the caller's account. */
  listSummaries(range: { from?: number; to?: number }, page: PageRequest) {
    return this.pastMeetings.summaries(
      (past) => ({ id: past.host_id, email: this.#directory.get(past.host_id)?.email ?? past.user_email }),
      range,
      page,
    );
  }

  /** `GET /meetings/{meetingId}/meeting_summary`. */
  summaryOf(meetingId: string) {
    const past = this.pastMeetings.withSummary(meetingId);
    return this.pastMeetings.summaryView(past, past.host_id, this.#directory.get(past.host_id)?.email ?? past.user_email);
  }

  /**
   * `GET /past_webinars/{webinarId}/absentees`: approved registrants of the webinar whose email is
   * not among the attendees of the session `{webinarId}` names (a UUID, or the latest session).
   */
  webinarAbsentees(webinarId: string, page: PageRequest) {
    const past = this.pastWebinars.resolve(webinarId);
    const attended = new Set(past.participants.map((participant) => String(participant.user_email ?? "").toLowerCase()));
    const target: RegistrationTarget = { key: `webinar:${past.id}`, id: past.id, topic: past.topic, join_url: "", approval_type: 0 };
    const approved = this.registrants.all(target).filter(
      (registrant) => registrant.status === "approved" && !attended.has(String(registrant.email).toLowerCase()),
    );
    return this.registrants.page(`absentees:${past.uuid}`, approved, page);
  }

  #recordPast(meeting: MeetingRecord, startedAt: number, endedAt: number, participants: readonly ParticipantInput[]) {
    return this.pastMeetings.record(meeting, this.#hostInfo(meeting.host_id, meeting.host_email), startedAt, endedAt, participants);
  }

  #hostInfo(hostId: string, hostEmail: string) {
    const host = this.#directory.get(hostId);
    return {
      name: host === undefined ? hostEmail : displayName(host),
      email: host?.email ?? hostEmail,
      ...(typeof host?.dept === "string" ? { dept: host.dept } : {}),
    };
  }

  #hostAsParticipant(hostId: string): ParticipantInput {
    const host = this.#directory.get(hostId);
    if (host === undefined) return { name: "Host" };
    return { name: displayName(host), user_email: host.email, user_id: host.id };
  }
}

/**
 * What registration needs to know about a meeting or webinar: registrants are kept under
 * `{kind}:{id}`, and the session's `approval_type` setting applies (else `defaultApprovalType`).
 */
/**
 * A scheduling request that names a `template_id`: the template's settings under the request's own,
 * and its saved recurrence unless the request has one.
 */
function withTemplate<Input extends { template_id?: string; settings?: Record<string, unknown>; recurrence?: Record<string, unknown> }>(
  input: Input,
  templates: Templates,
  host: MockApiUser,
): Input {
  if (input.template_id === undefined) return input;
  const template = templates.scheduleFrom(host.id, input.template_id);
  return { ...input, settings: { ...template.settings, ...input.settings }, recurrence: input.recurrence ?? template.recurrence };
}

function sessionTarget(
  kind: "meeting" | "webinar",
  session: ScheduledSessionRecord<number>,
  defaultApprovalType: number,
  occurrences: Occurrences,
): RegistrationTarget {
  const approvalType = session.settings.approval_type;
  return {
    occurrences: occurrences.of(session),
    key: `${kind}:${session.id}`,
    id: session.id,
    topic: session.topic,
    join_url: session.join_url,
    start_time: session.start_time,
    approval_type: typeof approvalType === "number" ? approvalType : defaultApprovalType,
  };
}

/** The name Zoom shows for a user. */
export function displayName(user: MockApiUser): string {
  if (typeof user.display_name === "string" && user.display_name !== "") return user.display_name;
  const joined = [user.first_name, user.last_name].filter((part) => typeof part === "string" && part !== "").join(" ");
  return joined === "" ? user.email : joined;
}

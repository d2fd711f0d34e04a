import { validationFailed, webinarNotFound } from "./api-failure.js";
import type { OccurrenceQuery } from "./meetings.js";
import { Occurrences } from "./occurrences.js";
import { numberedPageFields, type PageRequest } from "./pagination.js";
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

/** Webinar types: 5 webinar, 6 recurring without fixed time, 9 recurring with fixed time. */
export type WebinarType = 5 | 6 | 9;

/** A webinar as the model keeps it, in Zoom's field names. */
export interface WebinarRecord extends ScheduledSessionRecord<WebinarType> {
  registration_url: string;
  h323_passcode: string;
  encrypted_passcode: string;
  is_simulive: boolean;
  /** Of a simulive webinar: the cloud recording file it plays. */
  record_file_id?: string;
  /** Of a simulive webinar: whether the host may turn it into a live webinar. */
  transition_to_live?: boolean;
  /** Of a simulive webinar: how long after the start the recording begins to play. */
  simulive_delay_start?: SimuliveDelay;
  /** The webinar template it was scheduled from, if any. */
  template_id?: string;
}

/** How long a simulive webinar waits before playing its recording: 1–60 seconds or 1–10 minutes when enabled. */
export interface SimuliveDelay {
  enable: boolean;
  time?: number;
  timeunit?: "second" | "minute";
}

/** Body of `POST /users/{userId}/webinars`, as specs/zoom-api.yaml declares it. */
export type WebinarCreateInput = NonNullable<RequestBodyOf<"webinarCreate">>;

/** Body of `PATCH /webinars/{webinarId}`, as specs/zoom-api.yaml declares it. */
export type WebinarUpdateInput = NonNullable<RequestBodyOf<"webinarUpdate">>;

/** The longest playback delay of a simulive webinar, per unit. */
const MAX_SIMULIVE_DELAY: Readonly<Record<"second" | "minute", number>> = { second: 60, minute: 10 };

function defaultWebinarSettings(): Record<string, unknown> {
  return {
    host_video: true,
    panelists_video: true,
    practice_session: false,
    hd_video: false,
    approval_type: 0,
    registration_type: 1,
    audio: "both",
    auto_recording: "none",
    on_demand: false,
    allow_multiple_devices: true,
    close_registration: false,
    show_share_button: true,
    registrants_email_notification: true,
  };
}

/** Webinars: scheduling, reading, listing, updating, deleting. Needs the host's webinar feature in Zoom; the mock allows it for every user. */
export class Webinars {
  /** The occurrences of recurring webinars (type 9) and what was changed for single ones. */
  readonly occurrences: Occurrences;
  readonly #webinars = new Map<number, WebinarRecord>();
  readonly #context: ModelContext;

  constructor(context: ModelContext) {
    this.#context = context;
    this.occurrences = new Occurrences(context.clock);
  }

  /**
   * `POST /users/{userId}/webinars`. A simulive webinar (`is_simulive`) plays a cloud recording:
   * it needs a `record_file_id` (`recordingFileExists` says whether the account has that file) and
   * carries whether it may turn live and its playback delay (none unless asked).
   */
  create(host: MockApiUser, input: WebinarCreateInput, recordingFileExists: (fileId: string) => boolean = () => true): WebinarRecord {
    const simulive = input.is_simulive === true ? simuliveFields(input, recordingFileExists) : undefined;
    const now = this.#context.clock();
    const type = input.type ?? 5;
    const id = this.#context.ids.meetingNumber();
    const password = input.password ?? (input.default_passcode === false ? "" : this.#context.ids.digits(6));
    const webinar: WebinarRecord = {
      id,
      uuid: this.#context.ids.meetingUuid(),
      host_id: host.id,
      host_email: host.email,
      topic: input.topic ?? "Zoom webinar",
      type,
      timezone: sessionTimezone(host, input.timezone),
      agenda: input.agenda ?? "",
      created_at: zoomDateTime(now),
      start_url: `https://zoom.us/s/${id}?zak=${this.#context.ids.opaque(32)}`,
      join_url: `https://zoom.us/w/${id}`,
      registration_url: `https://zoom.us/webinar/register/WN_${this.#context.ids.entityId()}`,
      password,
      h323_passcode: password,
      encrypted_passcode: password === "" ? "" : this.#context.ids.opaque(24),
      is_simulive: input.is_simulive ?? false,
      settings: { ...defaultWebinarSettings(), ...(input.settings ?? {}) },
    };
    if (input.template_id !== undefined) webinar.template_id = input.template_id;
    if (simulive !== undefined) Object.assign(webinar, simulive);
    // Recurring webinars without a fixed time (type 6) have no start time.
    scheduleSession(webinar, input, now, { hasFixedTime: type !== 6, recurring: type === 9 });
    this.#webinars.set(id, webinar);
    return webinar;
  }

  /** The webinar with this id; unknown gives 404 code 3001. */
  get(webinarId: number | string): WebinarRecord {
    const webinar = this.#webinars.get(Number(webinarId));
    if (webinar === undefined) throw webinarNotFound(webinarId);
    return webinar;
  }

  /** `GET /webinars/{webinarId}`: with its occurrences when it recurs, or as one occurrence is with `occurrenceId`. */
  view(webinar: WebinarRecord, query: OccurrenceQuery = {}): Record<string, unknown> {
    const view: Record<string, unknown> = { ...structuredClone(webinar), creation_source: "open_api" };
    if (webinar.recurrence !== undefined) view.occurrences = this.occurrences.of(webinar, { includePast: query.includePast });
    return query.occurrenceId === undefined ? view : this.occurrences.apply(webinar, query.occurrenceId, view);
  }

  /** `GET /users/{userId}/webinars`: `scheduled` (all) or `upcoming` (start in the future). */
  list(hostId: string, type: "scheduled" | "upcoming" | undefined, page: PageRequest) {
    const listType = type ?? "scheduled";
    const now = this.#context.clock();
    const matching = [...this.#webinars.values()].filter(
      (webinar) =>
        webinar.host_id === hostId &&
        (listType === "scheduled" || webinar.start_time === undefined || Date.parse(webinar.start_time) >= now),
    );
    const result = this.#context.pages.page(`webinars:${hostId}:${listType}`, matching, page);
    return {
      ...numberedPageFields(result),
      webinars: result.items.map((webinar) => sessionSummary(webinar, { is_simulive: webinar.is_simulive })),
    };
  }

  /** `PATCH /webinars/{webinarId}`: merges fields; `settings` merge key by key. With an `occurrenceId` only that occurrence changes. */
  update(webinar: WebinarRecord, patch: WebinarUpdateInput, occurrenceId?: string): void {
    if (occurrenceId !== undefined) {
      this.occurrences.change(webinar, occurrenceId, patch);
      return;
    }
    updateSession(webinar, patch, this.#context.clock(), (type) => type === 9);
    if ((["start_time", "recurrence", "timezone", "type"] as const).some((field) => patch[field] !== undefined)) this.occurrences.forget(webinar.id);
    if (patch.password !== undefined) {
      webinar.password = patch.password;
      webinar.h323_passcode = patch.password;
    }
  }

  /**
   * `PUT /webinars/{webinarId}/status {"action":"end"}`. The mock does not run webinars live, so
   * there is never a session to end: the webinar only has to exist.
   */
  end(webinar: WebinarRecord): void {
    this.get(webinar.id);
  }

  /** Gives the webinar a fresh instance UUID: each session has its own, as in Zoom. */
  renewUuid(webinar: WebinarRecord): void {
    webinar.uuid = this.#context.ids.meetingUuid();
  }

  /** The webinar if it exists, without throwing. */
  find(webinarId: number | string): WebinarRecord | undefined {
    return this.#webinars.get(Number(webinarId));
  }

  /** `DELETE /webinars/{webinarId}`; with an `occurrenceId` cancels only that occurrence. */
  delete(webinar: WebinarRecord, occurrenceId?: string): void {
    if (occurrenceId !== undefined) {
      this.occurrences.delete(webinar, occurrenceId);
      return;
    }
    this.#webinars.delete(webinar.id);
    this.occurrences.forget(webinar.id);
  }

  /** Deletes every webinar a removed user hosted. */
  /** Every scheduled webinar of the account, in creation order. */
  all(): WebinarRecord[] {
    return [...this.#webinars.values()];
  }

  deleteHostedBy(hostId: string): void {
    for (const webinar of this.#webinars.values()) if (webinar.host_id === hostId) this.#webinars.delete(webinar.id);
  }
}

/** The simulive fields of a webinar from its request; a missing or unknown recording file or an out-of-range delay gives 400 code 300. */
function simuliveFields(input: WebinarCreateInput, recordingFileExists: (fileId: string) => boolean) {
  const fileId = input.record_file_id;
  if (fileId === undefined || fileId === "") throw validationFailed([{ field: "record_file_id", message: "A simulive webinar needs the record_file_id of the recording it plays." }]);
  if (!recordingFileExists(fileId)) throw validationFailed([{ field: "record_file_id", message: `No cloud recording file has the id ${fileId}.` }]);
  const delay = input.simulive_delay_start ?? {};
  if (delay.enable === true) {
    const unit = delay.timeunit ?? "second";
    const time = delay.time;
    if (time === undefined || time < 1 || time > MAX_SIMULIVE_DELAY[unit]) {
      throw validationFailed([{ field: "simulive_delay_start.time", message: `The playback delay must be 1 to ${MAX_SIMULIVE_DELAY[unit]} ${unit}s.` }]);
    }
    return { record_file_id: fileId, transition_to_live: input.transition_to_live ?? false, simulive_delay_start: { enable: true, time, timeunit: unit } };
  }
  return { record_file_id: fileId, transition_to_live: input.transition_to_live ?? false, simulive_delay_start: { enable: false } };
}

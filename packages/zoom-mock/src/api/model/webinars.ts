import { validationFailed, webinarNotFound } from "./api-failure.js";
import type { IdSource } from "./id-source.js";
import type { PageRequest, PageTokens } from "./pagination.js";
import type { MockApiUser } from "./user-directory.js";
import { zoomDateTime } from "./zoom-time.js";

/** Webinar types: 5 webinar, 6 recurring without fixed time, 9 recurring with fixed time. */
export type WebinarType = 5 | 6 | 9;

/** A webinar as the model keeps it, in Zoom's field names. */
export interface WebinarRecord {
  id: number;
  uuid: string;
  host_id: string;
  host_email: string;
  topic: string;
  type: WebinarType;
  start_time?: string;
  duration?: number;
  timezone: string;
  agenda: string;
  created_at: string;
  start_url: string;
  join_url: string;
  registration_url: string;
  password: string;
  h323_passcode: string;
  encrypted_passcode: string;
  is_simulive: boolean;
  settings: Record<string, unknown>;
  recurrence?: Record<string, unknown>;
  tracking_fields?: unknown[];
}

/** Body of `POST /users/{userId}/webinars` (the fields the model acts on). */
export interface WebinarCreateInput {
  topic?: string;
  type?: WebinarType;
  start_time?: string;
  duration?: number;
  timezone?: string;
  agenda?: string;
  password?: string;
  default_passcode?: boolean;
  settings?: Record<string, unknown>;
  recurrence?: Record<string, unknown>;
  tracking_fields?: unknown[];
  is_simulive?: boolean;
  [field: string]: unknown;
}

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
  readonly #webinars = new Map<number, WebinarRecord>();
  readonly #ids: IdSource;
  readonly #pages: PageTokens;
  readonly #clock: () => number;

  constructor(ids: IdSource, pages: PageTokens, clock: () => number) {
    this.#ids = ids;
    this.#pages = pages;
    this.#clock = clock;
  }

  /** `POST /users/{userId}/webinars`. */
  create(host: MockApiUser, input: WebinarCreateInput): WebinarRecord {
    const now = this.#clock();
    const type = input.type ?? 5;
    const id = this.#ids.meetingNumber();
    const password = input.password ?? (input.default_passcode === false ? "" : this.#ids.digits(6));
    const webinar: WebinarRecord = {
      id,
      uuid: this.#ids.meetingUuid(),
      host_id: host.id,
      host_email: host.email,
      topic: input.topic ?? "Zoom webinar",
      type,
      timezone: input.timezone ?? (typeof host.timezone === "string" ? host.timezone : "UTC"),
      agenda: input.agenda ?? "",
      created_at: zoomDateTime(now),
      start_url: `https://zoom.us/s/${id}?zak=${this.#ids.opaque(32)}`,
      join_url: `https://zoom.us/w/${id}`,
      registration_url: `https://zoom.us/webinar/register/WN_${this.#ids.entityId()}`,
      password,
      h323_passcode: password,
      encrypted_passcode: password === "" ? "" : this.#ids.opaque(24),
      is_simulive: input.is_simulive ?? false,
      settings: { ...defaultWebinarSettings(), ...(input.settings ?? {}) },
    };
    if (type !== 6) {
      webinar.start_time = zoomDateTime(parseStartTime(input.start_time, now));
      webinar.duration = input.duration ?? 60;
    }
    if (input.recurrence !== undefined) webinar.recurrence = input.recurrence;
    if (input.tracking_fields !== undefined) webinar.tracking_fields = input.tracking_fields;
    this.#webinars.set(id, webinar);
    return webinar;
  }

  /** The webinar with this id; unknown gives 404 code 3001. */
  get(webinarId: number | string): WebinarRecord {
    const webinar = this.#webinars.get(Number(webinarId));
    if (webinar === undefined) throw webinarNotFound(webinarId);
    return webinar;
  }

  /** `GET /webinars/{webinarId}`. */
  view(webinar: WebinarRecord): Record<string, unknown> {
    return { ...structuredClone(webinar), creation_source: "open_api" };
  }

  /** `GET /users/{userId}/webinars`: `scheduled` (all) or `upcoming` (start in the future). */
  list(hostId: string, type: "scheduled" | "upcoming" | undefined, page: PageRequest) {
    const listType = type ?? "scheduled";
    const now = this.#clock();
    const matching = [...this.#webinars.values()].filter(
      (webinar) =>
        webinar.host_id === hostId &&
        (listType === "scheduled" || webinar.start_time === undefined || Date.parse(webinar.start_time) >= now),
    );
    const result = this.#pages.page(`webinars:${hostId}:${listType}`, matching, page);
    return {
      page_count: result.total_records === 0 ? 0 : Math.ceil(result.total_records / result.page_size),
      page_number: 1,
      page_size: result.page_size,
      total_records: result.total_records,
      next_page_token: result.next_page_token,
      webinars: result.items.map((webinar) => {
        const out: Record<string, unknown> = {
          uuid: webinar.uuid,
          id: webinar.id,
          host_id: webinar.host_id,
          topic: webinar.topic,
          type: webinar.type,
          timezone: webinar.timezone,
          agenda: webinar.agenda,
          created_at: webinar.created_at,
          join_url: webinar.join_url,
          is_simulive: webinar.is_simulive,
        };
        if (webinar.start_time !== undefined) out.start_time = webinar.start_time;
        if (webinar.duration !== undefined) out.duration = webinar.duration;
        return out;
      }),
    };
  }

  /** `PATCH /webinars/{webinarId}`: merges fields; `settings` merge key by key. */
  update(webinar: WebinarRecord, patch: WebinarCreateInput): void {
    if (patch.topic !== undefined) webinar.topic = patch.topic;
    if (patch.agenda !== undefined) webinar.agenda = patch.agenda;
    if (patch.type !== undefined) webinar.type = patch.type;
    if (patch.duration !== undefined) webinar.duration = patch.duration;
    if (patch.timezone !== undefined) webinar.timezone = patch.timezone;
    if (patch.start_time !== undefined) webinar.start_time = zoomDateTime(parseStartTime(patch.start_time, this.#clock()));
    if (patch.password !== undefined) {
      webinar.password = patch.password;
      webinar.h323_passcode = patch.password;
    }
    if (patch.settings !== undefined) webinar.settings = { ...webinar.settings, ...patch.settings };
    if (patch.recurrence !== undefined) webinar.recurrence = patch.recurrence;
    if (patch.tracking_fields !== undefined) webinar.tracking_fields = patch.tracking_fields;
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
    webinar.uuid = this.#ids.meetingUuid();
  }

  /** The webinar if it exists, without throwing. */
  find(webinarId: number | string): WebinarRecord | undefined {
    return this.#webinars.get(Number(webinarId));
  }

  /** `DELETE /webinars/{webinarId}`. */
  delete(webinar: WebinarRecord): void {
    this.#webinars.delete(webinar.id);
  }

  /** Deletes every webinar a removed user hosted. */
  deleteHostedBy(hostId: string): void {
    for (const webinar of this.#webinars.values()) if (webinar.host_id === hostId) this.#webinars.delete(webinar.id);
  }
}

function parseStartTime(value: string | undefined, now: number): number {
  if (value === undefined) return now;
  const parsed = Date.parse(value);
  if (Number.isNaN(parsed)) {
    throw validationFailed([{ field: "start_time", message: "start_time must be a date-time like 2026-11-28T10:00:00Z." }]);
  }
  return parsed;
}

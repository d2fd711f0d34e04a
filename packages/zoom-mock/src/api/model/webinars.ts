import { webinarNotFound } from "./api-failure.js";
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
}

/** Body of `POST /users/{userId}/webinars`, as specs/zoom-api.yaml declares it. */
export type WebinarCreateInput = NonNullable<RequestBodyOf<"webinarCreate">>;

/** Body of `PATCH /webinars/{webinarId}`, as specs/zoom-api.yaml declares it. */
export type WebinarUpdateInput = NonNullable<RequestBodyOf<"webinarUpdate">>;

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
  readonly #context: ModelContext;

  constructor(context: ModelContext) {
    this.#context = context;
  }

  /** `POST /users/{userId}/webinars`. */
  create(host: MockApiUser, input: WebinarCreateInput): WebinarRecord {
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
    // Recurring webinars without a fixed time (type 6) have no start time.
    scheduleSession(webinar, input, now, { hasFixedTime: type !== 6 });
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

  /** `PATCH /webinars/{webinarId}`: merges fields; `settings` merge key by key. */
  update(webinar: WebinarRecord, patch: WebinarUpdateInput): void {
    updateSession(webinar, patch, this.#context.clock());
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

  /** `DELETE /webinars/{webinarId}`. */
  delete(webinar: WebinarRecord): void {
    this.#webinars.delete(webinar.id);
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

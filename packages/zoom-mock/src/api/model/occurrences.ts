import { validationFailed } from "./api-failure.js";
import { type Recurrence, occurrenceStarts } from "./recurrence.js";
import type { ScheduledSessionRecord } from "./scheduled-sessions.js";
import { zoomDateTime } from "./zoom-time.js";

/** One occurrence of a recurring meeting or webinar, as Zoom shows it. */
export interface OccurrenceView {
  /** The occurrence's first scheduled start in ms, as a string: it stays the same when the occurrence moves. */
  occurrence_id: string;
  start_time: string;
  duration: number;
  status: "available" | "deleted";
}

/** What `PATCH ...?occurrence_id=` may change for one occurrence only. */
export interface OccurrenceChange {
  start_time?: string;
  duration?: number;
  agenda?: string;
  settings?: Record<string, unknown>;
}

/** The fields of a session `PATCH` that Zoom applies to a single occurrence; any other refuses the request. */
const OCCURRENCE_FIELDS: ReadonlySet<string> = new Set(["start_time", "duration", "agenda", "settings"]);

interface OccurrenceState extends OccurrenceChange {
  deleted?: boolean;
}

/**
 * The occurrences of recurring sessions with a fixed time (meetings of type 8, webinars of type 9):
 * derived from the session's recurrence, first start, duration and time zone, plus what was changed
 * or deleted for single occurrences. A session without a recurrence has none.
 */
export class Occurrences {
  readonly #states = new Map<number, Map<string, OccurrenceState>>();
  readonly #clock: () => number;

  constructor(clock: () => number) {
    this.#clock = clock;
  }

  /**
   * The session's occurrences in order. Those that ended before now are left out unless
   * `includePast` (Zoom's `show_previous_occurrences`); deleted ones show with status `deleted`.
   */
  of(session: ScheduledSessionRecord<number>, options: { includePast?: boolean | undefined } = {}): OccurrenceView[] {
    if (session.recurrence === undefined || session.start_time === undefined) return [];
    const states = this.#states.get(session.id);
    const now = this.#clock();
    const duration = session.duration ?? 60;
    const out: OccurrenceView[] = [];
    for (const start of occurrenceStarts(session.recurrence as unknown as Recurrence, Date.parse(session.start_time), session.timezone)) {
      const id = String(start);
      const state = states?.get(id);
      const view: OccurrenceView = {
        occurrence_id: id,
        start_time: state?.start_time ?? zoomDateTime(start),
        duration: state?.duration ?? duration,
        status: state?.deleted === true ? "deleted" : "available",
      };
      const ends = Date.parse(view.start_time) + view.duration * 60_000;
      if (options.includePast !== true && ends < now) continue;
      out.push(view);
    }
    return out;
  }

  /** The occurrence with this id, past ones included; an id the session does not have gives 400 code 300. */
  get(session: ScheduledSessionRecord<number>, occurrenceId: string): OccurrenceView {
    const occurrence = this.of(session, { includePast: true }).find((candidate) => candidate.occurrence_id === occurrenceId);
    if (occurrence === undefined) throw validationFailed([{ field: "occurrence_id", message: `Invalid occurrence_id: ${occurrenceId}.` }]);
    return occurrence;
  }

  /**
   * The session as it is for one occurrence: that occurrence's start, duration, agenda and
   * settings over the session's own (the `GET ...?occurrence_id=` answer).
   */
  apply(session: ScheduledSessionRecord<number>, occurrenceId: string, view: Record<string, unknown>): Record<string, unknown> {
    const occurrence = this.get(session, occurrenceId);
    const state = this.#states.get(session.id)?.get(occurrenceId);
    const out: Record<string, unknown> = { ...view, start_time: occurrence.start_time, duration: occurrence.duration };
    if (state?.agenda !== undefined) out.agenda = state.agenda;
    if (state?.settings !== undefined) out.settings = { ...(view.settings as Record<string, unknown>), ...state.settings };
    return out;
  }

  /**
   * `PATCH ...?occurrence_id=`: changes one occurrence's start, duration, agenda or settings (merged
   * key by key); the other occurrences keep the session's. Other fields cannot change for a single
   * occurrence: naming one gives 400 code 300.
   */
  change(session: ScheduledSessionRecord<number>, occurrenceId: string, patch: Record<string, unknown>): void {
    this.get(session, occurrenceId);
    const refused = Object.keys(patch).filter((field) => !OCCURRENCE_FIELDS.has(field));
    if (refused.length > 0) {
      throw validationFailed(refused.map((field) => ({ field, message: `${field} cannot be changed for a single occurrence; update the whole series instead.` })));
    }
    const state = this.#state(session.id, occurrenceId);
    if (typeof patch.start_time === "string") {
      const start = Date.parse(patch.start_time);
      if (Number.isNaN(start)) throw validationFailed([{ field: "start_time", message: "start_time must be a date-time like 2026-11-28T10:00:00Z." }]);
      state.start_time = zoomDateTime(start);
    }
    if (typeof patch.duration === "number") state.duration = patch.duration;
    if (typeof patch.agenda === "string") state.agenda = patch.agenda;
    if (patch.settings !== undefined) state.settings = { ...state.settings, ...(patch.settings as Record<string, unknown>) };
  }

  /** `DELETE ...?occurrence_id=`: the occurrence is cancelled (status `deleted`); the series stays. */
  delete(session: ScheduledSessionRecord<number>, occurrenceId: string): void {
    this.get(session, occurrenceId);
    this.#state(session.id, occurrenceId).deleted = true;
  }

  /** Forgets the single-occurrence changes of a session whose series changed or which was deleted. */
  forget(sessionId: number): void {
    this.#states.delete(sessionId);
  }

  #state(sessionId: number, occurrenceId: string): OccurrenceState {
    let states = this.#states.get(sessionId);
    if (states === undefined) {
      states = new Map();
      this.#states.set(sessionId, states);
    }
    let state = states.get(occurrenceId);
    if (state === undefined) {
      state = {};
      states.set(occurrenceId, state);
    }
    return state;
  }
}

import { countedPageFields, type PageRequest } from "./pagination.js";
import type { PastMeetingRecord } from "./past-meetings.js";
import { inRange, reportRange } from "./report-range.js";
import { zoomDateTime } from "./zoom-time.js";
import type { ModelContext } from "./model-context.js";

/** The kinds of telephone leg Zoom bills. */
export type TelephoneLegType =
  | "toll-free"
  | "call-out"
  | "call-in"
  | "US toll-number"
  | "global toll-number"
  | "premium"
  | "premium call-in"
  | "Toll";

/**
 * The audio plans `GET /report/telephone?type=` selects: `1` toll-free call-in and call-out, `2`
 * toll, `3` SIP connected audio.
 */
export type TelephoneAudioType = "1" | "2" | "3";

/** Which instant `from` and `to` apply to. */
export type TelephoneDateType = "start_time" | "end_time" | "meeting_start_time" | "meeting_end_time";

/** One phone leg of an ended meeting session, as a test records it. */
export interface TelephoneCallInput {
  type: TelephoneLegType;
  /** The caller's (or callee's) number. */
  phoneNumber: string;
  countryName?: string;
  /** The meeting's number that was dialled (call-in legs). */
  callInNumber?: string;
  /** Whether the leg came through SIP connected audio (reported under `type=3`). */
  sipConnected?: boolean;
  /** Minutes after the session started that the leg began (default 0). */
  joinedAfterMinutes?: number;
  /** Billed minutes. */
  minutes: number;
  /** Price per minute. */
  rate: number;
}

interface TelephoneCall {
  audio: TelephoneAudioType;
  startAt: number;
  endAt: number;
  meetingStartAt: number;
  meetingEndAt: number;
  row: Record<string, unknown>;
}

const TOLL_FREE_LEGS: readonly TelephoneLegType[] = ["toll-free", "call-out"];

/**
 * Telephone legs of the account's meetings, for `GET /report/telephone`. Tests record legs against
 * an ended session; the report lists them by the leg's or the session's start or end, one audio
 * plan at a time (toll-free by default), with cost `rate × minutes`.
 */
export class TelephoneUsage {
  readonly #calls: TelephoneCall[] = [];
  readonly #context: ModelContext;

  constructor(context: ModelContext) {
    this.#context = context;
  }

  /** Test hook: a phone leg of an ended session (its host details come from the session). */
  recordCall(session: PastMeetingRecord, input: TelephoneCallInput): void {
    const startAt = session.startedAt + (input.joinedAfterMinutes ?? 0) * 60_000;
    const endAt = startAt + input.minutes * 60_000;
    const audio: TelephoneAudioType = input.sipConnected ? "3" : TOLL_FREE_LEGS.includes(input.type) ? "1" : "2";
    this.#calls.push({
      audio,
      startAt,
      endAt,
      meetingStartAt: session.startedAt,
      meetingEndAt: Date.parse(session.end_time),
      row: {
        uuid: session.uuid,
        meeting_id: session.id,
        // Webinar sessions have types 5, 6 and 9.
        meeting_type: [5, 6, 9].includes(session.type) ? "Webinar" : "Meeting",
        host_id: session.host_id,
        host_name: session.user_name,
        host_email: session.user_email,
        dept: session.dept,
        start_time: zoomDateTime(startAt),
        end_time: zoomDateTime(endAt),
        duration: input.minutes,
        type: input.type,
        phone_number: input.phoneNumber,
        signaled_number: input.phoneNumber,
        call_in_number: input.callInNumber ?? "",
        country_name: input.countryName ?? "",
        rate: input.rate,
        total: Math.round(input.rate * input.minutes * 100) / 100,
      },
    });
  }

  /** `GET /report/telephone`: legs of one audio plan whose chosen instant falls in the range. */
  report(options: { from: string; to: string; type?: TelephoneAudioType | undefined; dateType?: TelephoneDateType | undefined }, page: PageRequest) {
    const range = reportRange(options.from, options.to, this.#context.clock());
    const audio = options.type ?? "1";
    const dateType = options.dateType ?? "start_time";
    const instant = (call: TelephoneCall) =>
      dateType === "end_time" ? call.endAt : dateType === "meeting_start_time" ? call.meetingStartAt : dateType === "meeting_end_time" ? call.meetingEndAt : call.startAt;
    const rows = this.#calls
      .filter((call) => call.audio === audio && inRange(range, instant(call)))
      .sort((a, b) => instant(a) - instant(b))
      .map((call) => call.row);
    const result = this.#context.pages.page(`report-telephone:${range.from}:${range.to}:${audio}:${dateType}`, rows, page);
    return { from: range.from, to: range.to, ...countedPageFields(result), telephony_usage: result.items };
  }
}

import type { PageRequest } from "./pagination.js";
import type { PastMeetingRecord } from "./past-meetings.js";
import { inRange, reportRange } from "./report-range.js";
import { zoomDateTime } from "./zoom-time.js";
import type { ModelContext } from "./model-context.js";

/** A user signing in to or out of Zoom, as a test records it. */
export interface SignInEventInput {
  email: string;
  type: "Sign in" | "Sign out";
  /** When (ms); default now. */
  at?: number;
  /** The client used, e.g. `Browser`, `Windows`, `Mac` (default `Browser`). */
  clientType?: string;
  /** The client's version (default empty). */
  version?: string;
  ipAddress?: string;
}

/** The areas of an account that operation logs file changes under. */
export type OperationCategory =
  | "user"
  | "user_settings"
  | "account"
  | "billing"
  | "im"
  | "recording"
  | "phone_contacts"
  | "webinar"
  | "sub_account"
  | "role"
  | "zoom_rooms";

/** A change an admin or user made to the account, as a test records it. */
export interface OperationLogInput {
  /** Email of who made the change. */
  operator: string;
  categoryType: OperationCategory;
  /** What was done, e.g. `add`, `update`, `delete`. */
  action: string;
  /** What changed, in words. */
  detail: string;
  /** When (ms); default now. */
  at?: number;
}

/** One remote control session given during an ended meeting, as a test records it. */
export interface RemoteSupportInput {
  supporter: { name: string; email: string };
  supportee: { name: string; email: string };
  /** Minutes after the meeting started that support was requested (default 0). */
  requestedAfterMinutes?: number;
  /** Seconds between the request and the start of support (default 0). */
  waitSeconds?: number;
  /** How long support lasted, in seconds. */
  durationSeconds: number;
}

interface SignInEvent {
  at: number;
  row: Record<string, string>;
}

interface OperationLog {
  at: number;
  categoryType: OperationCategory;
  row: Record<string, string>;
}

interface RemoteSupportSession {
  startAt: number;
  row: Record<string, unknown>;
}

/**
 * Account activity Zoom logs but the rest of the model does not produce: users' sign-ins and
 * sign-outs, admins' changes (operation logs) and remote support given in meetings. Tests record
 * them through this part; the reports (`/report/activities`, `/report/operationlogs`,
 * `/report/remote_support`) list them by date range, oldest first.
 */
export class ActivityLogs {
  readonly #signIns: SignInEvent[] = [];
  readonly #operations: OperationLog[] = [];
  readonly #remoteSupport: RemoteSupportSession[] = [];
  readonly #context: ModelContext;

  constructor(context: ModelContext) {
    this.#context = context;
  }

  /** Test hook: a user signed in or out. */
  recordSignIn(input: SignInEventInput): void {
    const at = input.at ?? this.#context.clock();
    this.#signIns.push({
      at,
      row: {
        email: input.email,
        time: zoomDateTime(at),
        type: input.type,
        ip_address: input.ipAddress ?? "",
        client_type: input.clientType ?? "Browser",
        version: input.version ?? "",
      },
    });
  }

  /** Test hook: someone changed something in the account. */
  recordOperation(input: OperationLogInput): void {
    const at = input.at ?? this.#context.clock();
    this.#operations.push({
      at,
      categoryType: input.categoryType,
      row: { time: zoomDateTime(at), operator: input.operator, category_type: input.categoryType, action: input.action, operation_detail: input.detail },
    });
  }

  /** Test hook: someone got remote support during an ended meeting session. */
  recordRemoteSupport(session: PastMeetingRecord, input: RemoteSupportInput): void {
    const requestAt = session.startedAt + (input.requestedAfterMinutes ?? 0) * 60_000;
    const startAt = requestAt + (input.waitSeconds ?? 0) * 1000;
    this.#remoteSupport.push({
      startAt,
      row: {
        meeting_start_time: session.start_time,
        meeting_uuid: session.uuid,
        meeting_number: session.id,
        topic: session.topic,
        meeting_host_id: session.host_id,
        supporter_name: input.supporter.name,
        supporter_email: input.supporter.email,
        supportee_name: input.supportee.name,
        supportee_email: input.supportee.email,
        request_time: zoomDateTime(requestAt),
        wait_time: minutesAndSeconds(input.waitSeconds ?? 0),
        start_time: zoomDateTime(startAt),
        end_time: zoomDateTime(startAt + input.durationSeconds * 1000),
        duration: minutesAndSeconds(input.durationSeconds),
      },
    });
  }

  /** `GET /report/activities`: sign-ins and sign-outs in the range (default today), within the last six months. */
  signIns(options: { from?: string | undefined; to?: string | undefined }, page: PageRequest) {
    const range = reportRange(options.from, options.to, this.#context.clock(), { withinSixMonths: true });
    const rows = this.#signIns.filter((event) => inRange(range, event.at)).sort((a, b) => a.at - b.at).map((event) => event.row);
    const result = this.#context.pages.page(`report-activities:${range.from}:${range.to}`, rows, page);
    return {
      from: zoomDateTime(range.fromMs),
      to: zoomDateTime(range.toMs - 1000),
      page_size: result.page_size,
      next_page_token: result.next_page_token,
      activity_logs: result.items,
    };
  }

  /** `GET /report/operationlogs`: changes in the range, optionally of one category (`all` by default). */
  operations(options: { from: string; to: string; categoryType?: OperationCategory | "all" | undefined }, page: PageRequest) {
    const range = reportRange(options.from, options.to, this.#context.clock());
    const category = options.categoryType ?? "all";
    const rows = this.#operations
      .filter((log) => inRange(range, log.at) && (category === "all" || log.categoryType === category))
      .sort((a, b) => a.at - b.at)
      .map((log) => log.row);
    const result = this.#context.pages.page(`report-operations:${range.from}:${range.to}:${category}`, rows, page);
    return { page_size: result.page_size, next_page_token: result.next_page_token, operation_logs: result.items };
  }

  /** `GET /report/remote_support`: remote support sessions that started in the range. */
  remoteSupport(options: { from: string; to: string }, page: PageRequest) {
    const range = reportRange(options.from, options.to, this.#context.clock());
    const rows = this.#remoteSupport.filter((session) => inRange(range, session.startAt)).sort((a, b) => a.startAt - b.startAt).map((session) => session.row);
    const result = this.#context.pages.page(`report-remote-support:${range.from}:${range.to}`, rows, page);
    return { page_size: result.page_size, next_page_token: result.next_page_token, remote_support_logs: result.items };
  }
}

/** `mm:ss` (minutes may exceed 59), as Zoom writes remote support waits and durations. */
function minutesAndSeconds(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  return `${String(Math.floor(seconds / 60)).padStart(2, "0")}:${String(seconds % 60).padStart(2, "0")}`;
}


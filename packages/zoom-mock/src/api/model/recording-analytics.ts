import { utcDate, zoomDateTime } from "./zoom-time.js";
import type { PageRequest } from "./pagination.js";
import type { ModelContext } from "./model-context.js";

/** One view or download of a shared cloud recording. */
export interface RecordingActivity {
  name: string;
  email: string;
  /** Seconds watched (0 for a download). */
  duration?: number;
  kind?: "view" | "download";
  /** When it happened (ms); default now. */
  at?: number;
}

const DAY_MS = 86_400_000;

/** Views and downloads of shared recordings, by meeting id; tests record them with {@link RecordingAnalytics.record}. */
export class RecordingAnalytics {
  readonly #byMeeting = new Map<number, Required<RecordingActivity>[]>();
  readonly #context: ModelContext;

  constructor(context: ModelContext) {
    this.#context = context;
  }

  /** Test hook: someone viewed or downloaded a meeting's recording. */
  record(meetingId: number, activity: RecordingActivity): void {
    const list = this.#byMeeting.get(meetingId) ?? [];
    list.push({ duration: 0, kind: "view", at: this.#context.clock(), ...activity });
    this.#byMeeting.set(meetingId, list);
  }

  /** `GET .../recordings/analytics_summary`: views and downloads per day from `from` to `to` (default the last 7 days). */
  summary(meetingId: number, range: { from?: string | undefined; to?: string | undefined }) {
    const { from, to, fromMs, toMs } = this.#range(range);
    const activity = this.#byMeeting.get(meetingId) ?? [];
    const days: Record<string, unknown>[] = [];
    for (let day = fromMs; day < toMs; day += DAY_MS) {
      const inDay = activity.filter((entry) => entry.at >= day && entry.at < day + DAY_MS);
      days.push({
        date: utcDate(day),
        views_total_count: inDay.filter((entry) => entry.kind === "view").length,
        downloads_total_count: inDay.filter((entry) => entry.kind === "download").length,
      });
    }
    return { from, to, analytics_summary: days };
  }

  /** `GET .../recordings/analytics_details`: who viewed (`type=by_view`, default) or downloaded (`by_download`). */
  details(meetingId: number, range: { from?: string | undefined; to?: string | undefined }, type: string | undefined, page: PageRequest) {
    const { from, to, fromMs, toMs } = this.#range(range);
    const kind = type === "by_download" ? "download" : "view";
    const matching = (this.#byMeeting.get(meetingId) ?? [])
      .filter((entry) => entry.kind === kind && entry.at >= fromMs && entry.at < toMs)
      .map((entry) => ({ date_time: zoomDateTime(entry.at), name: entry.name, email: entry.email, duration: entry.duration }));
    const result = this.#context.pages.page(`recording-analytics:${meetingId}:${from}:${to}:${kind}`, matching, page);
    return { from, to, page_size: result.page_size, total_records: result.total_records, next_page_token: result.next_page_token, analytics_details: result.items };
  }

  #range(range: { from?: string | undefined; to?: string | undefined }) {
    const to = range.to ?? utcDate(this.#context.clock());
    const from = range.from ?? utcDate(Date.parse(`${to}T00:00:00Z`) - 6 * DAY_MS);
    return { from, to, fromMs: Date.parse(`${from}T00:00:00Z`), toMs: Date.parse(`${to}T00:00:00Z`) + DAY_MS };
  }
}

import { validationFailed } from "./api-failure.js";
import { utcDate } from "./zoom-time.js";

const DAY_MS = 86_400_000;

/** A report's `from`/`to` range of UTC days, `to` included. */
export interface ReportRange {
  /** `yyyy-mm-dd`, as asked (or defaulted). */
  from: string;
  to: string;
  /** Midnight UTC that starts `from` (ms). */
  fromMs: number;
  /** Midnight UTC after `to` (ms): the range is `[fromMs, toMs)`. */
  toMs: number;
}

/** The rules one report applies to its range. */
export interface ReportRangeRules {
  /** Largest number of days from `from` to `to` (Zoom's "one month" of report data is 30 here). */
  maxSpanDays?: number;
  /** Whether `from` must fall within the last six months (most usage reports). */
  withinSixMonths?: boolean;
}

/** A `yyyy-mm-dd` date as midnight UTC (ms), or `undefined` when it is not one. */
export function parseUtcDay(value: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return Number.isNaN(ms) || utcDate(ms) !== value ? undefined : ms;
}

/** Midnight UTC that starts the day `months` calendar months before `now`'s day. */
export function monthsBefore(now: number, months: number): number {
  const date = new Date(now);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - months, date.getUTCDate());
}

/**
 * Checks a report's `from` and `to` as Zoom does: both `yyyy-mm-dd`, `from` not after `to`, at most
 * one month apart and (for most usage reports) within the last six months. A bad range answers
 * 400 code 300 naming the parameter. Absent dates default to today (UTC).
 */
export function reportRange(from: string | undefined, to: string | undefined, now: number, rules: ReportRangeRules = {}): ReportRange {
  const today = utcDate(now);
  const fromDay = from ?? today;
  const toDay = to ?? today;
  const fromMs = parseUtcDay(fromDay);
  if (fromMs === undefined) throw validationFailed([{ field: "from", message: `from must be a yyyy-mm-dd date, not "${fromDay}".` }]);
  const toStart = parseUtcDay(toDay);
  if (toStart === undefined) throw validationFailed([{ field: "to", message: `to must be a yyyy-mm-dd date, not "${toDay}".` }]);
  if (toStart < fromMs) throw validationFailed([{ field: "to", message: "to must not be before from." }]);
  const maxSpanDays = rules.maxSpanDays ?? 30;
  if ((toStart - fromMs) / DAY_MS > maxSpanDays) {
    throw validationFailed([{ field: "to", message: `The date range may span at most one month (${maxSpanDays} days from from).` }]);
  }
  if (rules.withinSixMonths && fromMs < monthsBefore(now, 6)) {
    throw validationFailed([{ field: "from", message: "The report covers only the last six months." }]);
  }
  return { from: fromDay, to: toDay, fromMs, toMs: toStart + DAY_MS };
}

/** Whether an instant (ms) falls in a range. */
export function inRange(range: ReportRange, ms: number): boolean {
  return ms >= range.fromMs && ms < range.toMs;
}

import { validationFailed } from "./api-failure.js";

/**
 * When a recurring meeting or webinar repeats, in Zoom's field names: `type` 1 daily, 2 weekly
 * (`weekly_days`, 1 = Sunday, a comma list such as `"2,4"`), 3 monthly (on `monthly_day`, or on the
 * `monthly_week`-th `monthly_week_day`, -1 being the last), every `repeat_interval` days, weeks or
 * months, until `end_date_time` or for `end_times` occurrences.
 */
export interface Recurrence {
  type: 1 | 2 | 3;
  repeat_interval?: number;
  weekly_days?: string;
  monthly_day?: number;
  monthly_week?: -1 | 1 | 2 | 3 | 4;
  monthly_week_day?: number;
  end_times?: number;
  end_date_time?: string;
}

/** Zoom schedules at most 60 occurrences of one recurring meeting or webinar. */
export const MAX_OCCURRENCES = 60;

/** The longest `repeat_interval` Zoom takes for each recurrence type (days, weeks, months). */
const MAX_INTERVAL: Readonly<Record<Recurrence["type"], number>> = { 1: 99, 2: 50, 3: 10 };

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The recurrence as the session keeps it: the request's, with Zoom's defaults filled in (every 1
 * day/week/month; one occurrence unless an end date is given; weekly on the first occurrence's
 * weekday; monthly on its day of the month). Values Zoom refuses give 400 code 300 naming the field.
 */
export function normalizeRecurrence(input: Record<string, unknown>, firstStart: number, timezone: string): Recurrence {
  const type = input.type;
  if (type !== 1 && type !== 2 && type !== 3) throw invalid("recurrence.type", "recurrence.type must be 1 (daily), 2 (weekly) or 3 (monthly).");
  const interval = input.repeat_interval ?? 1;
  if (typeof interval !== "number" || !Number.isInteger(interval) || interval < 1 || interval > MAX_INTERVAL[type]) {
    throw invalid("recurrence.repeat_interval", `recurrence.repeat_interval must be between 1 and ${MAX_INTERVAL[type]} for this type.`);
  }
  const recurrence: Recurrence = { type, repeat_interval: interval };
  const first = wallClock(firstStart, timezone);
  if (type === 2) {
    const days = typeof input.weekly_days === "string" ? input.weekly_days : String(first.weekday);
    if (parseWeekdays(days) === undefined) throw invalid("recurrence.weekly_days", "recurrence.weekly_days must list weekdays 1 (Sunday) to 7, separated by commas.");
    recurrence.weekly_days = days;
  }
  if (type === 3) {
    if (input.monthly_week !== undefined || input.monthly_week_day !== undefined) {
      const week = input.monthly_week;
      const weekday = input.monthly_week_day;
      if (week !== -1 && week !== 1 && week !== 2 && week !== 3 && week !== 4) throw invalid("recurrence.monthly_week", "recurrence.monthly_week must be -1 (last) or 1 to 4.");
      if (typeof weekday !== "number" || !Number.isInteger(weekday) || weekday < 1 || weekday > 7) {
        throw invalid("recurrence.monthly_week_day", "recurrence.monthly_week_day must be 1 (Sunday) to 7.");
      }
      recurrence.monthly_week = week;
      recurrence.monthly_week_day = weekday;
    } else {
      const day = input.monthly_day ?? first.day;
      if (typeof day !== "number" || !Number.isInteger(day) || day < 1 || day > 31) throw invalid("recurrence.monthly_day", "recurrence.monthly_day must be 1 to 31.");
      recurrence.monthly_day = day;
    }
  }
  if (typeof input.end_date_time === "string") {
    const end = Date.parse(input.end_date_time);
    if (Number.isNaN(end) || end < firstStart) throw invalid("recurrence.end_date_time", "recurrence.end_date_time must be a date-time after the start time.");
    recurrence.end_date_time = input.end_date_time;
  } else {
    const times = input.end_times ?? 1;
    if (typeof times !== "number" || !Number.isInteger(times) || times < 1 || times > MAX_OCCURRENCES) {
      throw invalid("recurrence.end_times", `recurrence.end_times must be between 1 and ${MAX_OCCURRENCES}.`);
    }
    recurrence.end_times = times;
  }
  return recurrence;
}

/**
 * The start instants (ms) of every occurrence, in order: the first date on or after `firstStart`
 * that the pattern allows, then each next one, at the first start's time of day in `timezone`
 * (so an occurrence after a daylight-saving change keeps its local time, as Zoom's do).
 */
export function occurrenceStarts(recurrence: Recurrence, firstStart: number, timezone: string): number[] {
  const first = wallClock(firstStart, timezone);
  const interval = recurrence.repeat_interval ?? 1;
  const end = recurrence.end_date_time === undefined ? Number.POSITIVE_INFINITY : Date.parse(recurrence.end_date_time);
  const limit = Math.min(recurrence.end_times ?? MAX_OCCURRENCES, MAX_OCCURRENCES);
  const starts: number[] = [];
  const firstDay = Date.UTC(first.year, first.month - 1, first.day);
  const timeOfDay = first.timeOfDay;
  // Walks calendar days (as UTC midnights standing for local dates) and keeps those the pattern allows.
  const allowed = dayFilter(recurrence, first, interval);
  for (let day = firstDay; starts.length < limit && day - firstDay <= 366 * 10 * DAY_MS; day += DAY_MS) {
    if (!allowed(day)) continue;
    const start = instantOf(day + timeOfDay, timezone);
    if (start < firstStart) continue;
    if (start > end) break;
    starts.push(start);
  }
  return starts;
}

/** Whether a local calendar day (a UTC midnight standing for it) is one the recurrence meets on. */
function dayFilter(recurrence: Recurrence, first: WallClock, interval: number): (day: number) => boolean {
  const firstDay = Date.UTC(first.year, first.month - 1, first.day);
  if (recurrence.type === 1) return (day) => Math.round((day - firstDay) / DAY_MS) % interval === 0;
  if (recurrence.type === 2) {
    const weekdays = parseWeekdays(recurrence.weekly_days ?? String(first.weekday)) ?? new Set([first.weekday]);
    // Weeks run Sunday to Saturday; every `interval`-th week counting from the first start's.
    const firstSunday = firstDay - (first.weekday - 1) * DAY_MS;
    return (day) => {
      const date = new Date(day);
      const week = Math.floor((day - firstSunday) / (7 * DAY_MS));
      return week % interval === 0 && weekdays.has(date.getUTCDay() + 1);
    };
  }
  return (day) => {
    const date = new Date(day);
    const months = (date.getUTCFullYear() - first.year) * 12 + date.getUTCMonth() - (first.month - 1);
    if (months % interval !== 0) return false;
    if (recurrence.monthly_day !== undefined) {
      // A day the month does not have (the 31st of April) falls on the month's last day.
      const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
      return date.getUTCDate() === Math.min(recurrence.monthly_day, lastDay);
    }
    if (date.getUTCDay() + 1 !== recurrence.monthly_week_day) return false;
    if (recurrence.monthly_week === -1) return date.getUTCDate() + 7 > new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
    return Math.ceil(date.getUTCDate() / 7) === recurrence.monthly_week;
  };
}

/** `"2,4"` as the set {2, 4}; undefined when it is not a comma list of weekdays 1 to 7. */
function parseWeekdays(value: string): Set<number> | undefined {
  const days = value.split(",").map((part) => Number(part.trim()));
  if (days.length === 0 || days.some((day) => !Number.isInteger(day) || day < 1 || day > 7)) return undefined;
  return new Set(days);
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  /** 1 = Sunday, as Zoom counts. */
  weekday: number;
  /** ms since local midnight. */
  timeOfDay: number;
}

/** The local date and time of an instant in an IANA time zone. */
function wallClock(instant: number, timezone: string): WallClock {
  const local = instant + offsetAt(instant, timezone);
  const date = new Date(local);
  const midnight = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), weekday: date.getUTCDay() + 1, timeOfDay: local - midnight };
}

/** The instant a local time (given as ms on a UTC scale) names in `timezone`. */
function instantOf(local: number, timezone: string): number {
  const guess = local - offsetAt(local, timezone);
  return local - offsetAt(guess, timezone);
}

/** How far `timezone` is ahead of UTC at `instant`, in ms (0 for a zone the platform does not know). */
function offsetAt(instant: number, timezone: string): number {
  const format = formatterFor(timezone);
  if (format === undefined) return 0;
  const parts = format.formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((candidate) => candidate.type === type)?.value ?? 0);
  const local = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  return local - Math.floor(instant / 1000) * 1000;
}

const formatters = new Map<string, Intl.DateTimeFormat | undefined>();

/** One formatter per time zone (building them is the slow part); undefined for a zone the platform does not know. */
function formatterFor(timezone: string): Intl.DateTimeFormat | undefined {
  if (!formatters.has(timezone)) {
    let format: Intl.DateTimeFormat | undefined;
    try {
      format = new Intl.DateTimeFormat("en-US", {
        timeZone: timezone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
    } catch {
      format = undefined;
    }
    formatters.set(timezone, format);
  }
  return formatters.get(timezone);
}

function invalid(field: string, message: string) {
  return validationFailed([{ field, message }]);
}

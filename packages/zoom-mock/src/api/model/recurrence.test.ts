import { describe, expect, it } from "vitest";
import { normalizeRecurrence, occurrenceStarts } from "./recurrence.js";

const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");
const startsOf = (recurrence: Record<string, unknown>, first: string, timezone = "Europe/London") => {
  const start = Date.parse(first);
  return occurrenceStarts(normalizeRecurrence(recurrence, start, timezone), start, timezone).map(iso);
};

describe("recurrence", () => {
  it("fills in Zoom's defaults: every 1, one occurrence, weekly on the first start's weekday, monthly on its day", () => {
    const monday = Date.parse("2027-03-01T09:00:00Z");
    expect(normalizeRecurrence({ type: 1 }, monday, "UTC")).toEqual({ type: 1, repeat_interval: 1, end_times: 1 });
    expect(normalizeRecurrence({ type: 2, end_times: 4 }, monday, "UTC")).toEqual({ type: 2, repeat_interval: 1, weekly_days: "2", end_times: 4 });
    expect(normalizeRecurrence({ type: 3, end_date_time: "2027-06-01T00:00:00Z" }, monday, "UTC")).toEqual({
      type: 3,
      repeat_interval: 1,
      monthly_day: 1,
      end_date_time: "2027-06-01T00:00:00Z",
    });
  });

  it("meets on the listed weekdays of every repeat_interval-th week", () => {
    expect(startsOf({ type: 2, weekly_days: "2,5", end_times: 5 }, "2027-03-01T09:00:00Z")).toEqual([
      "2027-03-01T09:00:00Z",
      "2027-03-04T09:00:00Z",
      "2027-03-08T09:00:00Z",
      "2027-03-11T09:00:00Z",
      "2027-03-15T09:00:00Z",
    ]);
    expect(startsOf({ type: 2, weekly_days: "2", repeat_interval: 2, end_times: 3 }, "2027-03-01T09:00:00Z")).toEqual([
      "2027-03-01T09:00:00Z",
      "2027-03-15T09:00:00Z",
      "2027-03-29T08:00:00Z",
    ]);
  });

  it("keeps the local time of day across a daylight-saving change", () => {
    expect(startsOf({ type: 1, end_times: 3 }, "2027-03-27T09:00:00Z")).toEqual(["2027-03-27T09:00:00Z", "2027-03-28T08:00:00Z", "2027-03-29T08:00:00Z"]);
    expect(startsOf({ type: 1, end_times: 2 }, "2027-03-27T09:00:00Z", "UTC")).toEqual(["2027-03-27T09:00:00Z", "2027-03-28T09:00:00Z"]);
  });

  it("meets monthly on a day (the month's last when it is shorter) or on the last given weekday", () => {
    expect(startsOf({ type: 3, monthly_day: 31, end_times: 3 }, "2027-01-31T10:00:00Z")).toEqual(["2027-01-31T10:00:00Z", "2027-02-28T10:00:00Z", "2027-03-31T09:00:00Z"]);
    expect(startsOf({ type: 3, monthly_week: -1, monthly_week_day: 6, end_times: 2 }, "2027-01-01T12:00:00Z")).toEqual(["2027-01-29T12:00:00Z", "2027-02-26T12:00:00Z"]);
    expect(startsOf({ type: 3, monthly_week: 2, monthly_week_day: 2, repeat_interval: 2, end_times: 2 }, "2027-01-01T12:00:00Z")).toEqual([
      "2027-01-11T12:00:00Z",
      "2027-03-08T12:00:00Z",
    ]);
  });

  it("stops at end_date_time, and never schedules more than 60 occurrences", () => {
    expect(startsOf({ type: 1, repeat_interval: 2, end_date_time: "2027-01-07T23:59:00Z" }, "2027-01-01T12:00:00Z")).toEqual([
      "2027-01-01T12:00:00Z",
      "2027-01-03T12:00:00Z",
      "2027-01-05T12:00:00Z",
      "2027-01-07T12:00:00Z",
    ]);
    expect(startsOf({ type: 1, end_date_time: "2030-01-01T00:00:00Z" }, "2027-01-01T12:00:00Z")).toHaveLength(60);
  });

  it("refuses what Zoom refuses, naming the field (400 code 300)", () => {
    const start = Date.parse("2027-01-01T12:00:00Z");
    const refused = (recurrence: Record<string, unknown>, field: string) =>
      expect(() => normalizeRecurrence(recurrence, start, "UTC")).toThrow(
        expect.objectContaining({ status: 400, code: 300, errors: [expect.objectContaining({ field: `recurrence.${field}` })] }),
      );
    refused({ type: 4 }, "type");
    refused({ type: 1, repeat_interval: 100 }, "repeat_interval");
    refused({ type: 2, weekly_days: "0,8" }, "weekly_days");
    refused({ type: 3, monthly_week: 5, monthly_week_day: 1 }, "monthly_week");
    refused({ type: 1, end_times: 61 }, "end_times");
    refused({ type: 1, end_date_time: "2026-12-31T00:00:00Z" }, "end_date_time");
  });
});

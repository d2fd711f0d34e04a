import { describe, expect, it } from "vitest";
import { ZoomApiFailure } from "./api-failure.js";
import { formatBytes } from "./account-reports.js";
import { reportRange } from "./report-range.js";
import { modelWithAda } from "./test-support.js";
import type { MockApiUser } from "./user-directory.js";

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 28, 10, 0, 0);

/** The Zoom error code a call fails with (or `undefined` when it does not fail). */
function codeOf(run: () => unknown): number | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof ZoomApiFailure) return error.code;
    throw error;
  }
}

describe("report date ranges", () => {
  it("takes yyyy-mm-dd days, `to` included, and defaults both to today", () => {
    expect(reportRange("2026-11-01", "2026-11-30", NOW)).toEqual({
      from: "2026-11-01",
      to: "2026-11-30",
      fromMs: Date.UTC(2026, 10, 1),
      toMs: Date.UTC(2026, 11, 1),
    });
    expect(reportRange(undefined, undefined, NOW)).toMatchObject({ from: "2026-11-28", to: "2026-11-28" });
  });

  it("refuses bad dates, reversed ranges, more than a month, and (where Zoom says so) days older than six months, with code 300", () => {
    expect(codeOf(() => reportRange("2026-13-01", "2026-11-30", NOW))).toBe(300);
    expect(codeOf(() => reportRange("2026-11-20", "2026-11-10", NOW))).toBe(300);
    expect(codeOf(() => reportRange("2026-10-01", "2026-11-01", NOW))).toBe(300);
    expect(codeOf(() => reportRange("2026-10-01", "2026-10-31", NOW))).toBeUndefined();
    expect(codeOf(() => reportRange("2026-05-27", "2026-06-01", NOW, { withinSixMonths: true }))).toBe(300);
    expect(codeOf(() => reportRange("2026-05-28", "2026-06-01", NOW, { withinSixMonths: true }))).toBeUndefined();
  });
});

describe("account reports derived from sessions, users and recordings", () => {
  it("splits hosts into active and inactive, with their meetings, participants and minutes", () => {
    const { model, ada } = modelWithAda();
    const bob = model.users.create({ action: "custCreate", user_info: { email: "bob@example.com", type: 1 } });
    const meeting = model.meetings.create(ada, {});
    model.holdMeeting(meeting.id, { durationMinutes: 20, participants: [{ name: "Ada", user_id: ada.id }, { name: "Cy", user_email: "cy@example.com" }] });
    const active = model.accountReports.users({ from: "2026-11-01", to: "2026-11-28", type: "active" }, {});
    expect(active.users).toEqual([expect.objectContaining({ id: ada.id, meetings: 1, participants: 2, meeting_minutes: 40 })]);
    expect(active).toMatchObject({ total_meetings: 1, total_participants: 2, total_meeting_minutes: 40, total_records: 1 });
    const inactive = model.accountReports.users({ from: "2026-11-01", to: "2026-11-28", type: "inactive" }, {});
    expect(inactive.users.map((user) => user.id)).toEqual([bob.id]);
    expect(codeOf(() => model.accountReports.users({ from: "2026-11-01", to: "2026-11-28", groupId: "nope" }, {}))).toBe(300);
  });

  it("lists a user's hosted meetings with two or more people (`past`), with one (`pastOne`), and hosted or joined ones (`pastJoined`)", () => {
    const { model, ada } = modelWithAda();
    const bob = model.users.resolve(model.users.create({ action: "custCreate", user_info: { email: "bob@example.com", type: 1 } }).id, "");
    const alone = model.meetings.create(ada, { topic: "Alone" });
    model.holdMeeting(alone.id);
    const together = model.meetings.create(ada, { topic: "Together" });
    model.holdMeeting(together.id, { participants: [{ name: "Ada", user_id: ada.id }, { name: "Bob", user_email: "BOB@example.com" }] });
    const range = { from: "2026-11-28", to: "2026-11-28" };
    const topics = (type: "past" | "pastOne" | "pastJoined", user: MockApiUser = ada) =>
      model.accountReports.userMeetings(user, { ...range, type }, {}).meetings.map((row) => row.topic);
    expect(topics("past")).toEqual(["Together"]);
    expect(topics("pastOne")).toEqual(["Alone"]);
    expect(topics("pastJoined")).toEqual(["Alone", "Together"]);
    expect(topics("pastJoined", bob)).toEqual(["Together"]);
    expect(model.accountReports.userMeetings(bob, { ...range, type: "pastJoined" }, {}).meetings[0]).toHaveProperty("join_time");
  });

  it("counts each day of a month up to today, and refuses months older than six", () => {
    const { model, ada, clock } = modelWithAda();
    const meeting = model.meetings.create(ada, {});
    clock.advance(-DAY);
    model.holdMeeting(meeting.id, { durationMinutes: 15 });
    clock.advance(DAY);
    const report = model.accountReports.daily({});
    expect(report).toMatchObject({ year: 2026, month: 11 });
    expect(report.dates).toHaveLength(28);
    expect(report.dates[26]).toEqual({ date: "2026-11-27", new_users: 0, meetings: 1, participants: 1, meeting_minutes: 15 });
    expect(codeOf(() => model.accountReports.daily({ year: 2026, month: 5 }))).toBe(300);
    expect(codeOf(() => model.accountReports.daily({ year: 2026, month: 6 }))).toBeUndefined();
    expect(codeOf(() => model.accountReports.daily({ year: 2026, month: 12 }))).toBe(300);
  });

  it("reports cloud storage for days that are over only", () => {
    const { model, ada, clock } = modelWithAda();
    const meeting = model.meetings.create(ada, {});
    clock.advance(-DAY);
    model.holdMeeting(meeting.id, { cloudRecording: true });
    clock.advance(DAY);
    model.holdMeeting(meeting.id, { cloudRecording: true });
    const report = model.accountReports.cloudRecording({ from: "2026-11-26", to: "2026-11-28" });
    expect(report.cloud_recording_storage).toEqual([
      { date: "2026-11-26", usage: "0 B", plan_usage: "0 B", free_usage: "Unlimited" },
      { date: "2026-11-27", usage: formatBytes(3_000_000), plan_usage: formatBytes(3_000_000), free_usage: "Unlimited" },
    ]);
    expect(formatBytes(3 * 1024 * 1024)).toBe("3 MB");
  });

  it("filters the history of meetings and webinars by kind, report data, feature and search text", () => {
    const { model, ada } = modelWithAda();
    const polled = model.meetings.create(ada, { topic: "Polled" });
    model.holdMeeting(polled.id, { pollAnswers: [{ name: "Ada", email: ada.email, pollId: "p", question: "Q", answer: "A" }] });
    const recorded = model.meetings.create(ada, { topic: "Recorded" });
    model.holdMeeting(recorded.id, { cloudRecording: true });
    const webinar = model.webinars.create(ada, { topic: "Webinar" });
    model.holdWebinar(webinar.id);
    const topics = (filters: Record<string, string>) =>
      model.accountReports.history({ from: "2026-11-28", to: "2026-11-28", ...filters }, {}).history_meetings.map((row) => row.topic);
    expect(topics({})).toEqual(["Webinar", "Polled", "Recorded"]);
    expect(topics({ meetingType: "webinar" })).toEqual(["Webinar"]);
    expect(topics({ reportType: "poll" })).toEqual(["Polled"]);
    expect(topics({ meetingFeature: "record_to_cloud" })).toEqual(["Recorded"]);
    expect(topics({ searchKey: "recor" })).toEqual(["Recorded"]);
    expect(topics({ reportType: "reaction" })).toEqual([]);
    const row = model.accountReports.history({ from: "2026-11-28", to: "2026-11-28", searchKey: "Polled" }, {}).history_meetings[0];
    expect(row).toMatchObject({ type: "Meeting", host_email: ada.email, feature_used: { poll: true, record_to_cloud: false } });
  });

  it("lists meeting events in order and by kind", () => {
    const { model, ada, clock } = modelWithAda();
    const meeting = model.meetings.create(ada, {});
    clock.advance(10 * 60_000);
    model.holdMeeting(meeting.id, { durationMinutes: 10, participants: [{ name: "Ada", user_id: ada.id }, { name: "Cy", joinedAfterMinutes: 2, stayedMinutes: 3 }] });
    const categories = model.accountReports
      .meetingActivities({ from: "2026-11-28", to: "2026-11-28", activityType: "All Activities" }, {})
      .meeting_activity_logs.map((row) => `${row.activity_category}:${row.operator}`);
    expect(categories).toEqual([
      "Meeting Created:Ada Lovelace",
      "Meeting Started:Ada Lovelace",
      "User Join:Ada",
      "User Join:Cy",
      "User Left:Cy",
      "User Left:Ada",
      "Meeting Ended:Ada Lovelace",
    ]);
    const joins = model.accountReports.meetingActivities({ from: "2026-11-28", to: "2026-11-28", activityType: "User Join", searchKey: "cy" }, {});
    expect(joins.meeting_activity_logs).toEqual([expect.objectContaining({ operator: "Cy", meeting_number: String(meeting.id) })]);
  });

  it("lists upcoming meetings and webinars that start in the range, soonest first", () => {
    const { model, ada } = modelWithAda();
    model.meetings.create(ada, { topic: "Later", type: 2, start_time: "2026-12-10T09:00:00Z" });
    model.meetings.create(ada, { topic: "Sooner", type: 2, start_time: "2026-12-02T09:00:00Z" });
    model.webinars.create(ada, { topic: "Outside", start_time: "2027-02-01T09:00:00Z" });
    const report = model.accountReports.upcomingEvents({ from: "2026-12-01", to: "2026-12-31" }, {});
    expect(report.upcoming_events.map((event) => event.topic)).toEqual(["Sooner", "Later"]);
    expect(report.upcoming_events[0]).toMatchObject({ host_id: ada.id, host_name: "Ada Lovelace" });
  });
});

describe("reports on one ended session", () => {
  it("gives totals, attendees (registrant ids on request), Q&A statuses and survey answers", () => {
    const { model, ada } = modelWithAda();
    const meeting = model.meetings.create(ada, { topic: "Review", tracking_fields: [{ field: "Team", value: "Core" }] });
    model.surveys.update(`meeting:${meeting.id}`, { custom_survey: { title: "How was it?" } });
    const past = model.holdMeeting(meeting.id, {
      participants: [{ name: "Ada", user_id: ada.id, registrant_id: "r-1" }],
      questions: [
        { name: "Cy", email: "cy@example.com", question: "When?", answer: "Now" },
        { name: "Cy", email: "cy@example.com", question: "Why?" },
      ],
      surveyAnswers: [{ name: "Cy", email: "cy@example.com", question: "Rate it", answer: "5", questionId: "q1" }],
    });
    expect(model.sessionReports.details("meeting", String(meeting.id))).toMatchObject({
      uuid: past.uuid,
      topic: "Review",
      participants_count: 1,
      tracking_fields: [{ field: "Team", value: "Core" }],
    });
    expect(model.sessionReports.participants("meeting", past.uuid, undefined, {}).participants[0]).not.toHaveProperty("registrant_id");
    expect(model.sessionReports.participants("meeting", past.uuid, "registrant_id", {}).participants[0]).toMatchObject({ registrant_id: "r-1", participant_user_id: ada.id });
    const qa = model.sessionReports.questionsAndAnswers("meeting", past.uuid);
    expect(qa.questions[0]?.question_details.map((detail) => detail.question_status)).toEqual(["answered", "open"]);
    expect(qa.questions[0]?.question_details[0]).toMatchObject({ answer_details: [{ content: "Now", type: "host_answered_publicly", email: ada.email }] });
    expect(model.sessionReports.survey("meeting", past.uuid)).toMatchObject({
      meeting_id: meeting.id,
      survey_name: "How was it?",
      survey_answers: [{ name: "Cy", answer_details: [{ question: "Rate it", question_id: "q1", answer: "5", date_time: past.end_time }] }],
    });
  });

  it("answers 3001 for an unknown session and 12702 for one older than a year", () => {
    const { model, ada, clock } = modelWithAda();
    const webinar = model.webinars.create(ada, {});
    expect(codeOf(() => model.sessionReports.details("webinar", String(webinar.id)))).toBe(3001);
    model.holdWebinar(webinar.id);
    expect(codeOf(() => model.sessionReports.polls("webinar", String(webinar.id)))).toBeUndefined();
    clock.advance(366 * DAY);
    expect(codeOf(() => model.sessionReports.polls("webinar", String(webinar.id)))).toBe(12702);
  });
});

describe("recorded activity: sign-ins, operation logs, remote support, telephone, billing", () => {
  it("lists what tests record, by range and filter", () => {
    const { model, ada } = modelWithAda();
    model.activityLogs.recordSignIn({ email: ada.email, type: "Sign in", ipAddress: "192.0.2.1" });
    model.activityLogs.recordSignIn({ email: ada.email, type: "Sign out", at: NOW - 40 * DAY });
    expect(model.activityLogs.signIns({}, {}).activity_logs).toEqual([
      { email: ada.email, time: "2026-11-28T10:00:00Z", type: "Sign in", ip_address: "192.0.2.1", client_type: "Browser", version: "" },
    ]);
    model.activityLogs.recordOperation({ operator: ada.email, categoryType: "user", action: "delete", detail: "Deleted bob@example.com" });
    model.activityLogs.recordOperation({ operator: ada.email, categoryType: "role", action: "update", detail: "Renamed a role" });
    const logs = (categoryType?: "user" | "all") => model.activityLogs.operations({ from: "2026-11-28", to: "2026-11-28", categoryType }, {}).operation_logs;
    expect(logs("user").map((log) => log.action)).toEqual(["delete"]);
    expect(logs()).toHaveLength(2);
    const meeting = model.meetings.create(ada, {});
    const past = model.holdMeeting(meeting.id, { durationMinutes: 30 });
    model.activityLogs.recordRemoteSupport(past, {
      supporter: { name: "Ada", email: ada.email },
      supportee: { name: "Cy", email: "cy@example.com" },
      requestedAfterMinutes: 5,
      waitSeconds: 88,
      durationSeconds: 1177,
    });
    expect(model.activityLogs.remoteSupport({ from: "2026-11-28", to: "2026-11-28" }, {}).remote_support_logs[0]).toMatchObject({
      meeting_number: meeting.id,
      wait_time: "01:28",
      duration: "19:37",
    });
    model.telephoneUsage.recordCall(past, { type: "call-out", phoneNumber: "+1 555 0100", minutes: 4, rate: 0.03 });
    model.telephoneUsage.recordCall(past, { type: "call-in", phoneNumber: "+1 555 0101", minutes: 2, rate: 0.01 });
    const calls = (type?: "1" | "2" | "3") => model.telephoneUsage.report({ from: "2026-11-28", to: "2026-11-28", type }, {}).telephony_usage;
    expect(calls()).toEqual([expect.objectContaining({ type: "call-out", total: 0.12, duration: 4, host_id: ada.id, meeting_type: "Meeting" })]);
    expect(calls("2").map((call) => call.type)).toEqual(["call-in"]);
    expect(calls("3")).toEqual([]);
  });

  it("keeps billing periods and their invoices; an unknown billing id answers 404 code 5010", () => {
    const { model } = modelWithAda();
    const id = model.billing.addPeriod({
      startDate: "2026-10-01",
      endDate: "2026-10-31",
      totalAmount: "149.90",
      taxAmount: "9.90",
      invoices: [{ chargeName: "Pro plan", quantity: 10, totalAmount: "140.00", taxAmount: "9.90" }],
    });
    expect(model.billing.report()).toEqual({
      currency: "USD",
      billing_reports: [{ id, start_date: "2026-10-01", end_date: "2026-10-31", type: 0, total_amount: "149.90", tax_amount: "9.90" }],
    });
    expect(model.billing.invoices(id).invoices).toEqual([
      { invoice_charge_name: "Pro plan", quantity: 10, total_amount: "140.00", tax_amount: "9.90", start_date: "2026-10-01", end_date: "2026-10-31" },
    ]);
    expect(codeOf(() => model.billing.invoices("nope"))).toBe(5010);
  });
});

import { createZoomClient, paginate, unwrap, type ZoomClient } from "@org/zoom-api";
import { beforeAll, describe, expect, it } from "vitest";
import { signIn } from "../api-fixture.js";
import { type OperationCase, useOperationTable, type World } from "../operation-table.js";
import { describeOperation } from "../describe-operation.js";
import { markTypedClient } from "../served-requests-log.js";

/**
 * Contract tests for the Reports operations of specs/zoom-api.yaml: one table row per operation
 * (each sent through the typed client, the spec validating both ways), then tests of paging, date ranges and
 * Zoom's error codes. The mock's clock is fixed, so "today" is 2026-11-28 whatever the real date.
 */
const DAY = 86_400_000;
let now = Date.UTC(2026, 10, 28, 10, 0, 0);
const table = useOperationTable({ clock: () => now });
const { newMeeting, newWebinar } = table;

/** A meeting of the signed-in user that has just ended, with two attendees and what they did. */
function heldMeeting(world: World) {
  const meeting = newMeeting(world, { topic: "Report me" });
  const past = world.api.holdMeeting(meeting.id, {
    participants: [
      { name: "Ada", user_id: world.userId, registrant_id: "reg-1" },
      { name: "Cy", user_email: "cy@example.com" },
      { name: "Di", user_email: "di@example.com" },
    ],
    pollAnswers: [{ name: "Cy", email: "cy@example.com", pollId: "poll-1", question: "Lunch?", answer: "Yes" }],
    questions: [{ name: "Cy", email: "cy@example.com", question: "When?", answer: "Now" }],
    surveyAnswers: [{ name: "Di", email: "di@example.com", question: "Useful?", answer: "Very" }],
  });
  return { meeting, past };
}

/** A webinar of the signed-in user that has just ended, with an attendee who answered everything. */
function heldWebinar(world: World) {
  const webinar = newWebinar(world);
  const past = world.api.holdWebinar(webinar.id, {
    participants: [{ name: "Ada", user_id: world.userId }, { name: "Eve", user_email: "eve@example.com" }],
    pollAnswers: [{ name: "Eve", email: "eve@example.com", pollId: "poll-2", question: "Level?", answer: "Expert" }],
    questions: [{ name: "Eve", email: "eve@example.com", question: "Slides?" }],
    surveyAnswers: [{ name: "Eve", email: "eve@example.com", question: "Again?", answer: "Yes" }],
  });
  return { webinar, past };
}

/** Runs `arrange` as if it happened `days` days ago, then comes back to the present. */
function daysAgo<T>(days: number, arrange: () => T): T {
  now -= days * DAY;
  try {
    return arrange();
  } finally {
    now += days * DAY;
  }
}

const cases: OperationCase[] = [
  {
    operationId: "reportMeetingDetails",
    arrange: (world) => ({ meetingId: heldMeeting(world).meeting.id }),
    status: 200,
    check: (body) => expect(body).toMatchObject({ topic: "Report me", participants_count: 3, duration: 30, total_minutes: 90 }),
  },
  {
    operationId: "reportMeetingParticipants",
    arrange: (world) => ({ meetingId: heldMeeting(world).past.uuid }),
    query: { page_size: "2", include_fields: "registrant_id" },
    status: 200,
    check: (body) => {
      expect(body).toMatchObject({ total_records: 3, page_size: 2, page_count: 2 });
      expect(body.next_page_token).not.toBe("");
      expect(body.participants).toEqual([expect.objectContaining({ name: "Ada", registrant_id: "reg-1" }), expect.objectContaining({ name: "Cy" })]);
    },
  },
  {
    operationId: "reportMeetingPolls",
    arrange: (world) => ({ meetingId: heldMeeting(world).meeting.id }),
    status: 200,
    check: (body) => expect(body.questions).toEqual([expect.objectContaining({ name: "Cy", question_details: [expect.objectContaining({ answer: "Yes", polling_id: "poll-1" })] })]),
  },
  {
    operationId: "reportMeetingQA",
    arrange: (world) => ({ meetingId: heldMeeting(world).meeting.id }),
    status: 200,
    check: (body) =>
      expect(body.questions).toEqual([
        expect.objectContaining({ email: "cy@example.com", question_details: [expect.objectContaining({ question: "When?", question_status: "answered" })] }),
      ]),
  },
  {
    operationId: "reportMeetingSurvey",
    arrange: (world) => ({ meetingId: heldMeeting(world).meeting.id }),
    status: 200,
    check: (body) => expect(body.survey_answers).toEqual([expect.objectContaining({ name: "Di", answer_details: [expect.objectContaining({ answer: "Very" })] })]),
  },
  {
    operationId: "reportMeetingSurvey",
    arrange: (world) => {
      const { meeting } = heldMeeting(world);
      world.api.model.surveys.update(`meeting:${meeting.id}`, { custom_survey: { title: "Wrap-up", questions: [{ name: "Useful?", type: "single" }] } });
      return { meetingId: meeting.id, surveyId: world.api.model.surveys.customSurveyId(`meeting:${meeting.id}`) ?? "" };
    },
    status: 200,
    check: (body, params) => expect(body).toMatchObject({ survey_id: params.surveyId, survey_name: "Wrap-up" }),
  },
  {
    operationId: "reportWebinarDetails",
    arrange: (world) => ({ webinarId: heldWebinar(world).webinar.id }),
    status: 200,
    check: (body) => expect(body).toMatchObject({ topic: "Contract webinar", participants_count: 2, duration: 60 }),
  },
  {
    operationId: "reportWebinarParticipants",
    arrange: (world) => ({ webinarId: heldWebinar(world).webinar.id }),
    status: 200,
    check: (body) => {
      expect(body).toMatchObject({ total_records: 2, next_page_token: "" });
      expect(body.participants).toEqual([expect.not.objectContaining({ registrant_id: expect.anything() }), expect.objectContaining({ name: "Eve" })]);
    },
  },
  {
    operationId: "reportWebinarPolls",
    arrange: (world) => ({ webinarId: heldWebinar(world).past.uuid }),
    status: 200,
    check: (body) => expect(body.questions).toEqual([expect.objectContaining({ name: "Eve" })]),
  },
  {
    operationId: "reportWebinarQA",
    arrange: (world) => ({ webinarId: heldWebinar(world).webinar.id }),
    status: 200,
    check: (body) =>
      expect(body.questions).toEqual([expect.objectContaining({ question_details: [expect.objectContaining({ question: "Slides?", question_status: "open", answer_details: [] })] })]),
  },
  {
    operationId: "reportWebinarSurvey",
    arrange: (world) => ({ webinarId: heldWebinar(world).webinar.id }),
    status: 200,
    check: (body, params) => expect(body).toMatchObject({ webinar_id: params.webinarId, survey_answers: [expect.objectContaining({ name: "Eve" })] }),
  },
  {
    operationId: "reportWebinarSurvey",
    arrange: (world) => {
      const { webinar } = heldWebinar(world);
      world.api.model.surveys.update(`webinar:${webinar.id}`, { custom_survey: { title: "Again?", questions: [{ name: "Again?", type: "single" }] } });
      return { webinarId: webinar.id, surveyId: world.api.model.surveys.customSurveyId(`webinar:${webinar.id}`) ?? "" };
    },
    status: 200,
    check: (body, params) => expect(body).toMatchObject({ survey_id: params.surveyId, survey_name: "Again?" }),
  },
  {
    operationId: "reportUsers",
    arrange: (world) => {
      heldMeeting(world);
      return {};
    },
    query: { from: "2026-11-01", to: "2026-11-28", type: "active" },
    status: 200,
    check: (body, _params, world) => {
      expect(body).toMatchObject({ from: "2026-11-01", to: "2026-11-28" });
      expect(body.users).toEqual([expect.objectContaining({ id: world.userId, meetings: expect.any(Number) })]);
      expect(body.total_meetings).toBeGreaterThan(0);
    },
  },
  {
    operationId: "reportMeetings",
    arrange: (world) => {
      world.api.holdMeeting(newMeeting(world, { topic: "Solo" }).id);
      heldMeeting(world);
      return { userId: "me" };
    },
    query: { from: "2026-11-28", to: "2026-11-28", type: "past", page_size: "300" },
    status: 200,
    check: (body) => {
      const topics = (body.meetings as { topic: string }[]).map((meeting) => meeting.topic);
      expect(topics).toContain("Report me");
      expect(topics).not.toContain("Solo");
    },
  },
  {
    operationId: "reportDaily",
    arrange: (world) => {
      daysAgo(1, () => heldMeeting(world));
      return {};
    },
    query: { year: "2026", month: "11" },
    status: 200,
    check: (body) => {
      const dates = body.dates as { date: string; meetings: number }[];
      expect(dates).toHaveLength(28);
      expect(dates[26]).toMatchObject({ date: "2026-11-27", meetings: expect.any(Number) });
      expect(dates[26]?.meetings).toBeGreaterThan(0);
    },
  },
  {
    operationId: "reportCloudRecording",
    arrange: (world) => {
      daysAgo(2, () => world.api.holdMeeting(newMeeting(world).id, { cloudRecording: true }));
      return {};
    },
    query: { from: "2026-11-26", to: "2026-11-28" },
    status: 200,
    check: (body) => {
      const days = body.cloud_recording_storage as { date: string; usage: string }[];
      expect(days.map((day) => day.date)).toEqual(["2026-11-26", "2026-11-27"]);
      expect(days[0]?.usage).not.toBe("0 B");
    },
  },
  {
    operationId: "Gethistorymeetingandwebinarlist",
    arrange: (world) => {
      heldWebinar(world);
      return {};
    },
    query: { from: "2026-11-28", to: "2026-11-28", meeting_type: "webinar", report_type: "poll" },
    status: 200,
    check: (body) => {
      const rows = body.history_meetings as { type: string; feature_used: { poll: boolean } }[];
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row).toMatchObject({ type: "Webinar", feature_used: { poll: true } });
    },
  },
  {
    operationId: "reportMeetingactivitylogs",
    arrange: (world) => {
      heldMeeting(world);
      return {};
    },
    query: { from: "2026-11-28", to: "2026-11-28", activity_type: "User Join", search_key: "di@example.com" },
    status: 200,
    check: (body) => {
      const rows = body.meeting_activity_logs as { activity_category: string; operator: string }[];
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row).toMatchObject({ activity_category: "User Join", operator: "Di" });
    },
  },
  {
    operationId: "reportUpcomingEvents",
    arrange: (world) => {
      newMeeting(world, { topic: "December planning", type: 2, start_time: "2026-12-05T09:00:00Z" });
      return {};
    },
    query: { from: "2026-12-01", to: "2026-12-31", type: "meeting" },
    status: 200,
    check: (body, _params, world) =>
      expect(body.upcoming_events).toEqual(expect.arrayContaining([expect.objectContaining({ topic: "December planning", host_id: world.userId, start_time: "2026-12-05T09:00:00Z" })])),
  },
  {
    operationId: "reportSignInSignOutActivities",
    arrange: (world) => {
      world.api.model.activityLogs.recordSignIn({ email: "ada@example.com", type: "Sign in", clientType: "Mac", version: "6.0.0" });
      daysAgo(2, () => world.api.model.activityLogs.recordSignIn({ email: "ada@example.com", type: "Sign out" }));
      return {};
    },
    status: 200,
    check: (body) =>
      expect(body).toMatchObject({
        from: "2026-11-28T00:00:00Z",
        activity_logs: [{ email: "ada@example.com", type: "Sign in", client_type: "Mac", version: "6.0.0", time: "2026-11-28T10:00:00Z" }],
      }),
  },
  {
    operationId: "reportOperationLogs",
    arrange: (world) => {
      world.api.model.activityLogs.recordOperation({ operator: "ada@example.com", categoryType: "user", action: "delete", detail: "Deleted a user" });
      world.api.model.activityLogs.recordOperation({ operator: "ada@example.com", categoryType: "billing", action: "update", detail: "Changed the plan" });
      return {};
    },
    query: { from: "2026-11-28", to: "2026-11-28", category_type: "billing" },
    status: 200,
    check: (body) => expect(body.operation_logs).toEqual([{ time: "2026-11-28T10:00:00Z", operator: "ada@example.com", category_type: "billing", action: "update", operation_detail: "Changed the plan" }]),
  },
  {
    operationId: "Getremotesupportreport",
    arrange: (world) => {
      const { past } = heldMeeting(world);
      world.api.model.activityLogs.recordRemoteSupport(past, {
        supporter: { name: "Ada", email: "ada@example.com" },
        supportee: { name: "Cy", email: "cy@example.com" },
        waitSeconds: 30,
        durationSeconds: 300,
      });
      return { meetingNumber: past.id };
    },
    query: { from: "2026-11-28", to: "2026-11-28" },
    status: 200,
    check: (body, params) =>
      expect(body.remote_support_logs).toEqual([expect.objectContaining({ meeting_number: params.meetingNumber, supportee_email: "cy@example.com", wait_time: "00:30", duration: "05:00" })]),
  },
  {
    operationId: "reportTelephone",
    arrange: (world) => {
      const { past } = heldMeeting(world);
      world.api.model.telephoneUsage.recordCall(past, { type: "toll-free", phoneNumber: "+1 555 0100", countryName: "US", minutes: 5, rate: 0.05 });
      world.api.model.telephoneUsage.recordCall(past, { type: "call-in", phoneNumber: "+1 555 0101", minutes: 5, rate: 0.01 });
      return {};
    },
    query: { from: "2026-11-28", to: "2026-11-28", type: "1" },
    status: 200,
    check: (body) => expect(body.telephony_usage).toEqual([expect.objectContaining({ type: "toll-free", duration: 5, rate: 0.05, total: 0.25, meeting_type: "Meeting" })]),
  },
  {
    operationId: "getBillingReport",
    arrange: (world) => ({ billingId: world.api.model.billing.addPeriod({ startDate: "2026-10-01", endDate: "2026-10-31", totalAmount: "99.00", taxAmount: "9.00" }) }),
    status: 200,
    check: (body, params) => {
      expect(body.currency).toBe("USD");
      expect(body.billing_reports).toEqual([{ id: params.billingId, start_date: "2026-10-01", end_date: "2026-10-31", type: 0, total_amount: "99.00", tax_amount: "9.00" }]);
    },
  },
  {
    operationId: "getBillingInvoicesReports",
    query: { billing_id: "no-such-billing-period" },
    status: 404,
    check: (body) => expect(body).toMatchObject({ code: 5010 }),
  },
];

table.run("Reports operations", cases);


describe("Reports through the typed client", () => {
  let client: ZoomClient;
  beforeAll(async () => {
    const tokens = await signIn(table.zoom);
    client = markTypedClient(createZoomClient({ getAccessToken: () => tokens.accessToken() }));
  });

  describeOperation("reportWebinarParticipants", () => {
    it("pages through a session's attendees with next_page_token", async () => {
      const webinar = table.api.createWebinar(table.ada().id, { topic: "Crowd" });
      const participants = ["P1", "P2", "P3", "P4", "P5"].map((name) => ({ name, user_email: `${name.toLowerCase()}@example.com` }));
      table.api.holdWebinar(webinar.id, { participants });
      const pages: string[][] = [];
      for await (const page of paginate(client, "/report/webinars/{webinarId}/participants", {
        params: { path: { webinarId: String(webinar.id) }, query: { page_size: 2 } },
      })) {
        expect(page.total_records).toBe(5);
        pages.push((page.participants ?? []).map((participant) => participant.name ?? ""));
      }
      expect(pages).toEqual([["P1", "P2"], ["P3", "P4"], ["P5"]]);
    });
  });

  describeOperation("reportMeetingDetails", () => {
    it("answers 404 code 3001 for a meeting with no ended session", async () => {
      const meeting = table.api.createMeeting(table.ada().id, { topic: "Never held" });
      const result = await client.GET("/report/meetings/{meetingId}", { params: { path: { meetingId: String(meeting.id) } } });
      expect(result.response.status).toBe(404);
      expect(result.error).toMatchObject({ code: 3001 });
    });

    it("answers 400 code 12702 once the session is more than a year old", async () => {
      const meeting = table.api.createMeeting(table.ada().id, { topic: "Long ago" });
      daysAgo(400, () => table.api.holdMeeting(meeting.id));
      const result = await client.GET("/report/meetings/{meetingId}", { params: { path: { meetingId: String(meeting.id) } } });
      expect(result.response.status).toBe(400);
      expect(result.error).toMatchObject({ code: 12702 });
    });
  });

  describeOperation("reportUsers", () => {
    it("refuses a range longer than a month, reversed, or older than six months, with code 300", async () => {
      for (const [from, to, field] of [
        ["2026-10-01", "2026-11-01", "to"],
        ["2026-11-20", "2026-11-10", "to"],
        ["2026-05-01", "2026-05-20", "from"],
      ] as const) {
        const result = await client.GET("/report/users", { params: { query: { from, to } } });
        expect(result.response.status, `${from}..${to}`).toBe(400);
        expect(result.error).toMatchObject({ code: 300, errors: [expect.objectContaining({ field })] });
      }
      const inactive = await unwrap(client.GET("/report/users", { params: { query: { from: "2026-10-29", to: "2026-11-28", type: "inactive" } } }));
      expect(inactive.users?.map((user) => user.id)).not.toContain(table.ada().id);
    });
  });

  describeOperation("reportDaily", () => {
    it("refuses a member without the usage-report privilege (400 code 200; 403 where Zoom documents a 403)", async () => {
      const member = table.zoom.state.addUser({ email: "member@example.com", role_name: "Member", role_id: "2" });
      const tokens = await signIn(table.zoom, { userId: member.id });
      const memberClient = markTypedClient(createZoomClient({ getAccessToken: () => tokens.accessToken() }));
      const daily = await memberClient.GET("/report/daily");
      expect(daily.response.status).toBe(400);
      expect(daily.error).toMatchObject({ code: 200, message: "No permission." });
      const telephone = await memberClient.GET("/report/telephone", { params: { query: { from: "2026-11-28", to: "2026-11-28" } } });
      expect(telephone.response.status).toBe(403);
      expect((await client.GET("/report/daily")).response.status).toBe(200);
    });

    it("refuses a month outside the last six", async () => {
      const result = await client.GET("/report/daily", { params: { query: { year: 2026, month: 4 } } });
      expect(result.response.status).toBe(400);
      expect(result.error).toMatchObject({ code: 300 });
    });
  });

  describeOperation("getBillingInvoicesReports", () => {
    it("lists the invoice lines of a billing period the billing report names", async () => {
      table.api.model.billing.addPeriod({
        startDate: "2026-09-01",
        endDate: "2026-09-30",
        totalAmount: "45.00",
        taxAmount: "5.00",
        invoices: [{ chargeName: "Large meetings", quantity: 1, totalAmount: "40.00", taxAmount: "5.00", invoiceNumber: "INV-9" }],
      });
      const billing = await unwrap(client.GET("/report/billing"));
      const september = billing.billing_reports?.find((period) => period.start_date === "2026-09-01");
      const invoices = await unwrap(client.GET("/report/billing/invoices", { params: { query: { billing_id: september?.id ?? "" } } }));
      expect(invoices).toEqual({
        currency: "USD",
        invoices: [{ invoice_charge_name: "Large meetings", quantity: 1, total_amount: "40.00", tax_amount: "5.00", invoice_number: "INV-9", start_date: "2026-09-01", end_date: "2026-09-30" }],
      });
    });
  });

  describeOperation("reportMeetingactivitylogs", () => {
    it("lists one meeting's start, joins, leaves and end, in order", async () => {
      const meeting = daysAgo(1, () => table.api.createMeeting(table.ada().id, { topic: "Timeline" }));
      table.api.holdMeeting(meeting.id, { durationMinutes: 10, participants: [{ name: "Fay", user_email: "fay@example.com", joinedAfterMinutes: 1, stayedMinutes: 2 }] });
      const report = await unwrap(
        client.GET("/report/meeting_activities", {
          params: { query: { from: "2026-11-27", to: "2026-11-28", activity_type: "All Activities", meeting_number: String(meeting.id) } },
        }),
      );
      expect(report.meeting_activity_logs?.map((row) => row.activity_category)).toEqual(["Meeting Created", "Meeting Started", "User Join", "User Left", "Meeting Ended"]);
    });
  });
});

import { type ApiOperation, ok, pageOf, pathParam, pathUser, queryInteger, queryString } from "../api-operation.js";
import type { HistoryFilters, MeetingActivityType, UserMeetingsType } from "../model/account-reports.js";
import type { OperationCategory } from "../model/activity-logs.js";
import type { SessionKind } from "../model/session-reports.js";
import type { TelephoneAudioType, TelephoneDateType } from "../model/telephone-usage.js";

/** A required query parameter (the spec validator has already refused a request without it). */
function requiredQuery(request: Parameters<ApiOperation>[0], name: string): string {
  return queryString(request, name) ?? "";
}

/** The five reports on one ended session, for meetings (`meetingId`) or webinars (`webinarId`). */
function sessionReportOperations(kind: SessionKind, idParam: string) {
  const id = (request: Parameters<ApiOperation>[0]) => pathParam(request, idParam);
  return {
    details: ((request, model) => ok(model.sessionReports.details(kind, id(request)))) satisfies ApiOperation,
    participants: ((request, model) =>
      ok(model.sessionReports.participants(kind, id(request), queryString(request, "include_fields"), pageOf(request)))) satisfies ApiOperation,
    polls: ((request, model) => ok(model.sessionReports.polls(kind, id(request)))) satisfies ApiOperation,
    qa: ((request, model) => ok(model.sessionReports.questionsAndAnswers(kind, id(request)))) satisfies ApiOperation,
    survey: ((request, model) => ok(model.sessionReports.survey(kind, id(request)))) satisfies ApiOperation,
  };
}

const meetingReports = sessionReportOperations("meeting", "meetingId");
const webinarReports = sessionReportOperations("webinar", "webinarId");

/** Reports: per-session reports, account usage, history, activity and operation logs, telephone, billing. */
export const reportOperations: Record<string, ApiOperation> = {
  reportMeetingDetails: meetingReports.details,
  reportMeetingParticipants: meetingReports.participants,
  reportMeetingPolls: meetingReports.polls,
  reportMeetingQA: meetingReports.qa,
  reportMeetingSurvey: meetingReports.survey,
  reportWebinarDetails: webinarReports.details,
  reportWebinarParticipants: webinarReports.participants,
  reportWebinarPolls: webinarReports.polls,
  reportWebinarQA: webinarReports.qa,
  reportWebinarSurvey: webinarReports.survey,

  reportUsers: (request, model) =>
    ok(
      model.accountReports.users(
        {
          from: queryString(request, "from"),
          to: queryString(request, "to"),
          type: queryString(request, "type") as "active" | "inactive" | undefined,
          groupId: queryString(request, "group_id"),
        },
        pageOf(request),
      ),
    ),

  reportMeetings: (request, model) =>
    ok(
      model.accountReports.userMeetings(
        pathUser(request, model),
        { from: queryString(request, "from"), to: queryString(request, "to"), type: queryString(request, "type") as UserMeetingsType | undefined },
        pageOf(request),
      ),
    ),

  reportDaily: (request, model) =>
    ok(model.accountReports.daily({ year: queryInteger(request, "year"), month: queryInteger(request, "month"), groupId: queryString(request, "group_id") })),

  reportCloudRecording: (request, model) =>
    ok(model.accountReports.cloudRecording({ from: queryString(request, "from"), to: queryString(request, "to"), groupId: queryString(request, "group_id") })),

  Gethistorymeetingandwebinarlist: (request, model) =>
    ok(
      model.accountReports.history(
        {
          from: requiredQuery(request, "from"),
          to: requiredQuery(request, "to"),
          dateType: queryString(request, "date_type") as HistoryFilters["dateType"],
          meetingType: queryString(request, "meeting_type") as HistoryFilters["meetingType"],
          reportType: queryString(request, "report_type") as HistoryFilters["reportType"],
          searchKey: queryString(request, "search_key"),
          groupId: queryString(request, "group_id"),
          meetingFeature: queryString(request, "meeting_feature"),
        },
        pageOf(request),
      ),
    ),

  reportMeetingactivitylogs: (request, model) =>
    ok(
      model.accountReports.meetingActivities(
        {
          from: requiredQuery(request, "from"),
          to: requiredQuery(request, "to"),
          activityType: (queryString(request, "activity_type") ?? "All Activities") as MeetingActivityType,
          meetingNumber: queryString(request, "meeting_number"),
          searchKey: queryString(request, "search_key"),
        },
        pageOf(request),
      ),
    ),

  reportUpcomingEvents: (request, model) =>
    ok(
      model.accountReports.upcomingEvents(
        {
          from: requiredQuery(request, "from"),
          to: requiredQuery(request, "to"),
          type: queryString(request, "type") as "meeting" | "webinar" | "all" | undefined,
          groupId: queryString(request, "group_id"),
        },
        pageOf(request),
      ),
    ),

  reportSignInSignOutActivities: (request, model) =>
    ok(model.activityLogs.signIns({ from: queryString(request, "from"), to: queryString(request, "to") }, pageOf(request))),

  reportOperationLogs: (request, model) =>
    ok(
      model.activityLogs.operations(
        {
          from: requiredQuery(request, "from"),
          to: requiredQuery(request, "to"),
          categoryType: queryString(request, "category_type") as OperationCategory | "all" | undefined,
        },
        pageOf(request),
      ),
    ),

  Getremotesupportreport: (request, model) =>
    ok(model.activityLogs.remoteSupport({ from: requiredQuery(request, "from"), to: requiredQuery(request, "to") }, pageOf(request))),

  reportTelephone: (request, model) =>
    ok(
      model.telephoneUsage.report(
        {
          from: requiredQuery(request, "from"),
          to: requiredQuery(request, "to"),
          type: queryString(request, "type") as TelephoneAudioType | undefined,
          dateType: queryString(request, "query_date_type") as TelephoneDateType | undefined,
        },
        pageOf(request),
      ),
    ),

  getBillingReport: (_request, model) => ok(model.billing.report()),

  getBillingInvoicesReports: (request, model) => ok(model.billing.invoices(requiredQuery(request, "billing_id"))),
};

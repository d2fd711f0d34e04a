import { type ApiOperation, type ApiOperationGroup, type ApiOperationRequest, ok, pageOf, pathParam, pathUser, queryInteger, queryString } from "../api-operation.js";
import type { ApiModel } from "../model/api-model.js";
import { ZoomApiFailure } from "../model/api-failure.js";
import type { HistoryFilters, MeetingActivityType, UserMeetingsType } from "../model/account-reports.js";
import type { OperationCategory } from "../model/activity-logs.js";
import type { SessionKind } from "../model/session-reports.js";
import type { TelephoneAudioType, TelephoneDateType } from "../model/telephone-usage.js";

/** A required query parameter (the spec validator has already refused a request without it). */
function requiredQuery(request: ApiOperationRequest, name: string): string {
  return queryString(request, name) ?? "";
}

/**
 * Reports need the `UsageReport:Read` privilege (owners and admins have it). A user token of a
 * member without it gets Zoom's "No permission." (code 200): with 400 where Zoom documents that,
 * with 403 for the reports that document a 403 instead. Account tokens (no user) act as the account.
 */
function usageReport(operation: ApiOperation, deniedStatus: 400 | 403 = 400): ApiOperation {
  return (request: ApiOperationRequest, model: ApiModel) => {
    const userId = request.caller.userId;
    const caller = userId === null ? undefined : model.users.resolve(userId, userId);
    if (caller !== undefined && !model.users.permissions(caller).permissions.includes("UsageReport:Read")) {
      throw new ZoomApiFailure(deniedStatus, 200, "No permission.");
    }
    return operation(request, model);
  };
}

/** The five reports on one ended session, for meetings (`meetingId`) or webinars (`webinarId`). */
function sessionReportOperations(kind: SessionKind, idParam: string) {
  const id = (request: ApiOperationRequest) => pathParam(request, idParam);
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
export const reportOperations = {
  reportMeetingDetails: usageReport(meetingReports.details),
  reportMeetingParticipants: usageReport(meetingReports.participants),
  reportMeetingPolls: usageReport(meetingReports.polls),
  reportMeetingQA: usageReport(meetingReports.qa),
  reportMeetingSurvey: usageReport(meetingReports.survey),
  reportWebinarDetails: usageReport(webinarReports.details),
  reportWebinarParticipants: usageReport(webinarReports.participants),
  reportWebinarPolls: usageReport(webinarReports.polls),
  reportWebinarQA: usageReport(webinarReports.qa),
  reportWebinarSurvey: usageReport(webinarReports.survey),

  reportUsers: usageReport((request, model) =>
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
    )),

  reportMeetings: usageReport((request, model) =>
    ok(
      model.accountReports.userMeetings(
        pathUser(request, model),
        { from: queryString(request, "from"), to: queryString(request, "to"), type: queryString(request, "type") as UserMeetingsType | undefined },
        pageOf(request),
      ),
    )),

  reportDaily: usageReport((request, model) =>
    ok(model.accountReports.daily({ year: queryInteger(request, "year"), month: queryInteger(request, "month"), groupId: queryString(request, "group_id") }))),

  reportCloudRecording: usageReport((request, model) =>
    ok(model.accountReports.cloudRecording({ from: queryString(request, "from"), to: queryString(request, "to"), groupId: queryString(request, "group_id") }))),

  Gethistorymeetingandwebinarlist: usageReport((request, model) =>
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
    ), 403),

  reportMeetingactivitylogs: usageReport((request, model) =>
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
    ), 403),

  reportUpcomingEvents: usageReport((request, model) =>
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
    )),

  reportSignInSignOutActivities: usageReport((request, model) =>
    ok(model.activityLogs.signIns({ from: queryString(request, "from"), to: queryString(request, "to") }, pageOf(request)))),

  reportOperationLogs: usageReport((request, model) =>
    ok(
      model.activityLogs.operations(
        {
          from: requiredQuery(request, "from"),
          to: requiredQuery(request, "to"),
          categoryType: queryString(request, "category_type") as OperationCategory | "all" | undefined,
        },
        pageOf(request),
      ),
    )),

  Getremotesupportreport: usageReport((request, model) =>
    ok(model.activityLogs.remoteSupport({ from: requiredQuery(request, "from"), to: requiredQuery(request, "to") }, pageOf(request))), 403),

  reportTelephone: usageReport((request, model) =>
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
    ), 403),

  getBillingReport: usageReport((_request, model) => ok(model.billing.report())),

  getBillingInvoicesReports: usageReport((request, model) => ok(model.billing.invoices(requiredQuery(request, "billing_id")))),
} satisfies ApiOperationGroup;

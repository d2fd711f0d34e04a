/**
 * The mock Zoom REST API: msw handlers for every operation of specs/zoom-api.yaml over a stateful
 * resource model, plus test hooks.
 */
export { type ApiHandlersOptions, createApiHandlers } from "./create-api-handlers.js";
export type { ApiCaller, ApiOperation, ApiOperationRequest, ApiOperationResult } from "./api-operation.js";
export { type ApiModelOptions, ApiModel, type HeldMeetingInput } from "./model/api-model.js";
export { type ApiFieldError, ZoomApiFailure, type ZoomErrorBody } from "./model/api-failure.js";
export type { MeetingCreateInput, MeetingRecord, MeetingType, MeetingUpdateInput } from "./model/meetings.js";
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, PAGE_TOKEN_LIFETIME_MS } from "./model/pagination.js";
export type { ParticipantInput, PastMeetingRecord, SurveyAnswer } from "./model/past-meetings.js";
export type { RateLimitSimulation, RateLimitType } from "./model/rate-limits.js";
export type { RecordingFileRecord, RecordingRecord } from "./model/recordings.js";
export { recordingFileStream } from "./recording-files.js";
export type { OperationCategory, OperationLogInput, RemoteSupportInput, SignInEventInput } from "./model/activity-logs.js";
export type { BillingPeriodInput, InvoiceLineInput } from "./model/billing.js";
export type { TelephoneCallInput, TelephoneLegType } from "./model/telephone-usage.js";
export type { MockApiUser, UserDirectory } from "./model/user-directory.js";
export type { WebinarCreateInput, WebinarRecord, WebinarType } from "./model/webinars.js";
export { type ApiRoute, buildRouteTable } from "./route-table.js";
export { type ResponseOverride, ZoomMockApi } from "./zoom-mock-api.js";

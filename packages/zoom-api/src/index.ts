/**
 * `@org/zoom-api`: a typed client for Zoom's REST API (openapi-fetch over the project's own OpenAPI
 * document) with authentication, timeouts, retries that respect Zoom's rate limits, typed errors and
 * pagination.
 * @packageDocumentation
 */
export { createZoomClient, type ZoomClient } from "./create-zoom-client.js";
export {
  type DownloadProgress,
  type DownloadRecordingOptions,
  downloadRecording,
  type RecordingDownload,
  type RecordingFileRef,
  ZoomDownloadError,
} from "./download-recording.js";
export {
  type Sleep,
  ZoomClientOptionsError,
  type ZoomClientOptions,
  type ZoomClientTesting,
} from "./zoom-client-options.js";
export type { ZoomClientScopeOptions, ZoomScopeCheck } from "./scope-check-option.js";
export { ZoomScopeError } from "./zoom-scope-error.js";
export type { ZoomClientTokenOptions, ZoomTokenResponse, ZoomTokenSource } from "./token-options.js";
export { ZoomApiError, type ZoomApiErrorInit, type ZoomFieldError } from "./zoom-api-error.js";
export {
  isUnreachableError,
  ZoomNetworkError,
  type ZoomRequestDescription,
  ZoomTimeoutError,
} from "./zoom-network-error.js";
export { ZoomRedirectError } from "./zoom-redirect-error.js";
export { ZoomResponseBodyError } from "./zoom-response-body-error.js";
export type { ZoomRateLimit } from "./rate-limit.js";
export { type DataOf, unwrap, type ZoomFetchResult } from "./unwrap.js";
export { toMultipartFormData } from "./multipart-body.js";
export {
  type GetOperation,
  type ListItem,
  type ListKey,
  type PageOf,
  type PaginatedPath,
  type PaginateInitArgs,
  type PaginateOptions,
  type PaginationLimit,
  paginate,
  paginateItems,
  ZoomPaginationError,
  type ZoomPaginationFailure,
} from "./paginate.js";
export type { components, operations, paths } from "./generated/zoom-api.js";

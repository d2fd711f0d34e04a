import type { ApiOperation, ApiOperationTable, OperationId } from "../api-operation.js";
import { accountOperations } from "./account-operations.js";
import { archiveOperations } from "./archive-operations.js";
import { deviceOperations } from "./device-operations.js";
import { directoryOperations, groupOperations } from "./directory-operations.js";
import { groupSettingsOperations } from "./group-settings-operations.js";
import { liveOperations } from "./live-operations.js";
import { meetingOperations } from "./meeting-operations.js";
import { recordingOperations } from "./recording-operations.js";
import { reportOperations } from "./report-operations.js";
import { userUploadOperations } from "./upload-operations.js";
import { userFeatureOperations } from "./user-feature-operations.js";
import { userOperations } from "./user-operations.js";
import { webinarBrandingOperations } from "./webinar-branding-operations.js";
import { webinarOperations } from "./webinar-operations.js";

/**
 * Every operation of specs/zoom-api.yaml, by operationId. Typed by the generated `operations`, so an
 * operation the mock lacks, or an operationId the spec does not declare, fails the type-check.
 */
export const apiOperations: ApiOperationTable = {
  ...userOperations,
  ...meetingOperations,
  ...recordingOperations,
  ...webinarOperations,
  ...accountOperations,
  ...directoryOperations,
  ...groupOperations,
  ...liveOperations,
  ...groupSettingsOperations,
  ...userUploadOperations,
  ...webinarBrandingOperations,
  ...archiveOperations,
  ...deviceOperations,
  ...userFeatureOperations,
  ...reportOperations,
};

/**
 * The implementation of an operationId read from a spec at run time, or `undefined` when that spec
 * (a draft passed as `createApiHandlers({ spec })`) declares an operation this table lacks.
 */
export function apiOperationOf(operationId: string): ApiOperation | undefined {
  if (!Object.hasOwn(apiOperations, operationId)) return undefined;
  // Each implementation is typed for its own request body; the request reaching it has been validated
  // against that operation's schema, which is what its generated body type describes.
  return apiOperations[operationId as OperationId] as ApiOperation;
}

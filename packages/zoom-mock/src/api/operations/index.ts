import type { ApiOperation } from "../api-operation.js";
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

/** Every operation the mock implements, by the spec's operationId. */
export const apiOperations: Readonly<Record<string, ApiOperation>> = {
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

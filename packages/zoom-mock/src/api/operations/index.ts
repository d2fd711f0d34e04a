import type { ApiOperation } from "../api-operation.js";
import { accountOperations } from "./account-operations.js";
import { directoryOperations, groupOperations } from "./directory-operations.js";
import { liveOperations } from "./live-operations.js";
import { meetingOperations } from "./meeting-operations.js";
import { recordingOperations } from "./recording-operations.js";
import { reportOperations } from "./report-operations.js";
import { userOperations } from "./user-operations.js";
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
  ...reportOperations,
};

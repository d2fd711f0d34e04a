/** One field-level problem inside a Zoom validation error (code 300). */
export interface ApiFieldError {
  /** The request field at fault, e.g. `page_size` or `settings.jbh_time`. */
  field: string;
  /** What is wrong with it. */
  message: string;
}

/** The JSON body Zoom answers with when a request fails: `{ code, message, errors? }`. */
export interface ZoomErrorBody {
  /** Zoom's numeric error code (not the HTTP status). */
  code: number;
  /** Human-readable explanation. */
  message: string;
  /** Field-level problems, present on validation failures. */
  errors?: ApiFieldError[];
}

/**
 * A rule of the mock Zoom API refused a request. Thrown by the resource model and turned into
 * an HTTP answer by the handlers, so every rule lives in one place and handlers stay thin.
 */
export class ZoomApiFailure extends Error {
  override readonly name = "ZoomApiFailure";
  /** HTTP status to answer with. */
  readonly status: number;
  /** Zoom's error code for the body. */
  readonly code: number;
  /** Field-level problems (validation failures only). */
  readonly errors: ApiFieldError[] | undefined;
  /** Extra response headers the answer must carry (e.g. `Retry-After` on 429). */
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    status: number,
    code: number,
    message: string,
    options: { errors?: ApiFieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.errors = options.errors;
    this.headers = options.headers ?? {};
  }

  /** The Zoom-style JSON body for this failure. */
  toBody(): ZoomErrorBody {
    return this.errors === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, errors: this.errors };
  }
}

/** 401 for a missing, unknown, expired or revoked bearer token (Zoom code 124). */
export function invalidAccessToken(): ZoomApiFailure {
  return new ZoomApiFailure(401, 124, "Invalid access token.");
}

/** 404 for a user id, email or `me` that resolves to nobody (Zoom code 1001). */
export function userNotFound(userId: string): ZoomApiFailure {
  return new ZoomApiFailure(404, 1001, `User does not exist: ${userId}.`);
}

/** 409 when creating a user whose email is already taken (Zoom code 1005). */
export function userAlreadyExists(email: string): ZoomApiFailure {
  return new ZoomApiFailure(409, 1005, `Email "${email}" has already been used.`);
}

/** 400 when changing a user's email to one another user has (code 1005; that operation declares no 409). */
export function emailAlreadyUsed(email: string): ZoomApiFailure {
  return new ZoomApiFailure(400, 1005, `Email "${email}" has already been used.`);
}

/** 400 code 200: a request Zoom refuses on the account's rules (scheduling privileges, permissions). */
export function notAllowed(message: string): ZoomApiFailure {
  return new ZoomApiFailure(400, 200, message);
}

/** 404 for an unknown meeting id (Zoom code 3001). */
export function meetingNotFound(meetingId: string | number): ZoomApiFailure {
  return new ZoomApiFailure(404, 3001, `Meeting does not exist: ${meetingId}.`);
}

/** 404 for an unknown webinar id (Zoom code 3001, as for meetings). */
export function webinarNotFound(webinarId: string | number): ZoomApiFailure {
  return new ZoomApiFailure(404, 3001, `Webinar does not exist: ${webinarId}.`);
}

/** 404 when a meeting has no cloud recording (Zoom code 3301). */
export function recordingNotFound(): ZoomApiFailure {
  return new ZoomApiFailure(404, 3301, "There is no recording for this meeting.");
}

/** 400 for a registrant id the meeting or webinar does not have (Zoom code 3000). */
export function registrantNotFound(registrantId: string): ZoomApiFailure {
  return new ZoomApiFailure(400, 3000, `Registrant ${registrantId} was not found.`);
}

/** 400 for a panelist id the webinar does not have (code 3000, as for registrants). */
export function panelistNotFound(panelistId: string): ZoomApiFailure {
  return new ZoomApiFailure(400, 3000, `Panelist ${panelistId} was not found.`);
}

/** 404 for an unknown poll (Zoom answers code 404 here). */
export function pollNotFound(kind: "meeting" | "webinar" = "meeting"): ZoomApiFailure {
  return new ZoomApiFailure(404, 404, `${kind === "meeting" ? "Meeting" : "Webinar"} Poll not found.`);
}

/** 400 validation failure (Zoom code 300) naming each field at fault. */
export function validationFailed(errors: ApiFieldError[]): ZoomApiFailure {
  const first = errors[0];
  const message = first === undefined ? "Validation Failed." : `Validation Failed. ${first.field}: ${first.message}`;
  return new ZoomApiFailure(400, 300, message, { errors });
}

/** 404 when a meeting has no transcript, or it was deleted (Zoom code 3322). */
export function transcriptNotFound(): ZoomApiFailure {
  return new ZoomApiFailure(404, 3322, "This meeting transcript does not exist.");
}

/** 404 when no session of a meeting has an AI summary (code 3001, as for an unknown meeting). */
export function summaryNotFound(meetingId: string): ZoomApiFailure {
  return new ZoomApiFailure(404, 3001, `Meeting does not exist: ${meetingId}.`);
}

/** 404 for an unknown meeting template (undocumented by Zoom; code 404 as for polls). */
export function templateNotFound(templateId: string): ZoomApiFailure {
  return new ZoomApiFailure(404, 404, `Meeting template not found: ${templateId}.`);
}

/** 404 for an unknown tracking field (Zoom code 5110). */
export function trackingFieldNotFound(fieldId: string): ZoomApiFailure {
  return new ZoomApiFailure(404, 5110, `Tracking field does not exist: ${fieldId}.`);
}

/** 404 for an unknown H.323/SIP device (undocumented by Zoom; code 404). */
export function deviceNotFound(deviceId: string): ZoomApiFailure {
  return new ZoomApiFailure(404, 404, `H.323 device does not exist: ${deviceId}.`);
}

/** A device display name already in use: Zoom answers 404 with code 2020 (sic). */
export function deviceNameTaken(name: string): ZoomApiFailure {
  return new ZoomApiFailure(404, 2020, `H.323 device's display name ${name} is already in use.`);
}

/** 400 for an unknown contact group (Zoom code 300). */
export function contactGroupNotFound(groupId: string): ZoomApiFailure {
  return new ZoomApiFailure(400, 300, `A group with this groupId: ${groupId} does not exist.`);
}

/** 404 for an unknown division (Zoom code 40406). */
export function divisionNotFound(): ZoomApiFailure {
  return new ZoomApiFailure(404, 40406, "Division not found.");
}

/** 404 for an unknown user group (Zoom code 4130). */
export function groupNotFound(groupId: string): ZoomApiFailure {
  return new ZoomApiFailure(404, 4130, `A group with this ${groupId} does not exist.`);
}

/** 404 for a user who is not a member (or admin) of the group (Zoom code 4131). */
export function groupMemberNotFound(): ZoomApiFailure {
  return new ZoomApiFailure(404, 4131, "Group member does not exist.");
}

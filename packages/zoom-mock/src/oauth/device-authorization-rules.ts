import type { DeviceAuthorizationRecord, MockApp, ZoomMockState } from "../state.js";
import { type TokenOutcome, tokenBody } from "./authorization-rules.js";
import type { ZoomOAuthFailure } from "./oauth-errors.js";

/**
 * The rules of the device authorization grant (RFC 8628) as the mock runs it, independent of HTTP:
 * `POST /oauth/devicecode`, the token endpoint's device_code polls, the verification page and the
 * `zoom.devices` test hooks all go through these functions.
 */

/** The `grant_type` of a device authorization poll (RFC 8628 section 3.4). */
export const DEVICE_CODE_GRANT_TYPE = "urn:ietf:params:oauth:grant-type:device_code";

/** How long both codes work: Zoom reports `expires_in: 900`. */
export const DEVICE_CODE_LIFETIME_MS = 15 * 60 * 1000;

/** The wait Zoom asks for between polls, in seconds. */
export const DEVICE_POLL_INTERVAL_SECONDS = 5;

/** The path of the page where the user enters the code (`verification_uri`). */
export const DEVICE_VERIFICATION_PATH = "/oauth_device";

// RFC 8628 section 6.1: consonants only (no words, no look-alikes such as 0/O or 1/I).
const USER_CODE_ALPHABET = "BCDFGHJKLMNPQRSTVWXZ";

const failure = (error: string, reason: string): ZoomOAuthFailure => ({ status: 400, body: { reason, error } });

/** The answers of a device poll, in Zoom's `{reason, error}` shape with RFC 8628's codes. */
export const deviceFailures = {
  pending: failure("authorization_pending", "The user has not yet approved the device"),
  slowDown: failure("slow_down", "Polling too often: wait five seconds more between polls"),
  expired: failure("expired_token", "The device code has expired"),
  denied: failure("access_denied", "The user denied the device"),
  invalidDeviceCode: failure("invalid_grant", "Invalid device code"),
} as const satisfies Record<string, ZoomOAuthFailure>;

/** The JSON body of `POST /oauth/devicecode`. */
export interface DeviceAuthorizationBody {
  device_code: string;
  user_code: string;
  verification_uri: string;
  verification_uri_complete: string;
  expires_in: number;
  interval: number;
}

function newUserCode(state: ZoomMockState): string {
  for (;;) {
    const bytes = crypto.getRandomValues(new Uint8Array(8));
    const letters = Array.from(bytes, (byte) => USER_CODE_ALPHABET[byte % USER_CODE_ALPHABET.length]).join("");
    const code = `${letters.slice(0, 4)}-${letters.slice(4)}`;
    if (findDeviceAuthorization(state, code) === undefined) return code;
  }
}

/** Normalises what a user typed: case, spaces and dashes do not matter (RFC 8628 section 6.1). */
function normaliseUserCode(userCode: string): string {
  return userCode.toUpperCase().replace(/[^A-Z0-9]/g, "");
}

/** The device authorization a user code names, whatever its status. */
export function findDeviceAuthorization(state: ZoomMockState, userCode: string): DeviceAuthorizationRecord | undefined {
  const wanted = normaliseUserCode(userCode);
  if (wanted === "") return undefined;
  for (const record of state.deviceAuthorizations.values()) {
    if (normaliseUserCode(record.userCode) === wanted) return record;
  }
  return undefined;
}

/** Starts a device authorization for `app`; `origin` is where the verification page is served. */
export function startDeviceAuthorization(state: ZoomMockState, app: MockApp, origin: string): DeviceAuthorizationBody {
  const issuedAt = state.now();
  const record: DeviceAuthorizationRecord = {
    deviceCode: state.randomString(),
    userCode: newUserCode(state),
    clientId: app.clientId,
    scopes: app.scopes,
    issuedAt,
    expiresAt: issuedAt + DEVICE_CODE_LIFETIME_MS,
    intervalMs: DEVICE_POLL_INTERVAL_SECONDS * 1000,
    lastPolledAt: null,
    slowDownNext: false,
    status: "pending",
    userId: null,
  };
  state.deviceAuthorizations.set(record.deviceCode, record);
  const verificationUri = `${origin}${DEVICE_VERIFICATION_PATH}`;
  return {
    device_code: record.deviceCode,
    user_code: record.userCode,
    verification_uri: verificationUri,
    verification_uri_complete: `${verificationUri}?user_code=${encodeURIComponent(record.userCode)}`,
    expires_in: DEVICE_CODE_LIFETIME_MS / 1000,
    interval: DEVICE_POLL_INTERVAL_SECONDS,
  };
}

/** Why a user's decision could not be taken. */
export type DeviceDecisionRefusal = "unknown" | "expired" | "decided";

/** Whether a user code can still be approved or denied, and why not. */
export function checkDeviceDecision(state: ZoomMockState, userCode: string): { ok: true; record: DeviceAuthorizationRecord } | { ok: false; reason: DeviceDecisionRefusal } {
  const record = findDeviceAuthorization(state, userCode);
  if (record === undefined) return { ok: false, reason: "unknown" };
  if (state.now() >= record.expiresAt) return { ok: false, reason: "expired" };
  if (record.status !== "pending") return { ok: false, reason: "decided" };
  return { ok: true, record };
}

/** The user approves (as `userId`, default the seeded user) or denies the device showing `userCode`. */
export function decideDeviceAuthorization(
  state: ZoomMockState,
  userCode: string,
  decision: { allow: true; userId?: string } | { allow: false },
): { ok: true } | { ok: false; reason: DeviceDecisionRefusal | "unknown-user" } {
  const checked = checkDeviceDecision(state, userCode);
  if (!checked.ok) return checked;
  if (!decision.allow) {
    checked.record.status = "denied";
    return { ok: true };
  }
  const userId = decision.userId ?? state.defaultUserId;
  if (userId === null || !state.users.has(userId)) return { ok: false, reason: "unknown-user" };
  checked.record.status = "approved";
  checked.record.userId = userId;
  return { ok: true };
}

const fail = (failure: ZoomOAuthFailure): TokenOutcome => ({ ok: false, failure });

/**
 * `grant_type=urn:ietf:params:oauth:grant-type:device_code`. A poll sooner than the current interval
 * after the previous one is answered `slow_down` and adds five seconds to the interval for good, so a
 * client that ignores `slow_down` keeps being told to slow down until the codes expire.
 */
export function pollDeviceAuthorization(state: ZoomMockState, app: MockApp, form: URLSearchParams): TokenOutcome {
  const record = state.deviceAuthorizations.get(form.get("device_code") ?? "");
  if (record === undefined || record.clientId !== app.clientId || record.status === "consumed") {
    return fail(deviceFailures.invalidDeviceCode);
  }
  const now = state.now();
  if (now >= record.expiresAt) return fail(deviceFailures.expired);
  const tooSoon = record.lastPolledAt !== null && now - record.lastPolledAt < record.intervalMs;
  record.lastPolledAt = now;
  if (tooSoon || record.slowDownNext) {
    record.slowDownNext = false;
    record.intervalMs += DEVICE_POLL_INTERVAL_SECONDS * 1000;
    return fail(deviceFailures.slowDown);
  }
  if (record.status === "denied") return fail(deviceFailures.denied);
  if (record.status === "pending") return fail(deviceFailures.pending);
  const user = record.userId === null ? undefined : state.users.get(record.userId);
  if (user === undefined) return fail(deviceFailures.invalidDeviceCode);
  record.status = "consumed";
  const grant = state.createGrant({
    kind: "device_code",
    clientId: app.clientId,
    userId: user.id,
    accountId: user.account_id,
    scopes: record.scopes,
  });
  return { ok: true, body: tokenBody(state, grant) };
}

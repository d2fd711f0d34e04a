import { formatViolation } from "../violations.js";
import type { MockRuntime } from "../spec-route.js";
import type { ZoomMockState } from "../state.js";
import type { SpecValidator, SpecViolation } from "../validation/spec-validator.js";
import type { ZoomOAuthErrorBody } from "./oauth-errors.js";

/** What the OAuth routes need from the mock. */
export interface OAuthRouteContext {
  state: ZoomMockState;
  runtime: MockRuntime;
  /** Validates against specs/zoom-oauth.yaml. */
  validator: SpecValidator;
}

/** The status of a violation answer: 400 when the request broke the spec, 500 when the mock's answer did. */
export function violationStatus(violations: readonly SpecViolation[]): 400 | 500 {
  return violations.some((violation) => violation.side === "request") || violations.length === 0 ? 400 : 500;
}

/** A Zoom-style OAuth error body that names the violations (values are never quoted). */
export function violationErrorBody(violations: readonly SpecViolation[]): ZoomOAuthErrorBody {
  const status = violationStatus(violations);
  const detail = violations.length === 0 ? "no operation of the spec matches this request" : violations.map(formatViolation).join("; ");
  return {
    error: status === 400 ? "invalid_request" : "server_error",
    reason: `specs/zoom-oauth.yaml violation: ${detail}`,
  };
}

/** The body of a `"status"` fault on an OAuth route. */
export function oauthFaultBody(status: number): ZoomOAuthErrorBody {
  return { error: "server_error", reason: `Injected fault: HTTP ${status}` };
}

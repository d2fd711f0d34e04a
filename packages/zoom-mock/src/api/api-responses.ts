import { HttpResponse, type JsonBodyType } from "msw";
import type { SpecViolation } from "../validation/spec-validator.js";
import { formatViolation } from "../violations.js";
import type { ApiOperationResult } from "./api-operation.js";
import type { ApiFieldError, ZoomErrorBody } from "./model/api-failure.js";

/** Zoom answers JSON with this content type. */
const JSON_CONTENT_TYPE = "application/json;charset=UTF-8";

/** A Zoom-like tracking id: `v=2.0;clid=us01;rid=WEB_<32 hex>`. */
export function newTrackingId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `v=2.0;clid=us01;rid=WEB_${Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("")}`;
}

/** The HTTP response for an operation's result, with `x-zm-trackingid` and any extra headers. */
export function toHttpResponse(result: ApiOperationResult, trackingId: string): Response {
  const headers = new Headers(result.headers);
  headers.set("x-zm-trackingid", trackingId);
  if (result.body === undefined) return new HttpResponse(null, { status: result.status, headers });
  headers.set("content-type", JSON_CONTENT_TYPE);
  return HttpResponse.json(result.body as JsonBodyType, { status: result.status, headers });
}

/** The field Zoom's `errors` entry names: the violation's field, or its location when it is about all of it. */
function fieldOf(violation: SpecViolation): string {
  return violation.field === "" ? violation.location : violation.field;
}

/**
 * The answer to a spec violation. A request that breaks the spec gets Zoom's validation failure
 * (400, code 300, one `errors` entry per problem); a mock response that breaks it becomes a 500
 * naming the violation, so the test that provoked it fails loudly.
 */
export function violationBody(violations: readonly SpecViolation[]): { status: number; body: ZoomErrorBody } {
  const requestSide = violations.filter((violation) => violation.side === "request");
  if (violations.length === 0 || requestSide.some((violation) => violation.location === "route")) {
    return { status: 404, body: { code: 404, message: "No operation of specs/zoom-api.yaml matches this request." } };
  }
  if (requestSide.length > 0) {
    const errors: ApiFieldError[] = requestSide.map((violation) => ({ field: fieldOf(violation), message: violation.message }));
    return { status: 400, body: { code: 300, message: "Validation Failed.", errors } };
  }
  return {
    status: 500,
    body: { code: 500, message: `The mock's response broke specs/zoom-api.yaml: ${violations.map(formatViolation).join("; ")}` },
  };
}

// The promises specs/zoom-api.yaml makes beyond Zoom's own documents, checked so they stay true as the
// spec grows: every operation is named, scoped and documented the same way.
import { HTTP_METHODS } from "./openapi-documents.mjs";
import { isObject, resolveRef } from "./schema-fields.mjs";

/** Error statuses every operation declares, each with a Zoom error body. */
export const REQUIRED_ERROR_STATUSES = ["400", "401", "403", "429"];
/** Headers a 429 answer declares (Zoom sends some or none of them; clients read them when present). */
export const RATE_LIMIT_HEADERS = ["Retry-After", "X-RateLimit-Category", "X-RateLimit-Type", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"];
/** Named schemas clients import by name. */
export const REQUIRED_SCHEMAS = ["User", "UserSettings", "Meeting", "MeetingSettings", "Registrant", "PastMeeting", "Participant", "Recording", "Webinar", "ZoomError"];

/**
 * Lists every broken convention as a readable sentence; an empty list means the spec keeps them all.
 * @param {import("./openapi-documents.mjs").OpenApiDocument} document
 * @returns {string[]}
 */
export function checkSpecConventions(document) {
  /** @type {string[]} */
  const problems = [];
  const schemas = isObject(document.components?.schemas) ? document.components.schemas : {};
  for (const name of REQUIRED_SCHEMAS) if (!(name in schemas)) problems.push(`components.schemas.${name} is missing`);
  const zoomError = resolveRef(document, { $ref: "#/components/schemas/ZoomError" });
  if (isObject(zoomError)) {
    const required = Array.isArray(zoomError.required) ? zoomError.required : [];
    if (!required.includes("code") || !required.includes("message")) problems.push("ZoomError must require code and message");
  }
  /** @type {Record<string, any>} */
  const paths = isObject(document.paths) ? document.paths : {};
  if (paths["/users/me"]?.get?.operationId !== "userMe") problems.push("GET /users/me (operationId userMe) is missing");
  if (!isObject(paths["/users/{userId}"]?.get)) problems.push("GET /users/{userId} is missing");

  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const label = `${method.toUpperCase()} ${path}`;
      if (typeof operation.operationId !== "string") problems.push(`${label}: no operationId`);
      if (typeof operation.summary !== "string") problems.push(`${label}: no summary`);
      checkScopes(operation, label, problems);
      checkResponses(document, operation, label, problems);
    }
  }
  return problems;
}

/** @param {Record<string, any>} operation @param {string} label @param {string[]} problems */
function checkScopes(operation, label, problems) {
  const security = Array.isArray(operation.security) ? operation.security : [];
  const scopes = security.flatMap((requirement) => (isObject(requirement) ? Object.values(requirement).flat() : []));
  if (scopes.length === 0) problems.push(`${label}: no scopes in security`);
  const declared = isObject(operation["x-scopes"]) ? [...(operation["x-scopes"].macro ?? []), ...(operation["x-scopes"].granular ?? [])] : null;
  if (!declared) problems.push(`${label}: no x-scopes`);
  else if ([...declared].sort().join(" ") !== [...scopes].sort().join(" ")) problems.push(`${label}: x-scopes and security list different scopes`);
}

/** @param {import("./openapi-documents.mjs").OpenApiDocument} document @param {Record<string, any>} operation @param {string} label @param {string[]} problems */
function checkResponses(document, operation, label, problems) {
  const responses = isObject(operation.responses) ? operation.responses : {};
  const statuses = Object.keys(responses);
  if (!statuses.some((status) => status.startsWith("2"))) problems.push(`${label}: no success response`);
  const errorStatuses = [...REQUIRED_ERROR_STATUSES, ...(/\{[^}]+\}/.test(label) ? ["404"] : [])];
  for (const status of errorStatuses) if (!statuses.includes(status)) problems.push(`${label}: no ${status} response`);
  for (const [status, raw] of Object.entries(responses)) {
    const response = resolveRef(document, raw);
    if (!isObject(response)) continue;
    const headers = isObject(response.headers) ? response.headers : {};
    if (!("x-zm-trackingid" in headers)) problems.push(`${label} ${status}: no x-zm-trackingid header`);
    const json = response.content?.["application/json"]?.schema;
    if (status.startsWith("2") && json !== undefined && !(isObject(json) && typeof json.$ref === "string")) {
      problems.push(`${label} ${status}: body is not a named schema`);
    }
    if (/^[45]/.test(status)) {
      if (!(isObject(json) && json.$ref === "#/components/schemas/ZoomError")) problems.push(`${label} ${status}: body is not ZoomError`);
    }
    if (status === "429") for (const header of RATE_LIMIT_HEADERS) if (!(header in headers)) problems.push(`${label} 429: no ${header} header`);
  }
}

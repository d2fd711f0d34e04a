// Which operations the mock served during the contract run (see ../README.md): measured from the run's
// record (contract-run-log.mjs), not from what the test files say.
import { HTTP_METHODS } from "./openapi-documents.mjs";
import { isObject } from "./schema-fields.mjs";

/**
 * @typedef {{ method: string, path: string, operationId: string }} SpecOperation
 * @typedef {{ operation: SpecOperation, served: number, succeeded: number }} OperationCoverage `served`: answers to the typed client (for an event: receipts by the router); `succeeded`: those with a 2xx (every receipt)
 * @typedef {{ operations: OperationCoverage[], unknown: string[], missingOperationIds: { method: string, path: string }[], requests: number }} CoverageReport
 */

/**
 * Operations of a parsed OpenAPI document, in path order.
 * @param {import("./openapi-documents.mjs").OpenApiDocument} document
 * @returns {{ operations: SpecOperation[], missingOperationIds: { method: string, path: string }[] }}
 */
export function listSpecOperations(document) {
  /** @type {SpecOperation[]} */
  const operations = [];
  /** @type {{ method: string, path: string }[]} */
  const missingOperationIds = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      if (typeof operation.operationId === "string") operations.push({ method: method.toUpperCase(), path, operationId: operation.operationId });
      else missingOperationIds.push({ method: method.toUpperCase(), path });
    }
  }
  // OpenAPI 3.1 `webhooks` (specs/zoom-webhooks.yaml): each event is an operation Zoom sends, `POST webhook <event>`.
  for (const [event, item] of Object.entries(document.webhooks ?? {})) {
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const path = `webhook ${event}`;
      if (typeof operation.operationId === "string") operations.push({ method: method.toUpperCase(), path, operationId: operation.operationId });
      else missingOperationIds.push({ method: method.toUpperCase(), path });
    }
  }
  return { operations, missingOperationIds };
}

/**
 * Maps every operation of the spec to what the mock served for it to the typed client during the run,
 * and every webhook event (`POST webhook <event>`) to the times the app's router received it.
 * An operationId in the record that the spec does not have is `unknown` (the record is from another spec).
 * @param {import("./openapi-documents.mjs").OpenApiDocument} document
 * @param {import("./contract-run-log.mjs").ContractRun} run
 * @returns {CoverageReport}
 */
export function measureCoverage(document, run) {
  const { operations, missingOperationIds } = listSpecOperations(document);
  /** @type {Map<string, OperationCoverage>} */
  const byKey = new Map(operations.map((operation) => [keyOf(operation), { operation, served: 0, succeeded: 0 }]));
  const byId = new Map(operations.map((operation) => [operation.operationId, operation]));
  /** @type {Set<string>} */
  const unknown = new Set();
  const hasEvents = operations.some((operation) => operation.path.startsWith("webhook "));
  const hasPaths = operations.some((operation) => !operation.path.startsWith("webhook "));
  for (const request of hasPaths ? run.served : []) {
    const operation = byId.get(request.operationId);
    if (operation === undefined || operation.method !== request.method.toUpperCase()) {
      unknown.add(`${request.method.toUpperCase()} ${request.operationId}`);
      continue;
    }
    if (!request.typedClient) continue;
    const count = byKey.get(keyOf(operation));
    if (count === undefined) continue;
    count.served += 1;
    if (request.status >= 200 && request.status < 300) count.succeeded += 1;
  }
  for (const { event } of hasEvents ? run.events : []) {
    const count = byKey.get(`POST webhook ${event}`);
    if (count === undefined) {
      unknown.add(`webhook ${event}`);
      continue;
    }
    count.served += 1;
    count.succeeded += 1;
  }
  return { operations: [...byKey.values()], unknown: [...unknown].sort(), missingOperationIds, requests: hasPaths ? run.served.length : run.events.length };
}

/** @param {SpecOperation} operation */
function keyOf(operation) {
  return `${operation.method} ${operation.path}`;
}

/**
 * Whether an operation counts as covered: the mock answered it with a 2xx to the typed client (an
 * operation only ever refused proves nothing about its success), or the router received the event.
 * @param {OperationCoverage} coverage
 */
export function isCovered(coverage) {
  return coverage.succeeded > 0;
}

/** Whether the report should fail CI. @param {CoverageReport} report */
export function coverageFails(report) {
  return !report.operations.every(isCovered) || report.unknown.length > 0 || report.missingOperationIds.length > 0;
}

/**
 * @param {CoverageReport} report
 * @returns {string}
 */
export function formatCoverage(report) {
  /** @type {string[]} */
  const lines = [];
  const width = Math.max(0, ...report.operations.map((o) => o.operation.operationId.length));
  for (const coverage of report.operations) {
    const { operation, served, succeeded } = coverage;
    const event = operation.path.startsWith("webhook ");
    const what = event
      ? served > 0
        ? `received ${served}× by the router`
        : "NEVER RECEIVED"
      : served === 0
        ? "NEVER SERVED TO THE TYPED CLIENT"
        : `served ${served}× to the typed client, ${succeeded}× 2xx${succeeded === 0 ? " - NO SUCCESS" : ""}`;
    lines.push(`${isCovered(coverage) ? "✓" : "✗"} ${operation.operationId.padEnd(width)}  ${operation.method} ${operation.path}  ${what}`);
  }
  for (const { method, path } of report.missingOperationIds) lines.push(`✗ ${method} ${path} has no operationId, so the record cannot name it`);
  for (const name of report.unknown) lines.push(`✗ the record names ${name}, which is not an operation of the spec (a record from another spec?)`);
  const covered = report.operations.filter(isCovered).length;
  const events = report.operations.some((o) => o.operation.path.startsWith("webhook "));
  lines.push(
    `spec:coverage: ${covered}/${report.operations.length} ${events ? "events received through the router" : "operations served with a 2xx to the typed client"} (${report.requests} ${events ? "events" : "requests"} recorded)` +
      (coverageFails(report) ? " - FAILED" : ""),
  );
  return `${lines.join("\n")}\n`;
}

// Which contract tests name which operation (see ../README.md for the convention).
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { HTTP_METHODS } from "./openapi-documents.mjs";
import { isObject } from "./schema-fields.mjs";

/**
 * @typedef {{ method: string, path: string, operationId: string }} SpecOperation
 * @typedef {{ file: string, line: number }} TestReference
 * @typedef {{ operation: SpecOperation, tests: TestReference[] }} OperationCoverage
 * @typedef {{ operationId: string, reference: TestReference }} UnknownReference
 * @typedef {{ operations: OperationCoverage[], unknown: UnknownReference[], missingOperationIds: { method: string, path: string }[], testFiles: string[] }} CoverageReport
 */

// `operationId: "userMe"` / `operation: 'userMe'` (a table row), or `describeOperation("userMe"` /
// `contractTest("userMe"`. Only literals: an id built at run time cannot be checked without running it.
// After the first character a `/` is allowed as well: two of Zoom's operationIds have one (`UpgradeZpas/app`).
const PROPERTY = /\boperation(?:Id)?\s*:\s*(["'`])([A-Za-z_$][\w$/]*)\1/g;
const CALL = /\b(?:describeOperation|contractTest)\s*\(\s*(["'`])([A-Za-z_$][\w$/]*)\1/g;

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
 * Every `*.test.ts` file under `folder` (recursively), sorted; none if the folder does not exist.
 * @param {string} folder
 * @returns {string[]}
 */
export function findTestFiles(folder) {
  /** @type {string[]} */
  const out = [];
  /** @param {string} dir */
  const walk = (dir) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name === "node_modules") continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".test.ts")) out.push(full);
    }
  };
  walk(folder);
  return out.sort();
}

/**
 * operationIds named in a test file's text, with their 1-based line numbers.
 * @param {string} text
 * @returns {{ operationId: string, line: number }[]}
 */
export function findOperationReferences(text) {
  /** @type {{ operationId: string, line: number }[]} */
  const found = [];
  for (const pattern of [PROPERTY, CALL]) {
    for (const match of text.matchAll(pattern)) {
      const operationId = match[2];
      if (operationId === undefined || match.index === undefined) continue;
      found.push({ operationId, line: text.slice(0, match.index).split("\n").length });
    }
  }
  return found.sort((a, b) => a.line - b.line);
}

/**
 * Maps every operation of the spec to the contract tests that name it.
 * @param {import("./openapi-documents.mjs").OpenApiDocument} document
 * @param {string} testsFolder
 * @param {string} [relativeTo] directory file names are reported relative to
 * @returns {CoverageReport}
 */
export function measureCoverage(document, testsFolder, relativeTo = process.cwd()) {
  const { operations, missingOperationIds } = listSpecOperations(document);
  /** @type {Map<string, OperationCoverage>} */
  const byId = new Map(operations.map((operation) => [operation.operationId, { operation, tests: [] }]));
  /** @type {UnknownReference[]} */
  const unknown = [];
  const testFiles = findTestFiles(testsFolder).map((file) => ({ file, name: relative(relativeTo, file) }));
  for (const { file, name } of testFiles) {
    for (const { operationId, line } of findOperationReferences(readFileSync(file, "utf8"))) {
      const reference = { file: name, line };
      const entry = byId.get(operationId);
      if (entry) entry.tests.push(reference);
      else unknown.push({ operationId, reference });
    }
  }
  return { operations: [...byId.values()], unknown, missingOperationIds, testFiles: testFiles.map((t) => t.name) };
}

/** Whether the report should fail CI. @param {CoverageReport} report */
export function coverageFails(report) {
  return report.operations.some((o) => o.tests.length === 0) || report.unknown.length > 0 || report.missingOperationIds.length > 0;
}

/**
 * @param {CoverageReport} report
 * @returns {string}
 */
export function formatCoverage(report) {
  /** @type {string[]} */
  const lines = [];
  const width = Math.max(0, ...report.operations.map((o) => o.operation.operationId.length));
  for (const { operation, tests } of report.operations) {
    const where = tests.length ? tests.map((t) => `${t.file}:${t.line}`).join(", ") : "NO CONTRACT TEST";
    lines.push(`${tests.length ? "✓" : "✗"} ${operation.operationId.padEnd(width)}  ${operation.method} ${operation.path}  ${where}`);
  }
  for (const { method, path } of report.missingOperationIds) lines.push(`✗ ${method} ${path} has no operationId, so no test can name it`);
  for (const { operationId, reference } of report.unknown) lines.push(`✗ ${reference.file}:${reference.line} names "${operationId}", which is not an operationId of the spec`);
  const untested = report.operations.filter((o) => o.tests.length === 0).length;
  lines.push(
    `spec:coverage: ${report.operations.length - untested}/${report.operations.length} ${report.operations.some((o) => o.operation.path.startsWith("webhook ")) ? "operations and events" : "operations"} have a contract test (${report.testFiles.length} test files scanned)` +
      (coverageFails(report) ? " - FAILED" : ""),
  );
  return `${lines.join("\n")}\n`;
}

// Compares the top-level properties of the mock's successful answers (as logged while the API contract
// tests run) with those Zoom's published documents declare for each operation.
import { flattenSchema, isObject, resolveRef } from "./schema-fields.mjs";

/**
 * @typedef {{ operationId: string, status: number, properties: string[] }} LoggedResponse
 * @typedef {{ operationId: string, method: string, path: string, declared: string[], seen: string[], missing: string[] }} OperationCompleteness
 * @typedef {{ operations: OperationCompleteness[], unobserved: { operationId: string, method: string, path: string }[] }} CompletenessReport
 * @typedef {Record<string, string[]>} CompletenessBaseline operationId -> properties known to be missing
 */

/**
 * The top-level properties an upstream 2xx JSON response declares (through `$ref` and
 * `allOf`/`oneOf`/`anyOf`), or `null` when the operation declares no JSON object body.
 * @param {import("./openapi-documents.mjs").OpenApiDocument} document
 * @param {Record<string, any>} operation
 * @returns {{ status: string, properties: string[] } | null}
 */
export function declaredTopLevelProperties(document, operation) {
  const responses = isObject(operation.responses) ? operation.responses : {};
  for (const [status, raw] of Object.entries(responses)) {
    if (!/^2\d\d$/.test(status)) continue;
    const response = resolveRef(document, raw);
    const schema = isObject(response) && isObject(response.content) ? response.content["application/json"]?.schema : undefined;
    if (schema === undefined) continue;
    const properties = [...flattenSchema(document, schema).keys()].filter((field) => field !== "" && !/[.[]/.test(field));
    if (properties.length > 0) return { status, properties };
  }
  return null;
}

/**
 * @param {import("./spec-diff.mjs").SpecDiff} diff our spec matched with upstream, operation by operation
 * @param {LoggedResponse[]} logged
 * @returns {CompletenessReport}
 */
export function measureCompleteness(diff, logged) {
  /** @type {Map<string, Set<string>>} */
  const seenBy = new Map();
  for (const entry of logged) {
    const seen = seenBy.get(entry.operationId) ?? new Set();
    for (const property of entry.properties) seen.add(property);
    seenBy.set(entry.operationId, seen);
  }
  /** @type {CompletenessReport} */
  const report = { operations: [], unobserved: [] };
  for (const { ours, upstream } of diff.covered) {
    const declared = declaredTopLevelProperties(upstream.source.document, upstream.operation);
    if (!declared || !ours.operationId) continue;
    const ref = { operationId: ours.operationId, method: ours.method, path: ours.path };
    const seen = seenBy.get(ours.operationId);
    if (!seen) {
      report.unobserved.push(ref);
      continue;
    }
    const missing = declared.properties.filter((property) => !seen.has(property)).sort();
    report.operations.push({ ...ref, declared: declared.properties, seen: [...seen].sort(), missing });
  }
  return report;
}

/**
 * Splits what is missing into what the baseline already knew (still to do) and what is new (a regression),
 * and lists baseline entries that are no longer missing (the baseline should shrink).
 * @param {CompletenessReport} report
 * @param {CompletenessBaseline} baseline
 */
export function compareWithBaseline(report, baseline) {
  /** @type {string[]} */
  const regressions = [];
  /** @type {string[]} */
  const known = [];
  /** @type {Set<string>} */
  const stillMissing = new Set();
  for (const op of report.operations) {
    for (const property of op.missing) {
      const key = `${op.operationId}.${property}`;
      stillMissing.add(key);
      if ((baseline[op.operationId] ?? []).includes(property)) known.push(key);
      else regressions.push(key);
    }
  }
  for (const op of report.unobserved) {
    const key = `${op.operationId} (no successful JSON answer observed)`;
    stillMissing.add(key);
    if ((baseline[op.operationId] ?? []).includes("*")) known.push(key);
    else regressions.push(key);
  }
  const fixed = Object.entries(baseline).flatMap(([operationId, properties]) =>
    properties
      .map((property) => (property === "*" ? `${operationId} (no successful JSON answer observed)` : `${operationId}.${property}`))
      .filter((key) => !stillMissing.has(key)),
  );
  return { regressions, known, fixed };
}

/** Whether the check fails: a gap the baseline does not list, or a baseline entry that is closed. @param {ReturnType<typeof compareWithBaseline>} comparison */
export function completenessFails(comparison) {
  return comparison.regressions.length > 0 || comparison.fixed.length > 0;
}

/**
 * The baseline that matches a report exactly (for `--update-baseline`).
 * @param {CompletenessReport} report
 * @returns {CompletenessBaseline}
 */
export function baselineOf(report) {
  /** @type {CompletenessBaseline} */
  const baseline = {};
  for (const op of [...report.operations].sort((a, b) => a.operationId.localeCompare(b.operationId))) {
    if (op.missing.length > 0) baseline[op.operationId] = op.missing;
  }
  for (const op of report.unobserved) baseline[op.operationId] = ["*"];
  return Object.fromEntries(Object.entries(baseline).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * @param {CompletenessReport} report
 * @param {ReturnType<typeof compareWithBaseline>} comparison
 * @returns {string}
 */
export function formatCompleteness(report, comparison) {
  const declared = report.operations.reduce((sum, op) => sum + op.declared.length, 0);
  const missing = report.operations.reduce((sum, op) => sum + op.missing.length, 0);
  const lines = [
    `spec:completeness: ${report.operations.length} operations observed, ${declared} top-level response properties declared upstream, ${missing} missing from the mock's answers`,
  ];
  for (const op of report.operations.filter((candidate) => candidate.missing.length > 0)) {
    lines.push(`  ${op.method} ${op.path} (${op.operationId}): ${op.missing.join(", ")}`);
  }
  if (report.unobserved.length > 0) {
    lines.push(`operations with a JSON answer upstream that the contract tests never saw succeed: ${report.unobserved.length}`);
    for (const op of report.unobserved) lines.push(`  ${op.method} ${op.path} (${op.operationId})`);
  }
  if (comparison.fixed.length > 0) lines.push(`no longer missing: ${comparison.fixed.join(", ")}`);
  if (comparison.regressions.length > 0) {
    lines.push(`spec:completeness: FAILED: ${comparison.regressions.length} missing that the baseline does not list: ${comparison.regressions.join(", ")}`);
  } else if (comparison.fixed.length > 0) {
    lines.push("spec:completeness: FAILED: the baseline lists gaps that are closed; run with --update-baseline so they cannot come back unnoticed");
  } else {
    lines.push(`spec:completeness: no regression (${comparison.known.length} known gaps in the baseline; the goal is 0)`);
  }
  return `${lines.join("\n")}\n`;
}

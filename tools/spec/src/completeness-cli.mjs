#!/usr/bin/env node
// `pnpm spec:completeness --upstream <folder>`: reads the record of the last contract run (every
// operation of specs/zoom-api.yaml, see spec:coverage), where the fixtures logged the top-level
// properties of the mock's successful answers, and compares them with what Zoom's published documents
// declare. Exits 1 when a property is missing that the baseline does not list, or when the baseline
// lists one that is back; 2 when there is no record.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { loadDocument, loadUpstreamFolder } from "./openapi-documents.mjs";
import { CONTRACT_RUN_FOLDER, observedResponses, readContractRun } from "./contract-run-log.mjs";
import { baselineOf, compareWithBaseline, completenessFails, formatCompleteness, measureCompleteness } from "./response-completeness.mjs";
import { diffSpecs } from "./spec-diff.mjs";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const cwd = process.env.INIT_CWD ?? process.cwd();

/** @param {string} message @returns {never} */
function fail(message) {
  process.stderr.write(`spec:completeness: ${message}\n`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    options: {
      upstream: { type: "string" },
      spec: { type: "string", default: resolve(repoRoot, "specs/zoom-api.yaml") },
      observed: { type: "string", default: resolve(repoRoot, CONTRACT_RUN_FOLDER) },
      baseline: { type: "string", default: resolve(repoRoot, "tools/spec/completeness-baseline.json") },
      "update-baseline": { type: "boolean", default: false },
    },
  }).values;
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (!args.upstream) fail("missing --upstream <folder> (a folder of Zoom's *.openapi.json documents)");

try {
  const logged = observedResponses(readContractRun(resolve(cwd, args.observed)));
  const diff = diffSpecs(loadDocument(resolve(cwd, args.spec)), loadUpstreamFolder(resolve(cwd, args.upstream)));
  const report = measureCompleteness(diff, logged);
  const baselineFile = resolve(cwd, args.baseline);
  if (args["update-baseline"]) {
    writeFileSync(baselineFile, `${JSON.stringify(baselineOf(report), null, 2)}\n`);
  }
  const baseline = JSON.parse(readFileSync(baselineFile, "utf8"));
  const comparison = compareWithBaseline(report, baseline);
  process.stdout.write(formatCompleteness(report, comparison));
  process.exitCode = completenessFails(comparison) ? 1 : 0;
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

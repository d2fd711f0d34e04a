#!/usr/bin/env node
// `pnpm spec:completeness --upstream <folder>`: runs the API contract tests (every operation of
// specs/zoom-api.yaml, see spec:coverage) with the mock logging the top-level properties of its
// successful answers, and compares them with what Zoom's published documents declare. Exits 1 when a
// property is missing that the baseline does not list, or when the baseline lists one that is back.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { loadDocument, loadUpstreamFolder } from "./openapi-documents.mjs";
import { baselineOf, compareWithBaseline, completenessFails, formatCompleteness, measureCompleteness, readResponseLogs } from "./response-completeness.mjs";
import { diffSpecs } from "./spec-diff.mjs";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const cwd = process.env.INIT_CWD ?? process.cwd();
/** Named in tests/contract/src/api/response-properties-log.ts. */
const RESPONSE_LOG_ENV = "ZOOM_MOCK_RESPONSE_LOG";

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
      observed: { type: "string" },
      baseline: { type: "string", default: resolve(repoRoot, "tools/spec/completeness-baseline.json") },
      "update-baseline": { type: "boolean", default: false },
    },
  }).values;
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (!args.upstream) fail("missing --upstream <folder> (a folder of Zoom's *.openapi.json documents)");

/** Runs the API contract tests with the log switched on; returns the log folder. */
function observe() {
  const folder = mkdtempSync(join(tmpdir(), "zoom-mock-responses-"));
  const run = spawnSync("pnpm", ["--filter", "@org-internal/contract-tests", "exec", "vitest", "run", "src/api"], {
    cwd: repoRoot,
    env: { ...process.env, [RESPONSE_LOG_ENV]: folder },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) {
    rmSync(folder, { recursive: true, force: true });
    fail(`the API contract tests failed, so their answers cannot be compared:\n${run.stdout}${run.stderr}`);
  }
  return folder;
}

try {
  const folder = args.observed ? resolve(cwd, args.observed) : observe();
  const logged = readResponseLogs(folder);
  if (!args.observed) rmSync(folder, { recursive: true, force: true });
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

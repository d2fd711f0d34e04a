#!/usr/bin/env node
// `pnpm spec:diff --upstream <folder> [--spec <file>] [--json]`: drift between specs/zoom-api.yaml and
// Zoom's published documents. Uncovered upstream operations are listed; mismatches fail (exit 1).
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { loadDocument, loadUpstreamFolder } from "./openapi-documents.mjs";
import { diffSpecs, hasFailures } from "./spec-diff.mjs";
import { formatDiff } from "./format-diff.mjs";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const cwd = process.env.INIT_CWD ?? process.cwd();

let args;
try {
  args = parseArgs({
    options: {
      upstream: { type: "string" },
      spec: { type: "string", default: resolve(repoRoot, "specs/zoom-api.yaml") },
      json: { type: "boolean", default: false },
    },
  }).values;
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (!args.upstream) fail("missing --upstream <folder> (a folder of Zoom's *.openapi.json documents)");

try {
  const ours = loadDocument(resolve(cwd, args.spec));
  const upstream = loadUpstreamFolder(resolve(cwd, args.upstream));
  const diff = diffSpecs(ours, upstream);
  if (args.json) process.stdout.write(`${JSON.stringify(toJson(diff), null, 2)}\n`);
  else process.stdout.write(formatDiff(diff, { spec: relative(cwd, ours.file) || ours.file, upstream: upstream.map((u) => relative(cwd, u.file)) }));
  process.exitCode = hasFailures(diff) ? 1 : 0;
} catch (error) {
  fail(error instanceof Error ? `${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ""}` : String(error));
}

/** @param {string} message @returns {never} */
function fail(message) {
  process.stderr.write(`spec:diff: ${message}\n`);
  process.exit(2);
}

/** @param {import("./spec-diff.mjs").SpecDiff} diff */
function toJson(diff) {
  /** @param {import("./spec-diff.mjs").OperationRef} op */
  const ref = (op) => ({ method: op.method, path: op.path, operationId: op.operationId });
  return {
    covered: diff.covered.map((c) => ({ ...ref(c.ours), upstream: ref(c.upstream), mismatches: c.mismatches })),
    uncovered: diff.uncovered.map(ref),
    notUpstream: diff.notUpstream.map(ref),
    failed: hasFailures(diff),
  };
}

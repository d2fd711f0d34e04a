#!/usr/bin/env node
// `pnpm spec:coverage [--spec <file>] [--tests <folder>]`: lists each operation of specs/zoom-api.yaml with
// the contract tests that name it; exits 1 when one has none (or a test names an unknown operationId).
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { loadDocument } from "./openapi-documents.mjs";
import { coverageFails, formatCoverage, measureCoverage } from "./operation-coverage.mjs";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const cwd = process.env.INIT_CWD ?? process.cwd();

try {
  const { values } = parseArgs({
    options: {
      spec: { type: "string", default: resolve(repoRoot, "specs/zoom-api.yaml") },
      tests: { type: "string", default: resolve(repoRoot, "tests/contract/src/api") },
    },
  });
  const { document } = loadDocument(resolve(cwd, values.spec));
  const report = measureCoverage(document, resolve(cwd, values.tests), repoRoot);
  process.stdout.write(formatCoverage(report));
  process.exitCode = coverageFails(report) ? 1 : 0;
} catch (error) {
  process.stderr.write(`spec:coverage: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}

#!/usr/bin/env node
// `pnpm spec:coverage [--spec <file>] [--tests <folder>]`: lists each operation of specs/zoom-api.yaml, and
// each event of specs/zoom-webhooks.yaml, with the contract tests that name it (tests/contract/src/api and
// tests/contract/src/webhooks); exits 1 when one has none (or a test names an unknown operationId).
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
      spec: { type: "string" },
      tests: { type: "string" },
    },
  });
  // Without arguments: the REST API's operations, then the webhook events, each with its own tests.
  const checks =
    values.spec === undefined && values.tests === undefined
      ? [
          { spec: resolve(repoRoot, "specs/zoom-api.yaml"), tests: resolve(repoRoot, "tests/contract/src/api") },
          { spec: resolve(repoRoot, "specs/zoom-webhooks.yaml"), tests: resolve(repoRoot, "tests/contract/src/webhooks") },
        ]
      : [{ spec: resolve(cwd, values.spec ?? resolve(repoRoot, "specs/zoom-api.yaml")), tests: resolve(cwd, values.tests ?? resolve(repoRoot, "tests/contract/src/api")) }];
  let failed = false;
  for (const check of checks) {
    const { document } = loadDocument(check.spec);
    const report = measureCoverage(document, check.tests, repoRoot);
    process.stdout.write(formatCoverage(report));
    failed ||= coverageFails(report);
  }
  process.exitCode = failed ? 1 : 0;
} catch (error) {
  process.stderr.write(`spec:coverage: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}

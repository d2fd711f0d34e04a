// The spec:coverage command as a function, bound to the process by coverage-cli.mjs.
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { loadDocument } from "./openapi-documents.mjs";
import { coverageFails, formatCoverage, measureCoverage } from "./operation-coverage.mjs";

/**
 * Runs `spec:coverage` with `argv` (without the node and script paths).
 * @param {string[]} argv
 * @param {import("./diff-command.mjs").CommandIO} io
 * @returns {0 | 1 | 2} 0 every operation (and webhook event) has a contract test, 1 one has none, 2 bad arguments or files.
 */
export function runSpecCoverage(argv, io) {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        spec: { type: "string" },
        tests: { type: "string" },
      },
    });
    // Without arguments: the REST API's operations, then the webhook events, each with its own tests.
    const checks =
      values.spec === undefined && values.tests === undefined
        ? [
            { spec: resolve(io.repoRoot, "specs/zoom-api.yaml"), tests: resolve(io.repoRoot, "tests/contract/src/api") },
            { spec: resolve(io.repoRoot, "specs/zoom-webhooks.yaml"), tests: resolve(io.repoRoot, "tests/contract/src/webhooks") },
          ]
        : [
            {
              spec: resolve(io.cwd, values.spec ?? resolve(io.repoRoot, "specs/zoom-api.yaml")),
              tests: resolve(io.cwd, values.tests ?? resolve(io.repoRoot, "tests/contract/src/api")),
            },
          ];
    let failed = false;
    for (const check of checks) {
      const { document } = loadDocument(check.spec);
      const report = measureCoverage(document, check.tests, io.repoRoot);
      io.stdout(formatCoverage(report));
      failed ||= coverageFails(report);
    }
    return failed ? 1 : 0;
  } catch (error) {
    io.stderr(`spec:coverage: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

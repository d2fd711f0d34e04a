// The spec:coverage command as a function, bound to the process by coverage-cli.mjs.
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { CONTRACT_RUN_FOLDER, readContractRun } from "./contract-run-log.mjs";
import { loadDocument } from "./openapi-documents.mjs";
import { coverageFails, formatCoverage, measureCoverage } from "./operation-coverage.mjs";

/**
 * Runs `spec:coverage` with `argv` (without the node and script paths).
 * @param {string[]} argv
 * @param {import("./diff-command.mjs").CommandIO} io
 * @returns {0 | 1 | 2} 0 the contract run exercised every operation (and webhook event), 1 it missed one, 2 bad arguments or a missing record.
 */
export function runSpecCoverage(argv, io) {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        spec: { type: "string" },
        run: { type: "string" },
      },
    });
    const run = readContractRun(values.run === undefined ? resolve(io.repoRoot, CONTRACT_RUN_FOLDER) : resolve(io.cwd, values.run));
    // Without --spec: the REST API's operations, then the webhook events, from the same run.
    const specs =
      values.spec === undefined
        ? [resolve(io.repoRoot, "specs/zoom-api.yaml"), resolve(io.repoRoot, "specs/zoom-webhooks.yaml")]
        : [resolve(io.cwd, values.spec)];
    let failed = false;
    for (const spec of specs) {
      const report = measureCoverage(loadDocument(spec).document, run);
      io.stdout(formatCoverage(report));
      failed ||= coverageFails(report);
    }
    return failed ? 1 : 0;
  } catch (error) {
    io.stderr(`spec:coverage: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

// The spec:coverage command as a function, bound to the process by coverage-cli.mjs.
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { loadDocument } from "./openapi-documents.mjs";
import { coverageFails, formatCoverage, measureCoverage } from "./operation-coverage.mjs";

/**
 * Runs `spec:coverage` with `argv` (without the node and script paths).
 * @param {string[]} argv
 * @param {import("./diff-command.mjs").CommandIO} io
 * @returns {0 | 1 | 2} 0 every operation has a contract test, 1 one has none, 2 bad arguments or files.
 */
export function runSpecCoverage(argv, io) {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        spec: { type: "string", default: resolve(io.repoRoot, "specs/zoom-api.yaml") },
        tests: { type: "string", default: resolve(io.repoRoot, "tests/contract/src/api") },
      },
    });
    const { document } = loadDocument(resolve(io.cwd, values.spec));
    const report = measureCoverage(document, resolve(io.cwd, values.tests), io.repoRoot);
    io.stdout(formatCoverage(report));
    return coverageFails(report) ? 1 : 0;
  } catch (error) {
    io.stderr(`spec:coverage: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

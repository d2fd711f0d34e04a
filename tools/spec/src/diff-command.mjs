// The spec:diff command as a function: arguments in, text out, an exit code back. The CLI wrapper
// (diff-cli.mjs) only binds it to the process, so tests call this without spawning Node.
import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { formatDiff } from "./format-diff.mjs";
import { loadDocument, loadUpstreamFolder } from "./openapi-documents.mjs";
import { diffSpecs, hasFailures } from "./spec-diff.mjs";

/**
 * @typedef {object} CommandIO
 * @property {string} cwd Folder that relative paths in the arguments are read against.
 * @property {string} repoRoot The repository root, for default paths.
 * @property {(text: string) => void} stdout
 * @property {(text: string) => void} stderr
 */

/**
 * Runs `spec:diff` with `argv` (without the node and script paths).
 * @param {string[]} argv
 * @param {CommandIO} io
 * @returns {0 | 1 | 2} 0 no mismatch, 1 a mismatch, 2 bad arguments or unreadable documents.
 */
export function runSpecDiff(argv, io) {
  /** @param {string} message @returns {2} */
  const fail = (message) => {
    io.stderr(`spec:diff: ${message}\n`);
    return 2;
  };
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        upstream: { type: "string" },
        spec: { type: "string", default: resolve(io.repoRoot, "specs/zoom-api.yaml") },
        json: { type: "boolean", default: false },
      },
    }).values;
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  if (!args.upstream) return fail("missing --upstream <folder> (a folder of Zoom's *.openapi.json documents)");

  try {
    const ours = loadDocument(resolve(io.cwd, args.spec));
    const upstream = loadUpstreamFolder(resolve(io.cwd, args.upstream));
    const diff = diffSpecs(ours, upstream);
    if (args.json) io.stdout(`${JSON.stringify(toJson(diff), null, 2)}\n`);
    else io.stdout(formatDiff(diff, { spec: relative(io.cwd, ours.file) || ours.file, upstream: upstream.map((u) => relative(io.cwd, u.file)) }));
    return hasFailures(diff) ? 1 : 0;
  } catch (error) {
    return fail(error instanceof Error ? `${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ""}` : String(error));
  }
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

// What the spec commands need from the process they run in, in one place for both CLIs.
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** @returns {import("./diff-command.mjs").CommandIO} */
export function processIO() {
  return {
    // pnpm runs scripts in the package folder; INIT_CWD is where the user typed the command.
    cwd: process.env.INIT_CWD ?? process.cwd(),
    repoRoot: resolve(dirname(fileURLToPath(import.meta.url)), "../../.."),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  };
}

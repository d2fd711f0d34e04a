// @ts-check
import { execFile } from "node:child_process";
import { access, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { publint } from "publint";
import { formatMessage } from "publint/utils";

const run = promisify(execFile);
const require = createRequire(import.meta.url);

/**
 * The module resolutions we promise our users' TypeScript: `node16` checks Node's CommonJS and ESM
 * resolution and `bundler`; only the pre-`exports` `node10` mode is left out (it cannot see subpaths
 * such as `@org/zoom-mock/server`). No rule is ignored: every package ships real CommonJS and real
 * ESM, so even `cjs-resolves-to-esm` or `false-cjs` would mean a broken build.
 */
export const ATTW_ARGS = Object.freeze(["--profile", "node16", "--no-definitely-typed", "--format", "ascii", "--no-color", "--no-emoji"]);

/** Files npm always packs and every package of ours must have: users read them on npm. */
export const REQUIRED_FILES = Object.freeze(["README.md", "LICENSE"]);

/**
 * What the two package linters said about one package.
 * @typedef {object} PackageLintReport
 * @property {string} name       package name from its manifest
 * @property {string} dir
 * @property {string[]} errors   problems that fail the lint (publint errors and warnings in strict mode, attw problems)
 * @property {string[]} notes    publint suggestions, shown but not failing
 */

/**
 * Lints one package as it would be published: its README and LICENSE are there, publint (strict, on
 * the files `pack` would include) and `attw --pack` (types resolved the way each TypeScript module
 * resolution sees them) find nothing.
 *
 * @param {string} dir absolute path of a directory holding a built package
 * @returns {Promise<PackageLintReport>}
 */
export async function lintPackage(dir) {
  const manifest = JSON.parse(await readFile(join(dir, "package.json"), "utf8"));
  const name = typeof manifest.name === "string" ? manifest.name : dir;
  /** @type {string[]} */
  const errors = [];
  /** @type {string[]} */
  const notes = [];

  for (const file of REQUIRED_FILES) {
    const present = await access(join(dir, file)).then(
      () => true,
      () => false,
    );
    if (!present) errors.push(`${file} is missing: npm shows it to users, every published package has its own`);
  }

  const { messages, pkg } = await publint({ pkgDir: dir, strict: true, pack: "auto" });
  for (const message of messages) {
    const text = `publint ${message.code}: ${formatMessage(message, pkg, { color: false }) ?? message.code}`;
    if (message.type === "suggestion") notes.push(text);
    else errors.push(text);
  }

  const attw = await runAttw(dir);
  if (attw !== null) errors.push(`attw:\n${attw}`);

  return { name, dir, errors, notes };
}

/**
 * @param {string} dir
 * @returns {Promise<string | null>} the report when attw found problems, null when it found none
 */
async function runAttw(dir) {
  const cliManifestPath = require.resolve("@arethetypeswrong/cli/package.json");
  const cliManifest = JSON.parse(await readFile(cliManifestPath, "utf8"));
  const bin = join(dirname(cliManifestPath), cliManifest.bin.attw);
  try {
    await run(process.execPath, [bin, "--pack", dir, ...ATTW_ARGS], { cwd: dir, maxBuffer: 16 * 1024 * 1024 });
    return null;
  } catch (error) {
    if (isExecError(error) && typeof error.code === "number") {
      return `${error.stdout}${error.stderr}`.trim() || `attw exited with code ${error.code}`;
    }
    throw error;
  }
}

/**
 * @param {unknown} error
 * @returns {error is Error & { code: unknown; stdout: string; stderr: string }}
 */
function isExecError(error) {
  return error instanceof Error && "stdout" in error && "stderr" in error && "code" in error;
}

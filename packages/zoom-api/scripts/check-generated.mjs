#!/usr/bin/env node
// Fails when src/generated/zoom-api.ts is not what `pnpm generate` makes from specs/zoom-api.yaml,
// so a spec edit cannot land without its regenerated types (and nobody hand-edits generated code).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { defaultOutput, defaultSpec, generateTypes } from "./openapi-typescript.mjs";

// `--spec` and `--generated` exist for this script's own test; CI runs it without arguments.
const { values } = parseArgs({ options: { spec: { type: "string" }, generated: { type: "string" } } });
const spec = resolve(values.spec ?? defaultSpec);
const committed = resolve(values.generated ?? defaultOutput);
const scratch = mkdtempSync(join(tmpdir(), "zoom-api-generate-"));
const fresh = join(scratch, "zoom-api.ts");

try {
  generateTypes(spec, fresh);
  let current;
  try {
    current = readFileSync(committed, "utf8");
  } catch {
    current = null;
  }
  const expected = readFileSync(fresh, "utf8");
  if (current === expected) {
    console.log(`generate:check: ${relative(process.cwd(), committed)} matches ${relative(process.cwd(), spec)}`);
  } else {
    const where = current === null ? "is missing" : `differs from a fresh generation (first difference at line ${firstDifferentLine(current, expected)})`;
    console.error(
      `generate:check: ${relative(process.cwd(), committed)} ${where}.\n` +
        "specs/zoom-api.yaml and the committed types have drifted apart: run `pnpm --filter @org/zoom-api generate` and commit the result.",
    );
    process.exitCode = 1;
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

/** @param {string} a @param {string} b @returns {number} 1-based line of the first difference */
function firstDifferentLine(a, b) {
  const left = a.split("\n");
  const right = b.split("\n");
  const length = Math.max(left.length, right.length);
  for (let i = 0; i < length; i++) if (left[i] !== right[i]) return i + 1;
  return length;
}

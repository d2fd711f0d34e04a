#!/usr/bin/env node
// Fails when src/generated/zoom-api.ts (types) or src/generated/scopes.ts (the scopes table) is not what
// `pnpm generate` makes from specs/zoom-api.yaml, so a spec edit cannot land without its regenerated code
// (and nobody hand-edits generated code).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { defaultOutput, defaultSpec, generateTypes } from "./openapi-typescript.mjs";
import { defaultScopesOutput, generateScopes } from "./scopes-table.mjs";

// `--spec` and `--generated` exist for this script's own test; CI runs it without arguments.
const { values } = parseArgs({ options: { spec: { type: "string" }, generated: { type: "string" }, scopes: { type: "string" } } });
const spec = resolve(values.spec ?? defaultSpec);
const scratch = mkdtempSync(join(tmpdir(), "zoom-api-generate-"));

try {
  check(generateTypes, resolve(values.generated ?? defaultOutput), join(scratch, "zoom-api.ts"));
  check(generateScopes, resolve(values.scopes ?? defaultScopesOutput), join(scratch, "scopes.ts"));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

/**
 * Compares one committed output with a fresh generation; reports (and sets the exit code) when they differ.
 * @param {(spec: string, output: string) => void} generate @param {string} committed @param {string} fresh
 */
function check(generate, committed, fresh) {
  generate(spec, fresh);
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
        "specs/zoom-api.yaml and the committed generated code have drifted apart: run `pnpm --filter @org/zoom-api generate` and commit the result.",
    );
    process.exitCode = 1;
  }
}

/** @param {string} a @param {string} b @returns {number} 1-based line of the first difference */
function firstDifferentLine(a, b) {
  const left = a.split("\n");
  const right = b.split("\n");
  const length = Math.max(left.length, right.length);
  for (let i = 0; i < length; i++) if (left[i] !== right[i]) return i + 1;
  return length;
}

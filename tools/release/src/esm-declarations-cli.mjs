#!/usr/bin/env node
// @ts-check
// Run by each package's `build` after tsup, in the package's directory: the ESM entry declarations
// re-export the CommonJS ones, so the package ships one copy of its types (see esm-declarations.mjs).
import { SharedDeclarationsError, shareDeclarations } from "./esm-declarations.mjs";

try {
  await shareDeclarations(process.cwd());
} catch (error) {
  if (!(error instanceof SharedDeclarationsError)) throw error;
  console.error(`esm-declarations: ${error.message}`);
  process.exitCode = 1;
}

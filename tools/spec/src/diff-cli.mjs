#!/usr/bin/env node
// `pnpm spec:diff --upstream <folder> [--spec <file>] [--json]`: drift between specs/zoom-api.yaml and
// Zoom's published documents. Uncovered upstream operations are listed; mismatches fail (exit 1).
import { runSpecDiff } from "./diff-command.mjs";
import { processIO } from "./process-io.mjs";

process.exitCode = runSpecDiff(process.argv.slice(2), processIO());

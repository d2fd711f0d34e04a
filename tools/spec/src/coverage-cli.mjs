#!/usr/bin/env node
// `pnpm spec:coverage [--spec <file>] [--tests <folder>]`: lists each operation of specs/zoom-api.yaml, and
// each event of specs/zoom-webhooks.yaml, with the contract tests that name it (tests/contract/src/api and
// tests/contract/src/webhooks); exits 1 when one has none (or a test names an unknown operationId).
import { runSpecCoverage } from "./coverage-command.mjs";
import { processIO } from "./process-io.mjs";

process.exitCode = runSpecCoverage(process.argv.slice(2), processIO());

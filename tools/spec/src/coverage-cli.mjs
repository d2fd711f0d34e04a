#!/usr/bin/env node
// `pnpm spec:coverage [--spec <file>] [--run <folder>]`: lists each operation of specs/zoom-api.yaml with
// what the mock served for it to the typed client during the last contract run, then each event of
// specs/zoom-webhooks.yaml with the times the app's router received it (the record the contract tests
// leave in tests/contract/contract-run); exits 1 when one was never exercised, 2 when there is no record.
import { runSpecCoverage } from "./coverage-command.mjs";
import { processIO } from "./process-io.mjs";

process.exitCode = runSpecCoverage(process.argv.slice(2), processIO());

import { appendFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { threadId } from "node:worker_threads";
import { CONTRACT_RUN_FOLDER, type ContractRunEntry, formatEntry } from "@org-internal/spec-tools/contract-run-log";

/** The record of this run (emptied by contract-run.global-setup.ts; read by `spec:coverage` and `spec:completeness`). */
const folder = join(fileURLToPath(new URL("../../../", import.meta.url)), CONTRACT_RUN_FOLDER);
/** One file per test worker, so parallel workers never interleave lines. */
const file = join(folder, `contract-run-${process.pid}-${threadId}.jsonl`);

/** Appends one entry to the record of the contract run. */
export function recordEntry(entry: ContractRunEntry): void {
  appendFileSync(file, formatEntry(entry));
}

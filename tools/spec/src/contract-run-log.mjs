// @ts-check
// The record of a contract run. While tests/contract runs, its fixtures append to this folder one line
// (JSON Lines, a file per test worker) for every API request the mock answered and every webhook event the
// app's router received. `spec:coverage` and `spec:completeness` read it afterwards instead of scanning
// test files or running the tests again.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Where the contract tests write their record, relative to the repository root (a turbo output of their `test` task). */
export const CONTRACT_RUN_FOLDER = "tests/contract/contract-run";

/**
 * The header the contract fixtures' typed clients (`@org/zoom-api`) add to each request, so the record
 * tells what was served to the typed client from raw `fetch` calls.
 */
export const TYPED_CLIENT_HEADER = "x-contract-typed-client";

/**
 * One API request the mock matched to an operation of its spec and answered.
 * @typedef {object} ServedRequest
 * @property {"api"} kind
 * @property {string} operationId  the operation the mock matched
 * @property {string} method       upper case
 * @property {number} status       the status the mock answered with
 * @property {boolean} typedClient whether `@org/zoom-api`'s typed client sent it (see {@link TYPED_CLIENT_HEADER})
 * @property {string[]} [properties] for a 2xx JSON object body, the names of its top-level properties (never values)
 */

/**
 * One webhook event the mock sent and the app's router accepted.
 * @typedef {object} ReceivedEvent
 * @property {"webhook"} kind
 * @property {string} event  the event name, e.g. `meeting.started`
 */

/** @typedef {ServedRequest | ReceivedEvent} ContractRunEntry */

/**
 * What one contract run recorded.
 * @typedef {object} ContractRun
 * @property {ServedRequest[]} served
 * @property {ReceivedEvent[]} events
 */

/** The record is missing or unreadable: the message says which file and what to run. */
export class ContractRunLogError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = "ContractRunLogError";
  }
}

/**
 * One line of the record, as the contract fixtures write it.
 * @param {ContractRunEntry} entry
 */
export function formatEntry(entry) {
  return `${JSON.stringify(entry)}\n`;
}

/**
 * Reads every `*.jsonl` file of a contract run's folder.
 * @param {string} folder
 * @returns {ContractRun}
 * @throws {ContractRunLogError} when the folder is missing or holds no record, or a line is not an entry
 */
export function readContractRun(folder) {
  const rerun = "run the contract tests first (`pnpm --filter @org-internal/contract-tests test`, or `pnpm test`): they record every operation the mock serves there";
  let files;
  try {
    files = readdirSync(folder).filter((name) => name.endsWith(".jsonl"));
  } catch {
    throw new ContractRunLogError(`no record of a contract run at ${folder}: ${rerun}`);
  }
  if (files.length === 0) throw new ContractRunLogError(`the record of a contract run at ${folder} is empty: ${rerun}`);

  /** @type {ContractRun} */
  const run = { served: [], events: [] };
  for (const name of files.sort()) {
    const lines = readFileSync(join(folder, name), "utf8").split("\n");
    lines.forEach((line, index) => {
      if (line.trim() === "") return;
      const entry = parseEntry(line);
      if (entry === null) throw new ContractRunLogError(`${join(folder, name)}:${index + 1}: not a contract-run entry: ${line.slice(0, 120)}`);
      if (entry.kind === "api") run.served.push(entry);
      else run.events.push(entry);
    });
  }
  return run;
}

/**
 * What `spec:completeness` compares: the top-level properties of every successful JSON object answer.
 * @param {ContractRun} run
 * @returns {import("./response-completeness.mjs").LoggedResponse[]}
 */
export function observedResponses(run) {
  return run.served.flatMap(({ operationId, status, properties }) => (properties === undefined ? [] : [{ operationId, status, properties }]));
}

/**
 * @param {string} line
 * @returns {ContractRunEntry | null}
 */
function parseEntry(line) {
  let value;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  if (value.kind === "webhook") return typeof value.event === "string" ? { kind: "webhook", event: value.event } : null;
  if (value.kind !== "api") return null;
  const { operationId, method, status, typedClient, properties } = value;
  if (typeof operationId !== "string" || typeof method !== "string" || !Number.isInteger(status) || typeof typedClient !== "boolean") return null;
  if (properties !== undefined && !(Array.isArray(properties) && properties.every((property) => typeof property === "string"))) return null;
  return { kind: "api", operationId, method, status, typedClient, ...(properties === undefined ? {} : { properties }) };
}

import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runSpecCoverage } from "./coverage-command.mjs";
import { CONTRACT_RUN_FOLDER, ContractRunLogError, formatEntry, observedResponses, readContractRun } from "./contract-run-log.mjs";
import { loadDocument } from "./openapi-documents.mjs";
import { coverageFails, formatCoverage, measureCoverage } from "./operation-coverage.mjs";
import { runCommand } from "./run-command.test-support.js";

const fixtures = join(dirname(fileURLToPath(import.meta.url)), "../test-fixtures");
const { document } = loadDocument(join(fixtures, "ours-matching.yaml"));
const complete = readContractRun(join(fixtures, "contract-run-complete"));
const incomplete = readContractRun(join(fixtures, "contract-run-incomplete"));

describe("readContractRun", () => {
  it("reads the entries of every worker's file: API requests the mock served and events the router received", () => {
    expect(complete.served.map((request) => `${request.method} ${request.operationId} ${request.status}`)).toEqual([
      "GET getMe 200",
      "GET getUser 404",
      "GET getUser 200",
      "GET getBadge 200",
      "POST createUser 201",
    ]);
    expect(complete.events).toEqual([{ kind: "webhook", event: "meeting.started" }]);
  });

  it("gives spec:completeness the top-level properties of each successful JSON answer", () => {
    expect(observedResponses(complete)).toEqual([
      { operationId: "getMe", status: 200, properties: ["id", "email"] },
      { operationId: "getUser", status: 200, properties: ["id"] },
      { operationId: "getBadge", status: 200, properties: ["badge"] },
      { operationId: "createUser", status: 201, properties: ["id"] },
    ]);
  });

  it("fails with what to run when there is no record, or an empty one", () => {
    const empty = mkdtempSync(join(tmpdir(), "contract-run-"));
    expect(() => readContractRun(join(empty, "missing"))).toThrow(ContractRunLogError);
    expect(() => readContractRun(join(empty, "missing"))).toThrow(
      `no record of a contract run at ${join(empty, "missing")}: run the contract tests first (\`pnpm --filter @org-internal/contract-tests test\`, or \`pnpm test\`)`,
    );
    expect(() => readContractRun(empty)).toThrow(`the record of a contract run at ${empty} is empty: run the contract tests first`);
  });

  it("refuses a line that is not an entry, naming the file and line", () => {
    const folder = mkdtempSync(join(tmpdir(), "contract-run-"));
    writeFileSync(join(folder, "a.jsonl"), `${formatEntry({ kind: "webhook", event: "meeting.started" })}\n`);
    writeFileSync(join(folder, "b.jsonl"), `${formatEntry({ kind: "api", operationId: "getMe", method: "GET", status: 200, typedClient: true })}{"operationId":"getMe"}\n`);
    expect(() => readContractRun(folder)).toThrow(`${join(folder, "b.jsonl")}:2: not a contract-run entry: {"operationId":"getMe"}`);
  });
});

describe("measureCoverage", () => {
  it("counts, per operation, the answers the mock served to the typed client and how many were 2xx", () => {
    const report = measureCoverage(document, complete);
    expect(report.operations.map((o) => [o.operation.operationId, o.served, o.succeeded])).toEqual([
      ["getMe", 1, 1],
      ["getUser", 2, 1],
      ["getBadge", 1, 1],
      ["createUser", 1, 1],
    ]);
    expect(coverageFails(report)).toBe(false);
    const text = formatCoverage(report);
    expect(text).toContain("✓ getUser     GET /users/{userId}  served 2× to the typed client, 1× 2xx\n");
    expect(text).toContain("spec:coverage: 4/4 operations served with a 2xx to the typed client (5 requests recorded)\n");
  });

  it("fails on an operation never served, served only to raw fetch, or never with a 2xx, and on an operationId the spec does not have", () => {
    const report = measureCoverage(document, incomplete);
    expect(report.operations.map((o) => [o.operation.operationId, o.served, o.succeeded])).toEqual([
      ["getMe", 1, 1],
      ["getUser", 0, 0],
      ["getBadge", 0, 0],
      ["createUser", 1, 0],
    ]);
    expect(report.unknown).toEqual(["GET getMee"]);
    expect(coverageFails(report)).toBe(true);
    const text = formatCoverage(report);
    expect(text).toContain("✗ getUser     GET /users/{userId}  NEVER SERVED TO THE TYPED CLIENT\n");
    expect(text).toContain("✗ getBadge    GET /users/me/badge  NEVER SERVED TO THE TYPED CLIENT\n");
    expect(text).toContain("✗ createUser  POST /users  served 1× to the typed client, 0× 2xx - NO SUCCESS\n");
    expect(text).toContain("✗ the record names GET getMee, which is not an operation of the spec");
    expect(text).toContain("spec:coverage: 1/4 operations served with a 2xx to the typed client (4 requests recorded) - FAILED\n");
  });

  it("fails on an operation without an operationId, since the record cannot name it", () => {
    const withAnonymous = structuredClone(document);
    withAnonymous.paths = { ...withAnonymous.paths, "/extra": { get: { responses: {} } } };
    const report = measureCoverage(withAnonymous, complete);
    expect(report.missingOperationIds).toEqual([{ method: "GET", path: "/extra" }]);
    expect(coverageFails(report)).toBe(true);
  });

  it("counts the events of a `webhooks` section by the router's receipts, as `POST webhook <event>`", () => {
    const events = {
      openapi: "3.1.0",
      webhooks: {
        "meeting.started": { post: { operationId: "meetingStarted", responses: {} } },
        "meeting.ended": { post: { operationId: "meetingEnded", responses: {} } },
      },
    };
    const report = measureCoverage(events, complete);
    expect(report.operations.map((o) => [o.operation.method, o.operation.path, o.served])).toEqual([
      ["POST", "webhook meeting.started", 1],
      ["POST", "webhook meeting.ended", 0],
    ]);
    expect(coverageFails(report)).toBe(true);
    const text = formatCoverage(report);
    expect(text).toContain("✓ meetingStarted  POST webhook meeting.started  received 1× by the router\n");
    expect(text).toContain("✗ meetingEnded    POST webhook meeting.ended  NEVER RECEIVED\n");
    expect(text).toContain("spec:coverage: 1/2 events received through the router (1 events recorded) - FAILED\n");
  });
});

describe("spec:coverage command", () => {
  const run = (...args: string[]) => runCommand(runSpecCoverage, ["--spec", "ours-matching.yaml", ...args], fixtures);

  it("exits 0 when the run served every operation with a 2xx to the typed client", () => {
    expect(run("--run", "contract-run-complete")).toEqual({ status: 0, stdout: expect.stringContaining("4/4 operations served with a 2xx") });
  });

  it("exits 1 when it missed one", () => {
    expect(run("--run", "contract-run-incomplete")).toEqual({ status: 1, stdout: expect.stringContaining("NEVER SERVED TO THE TYPED CLIENT") });
  });

  it("reads the contract tests' own record by default, and exits 2 naming it when there is none", () => {
    const root = mkdtempSync(join(tmpdir(), "spec-coverage-"));
    const missing = runCommand(runSpecCoverage, ["--spec", join(fixtures, "ours-matching.yaml")], root);
    expect(missing.status).toBe(2);
    expect(missing.stdout).toContain(`spec:coverage: no record of a contract run at ${join(root, CONTRACT_RUN_FOLDER)}: run the contract tests first`);

    mkdirSync(join(root, CONTRACT_RUN_FOLDER), { recursive: true });
    for (const { operationId, method } of [
      { operationId: "getMe", method: "GET" },
      { operationId: "getUser", method: "GET" },
      { operationId: "getBadge", method: "GET" },
      { operationId: "createUser", method: "POST" },
    ]) {
      writeFileSync(join(root, CONTRACT_RUN_FOLDER, "served.jsonl"), formatEntry({ kind: "api", operationId, method, status: 200, typedClient: true }), { flag: "a" });
    }
    expect(runCommand(runSpecCoverage, ["--spec", join(fixtures, "ours-matching.yaml")], root).status).toBe(0);
  });
});

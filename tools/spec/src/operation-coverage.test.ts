import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runSpecCoverage } from "./coverage-command.mjs";
import { loadDocument } from "./openapi-documents.mjs";
import { coverageFails, findOperationReferences, formatCoverage, measureCoverage } from "./operation-coverage.mjs";
import { runCommand } from "./run-command.test-support.js";

const fixtures = join(dirname(fileURLToPath(import.meta.url)), "../test-fixtures");
const { document } = loadDocument(join(fixtures, "ours-matching.yaml"));

describe("findOperationReferences", () => {
  it("finds operationId/operation properties and describeOperation/contractTest calls, with their lines", () => {
    const text = [
      'const rows = [{ operationId: "userMe" }, { operation: \'meetingCreate\' }];',
      "",
      'describeOperation("meeting", () => {});',
      "contractTest(`users`, () => {});",
    ].join("\n");
    expect(findOperationReferences(text)).toEqual([
      { operationId: "userMe", line: 1 },
      { operationId: "meetingCreate", line: 1 },
      { operationId: "meeting", line: 3 },
      { operationId: "users", line: 4 },
    ]);
  });

  it("reads operationIds with a slash, as Zoom writes some (`UpgradeZpas/app`)", () => {
    const text = ['const row = { operationId: "UpgradeZpas/app" };', 'describeOperation("Assigndevicetoauser/commonarea", () => {});'].join("\n");
    expect(findOperationReferences(text)).toEqual([
      { operationId: "UpgradeZpas/app", line: 1 },
      { operationId: "Assigndevicetoauser/commonarea", line: 2 },
    ]);
  });

  it("ignores ids that are not plain literals and other calls", () => {
    const templated = ["const a = { operationId: `get$", '{"Me"}` };'].join("");
    const text = `${templated} const b = { operationId: name }; describe("userMe", () => {}); it("meeting", () => {});`;
    expect(findOperationReferences(text)).toEqual([]);
  });
});

describe("measureCoverage", () => {
  it("maps every operation to the test files and lines that name it", () => {
    const report = measureCoverage(document, join(fixtures, "contract-complete"), fixtures);
    expect(report.operations.map((o) => [o.operation.operationId, o.tests])).toEqual([
      ["getMe", [{ file: "contract-complete/api/users/users.test.ts", line: 6 }]],
      ["getUser", [{ file: "contract-complete/api/users/users.test.ts", line: 3 }]],
      ["getBadge", [{ file: "contract-complete/api/users/users.test.ts", line: 7 }]],
      ["createUser", [{ file: "contract-complete/api/users/users.test.ts", line: 4 }]],
    ]);
    expect(coverageFails(report)).toBe(false);
    expect(formatCoverage(report)).toContain("spec:coverage: 4/4 operations have a contract test (1 test files scanned)\n");
  });

  it("fails when an operation has no test or a test names an operationId the spec does not have", () => {
    const report = measureCoverage(document, join(fixtures, "contract-incomplete"), fixtures);
    expect(report.operations.filter((o) => o.tests.length === 0).map((o) => o.operation.operationId)).toEqual(["getBadge", "createUser"]);
    expect(report.unknown).toEqual([{ operationId: "getMee", reference: { file: "contract-incomplete/api/users.test.ts", line: 2 } }]);
    expect(coverageFails(report)).toBe(true);
    const text = formatCoverage(report);
    expect(text).toContain("✗ getBadge    GET /users/me/badge  NO CONTRACT TEST");
    expect(text).toContain('✗ contract-incomplete/api/users.test.ts:2 names "getMee", which is not an operationId of the spec');
    expect(text).toContain("2/4 operations have a contract test (1 test files scanned) - FAILED");
  });

  it("fails on an operation without an operationId, since no test could name it", () => {
    const withAnonymous = structuredClone(document);
    withAnonymous.paths = { ...withAnonymous.paths, "/extra": { get: { responses: {} } } };
    const report = measureCoverage(withAnonymous, join(fixtures, "contract-complete"), fixtures);
    expect(report.missingOperationIds).toEqual([{ method: "GET", path: "/extra" }]);
    expect(coverageFails(report)).toBe(true);
  });

  it("counts the events of a `webhooks` section too, as `POST webhook <event>`", () => {
    const withEvents = structuredClone(document);
    withEvents.webhooks = { "meeting.started": { post: { operationId: "getMe", responses: {} } }, "meeting.ended": { post: { operationId: "meetingEnded", responses: {} } } };
    const report = measureCoverage(withEvents, join(fixtures, "contract-complete"), fixtures);
    const events = report.operations.filter((o) => o.operation.path.startsWith("webhook "));
    expect(events.map((o) => [o.operation.method, o.operation.path, o.tests.length])).toEqual([
      ["POST", "webhook meeting.started", 1],
      ["POST", "webhook meeting.ended", 0],
    ]);
    expect(coverageFails(report)).toBe(true);
    expect(formatCoverage(report)).toContain("operations and events have a contract test");
  });

  it("fails when the test folder holds no tests at all", () => {
    const report = measureCoverage(document, join(fixtures, "no-such-folder"), fixtures);
    expect(report.testFiles).toEqual([]);
    expect(coverageFails(report)).toBe(true);
  });
});

describe("spec:coverage command", () => {
  const run = (tests: string) => runCommand(runSpecCoverage, ["--spec", "ours-matching.yaml", "--tests", tests], fixtures);

  it("exits 0 when every operation has a contract test", () => {
    expect(run("contract-complete")).toEqual({ status: 0, stdout: expect.stringContaining("4/4 operations have a contract test") });
  });

  it("exits 1 when one has none", () => {
    expect(run("contract-incomplete")).toEqual({ status: 1, stdout: expect.stringContaining("NO CONTRACT TEST") });
  });
});

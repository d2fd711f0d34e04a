import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadDocument, loadUpstreamFolder } from "./openapi-documents.mjs";
import {
  baselineOf,
  compareWithBaseline,
  completenessFails,
  formatCompleteness,
  measureCompleteness,
} from "./response-completeness.mjs";
import { diffSpecs } from "./spec-diff.mjs";

const fixtures = join(dirname(fileURLToPath(import.meta.url)), "../test-fixtures");
const diff = diffSpecs(loadDocument(join(fixtures, "ours-matching.yaml")), loadUpstreamFolder(join(fixtures, "upstream")));

const getUserLogged = (properties: string[]) => ({ operationId: "getUser", status: 200, properties });

describe("measureCompleteness", () => {
  it("lists, per operation, the top-level properties upstream declares that no answer carried", () => {
    const report = measureCompleteness(diff, [getUserLogged(["id", "name"]), getUserLogged(["id", "pets"])]);
    const getUser = report.operations.find((op) => op.operationId === "getUser");
    expect(getUser?.seen).toEqual(["id", "name", "pets"]);
    expect(getUser?.missing).toEqual(getUser?.declared.filter((property) => !["id", "name", "pets"].includes(property)).sort());
    expect(getUser?.missing.length).toBeGreaterThan(0);
    expect(getUser?.missing).not.toContain("pets[].legs");
  });

  it("reports an operation with a JSON answer upstream that was never seen succeed", () => {
    const report = measureCompleteness(diff, []);
    expect(report.unobserved.map((op) => op.operationId)).toContain("getUser");
  });
});

describe("against a baseline", () => {
  const report = measureCompleteness(diff, [getUserLogged(["id"])]);
  const getUserMissing = report.operations.find((op) => op.operationId === "getUser")?.missing ?? [];

  it("passes when every gap is known, and its own baseline knows them all", () => {
    const comparison = compareWithBaseline(report, baselineOf(report));
    expect(comparison.regressions).toEqual([]);
    expect(comparison.fixed).toEqual([]);
    expect(completenessFails(comparison)).toBe(false);
    expect(formatCompleteness(report, comparison)).toContain("no regression");
  });

  it("fails on a gap the baseline does not list (a regression), naming it", () => {
    const baseline = { ...baselineOf(report), getUser: getUserMissing.slice(1) };
    const comparison = compareWithBaseline(report, baseline);
    expect(comparison.regressions).toEqual([`getUser.${getUserMissing[0]}`]);
    expect(completenessFails(comparison)).toBe(true);
    expect(formatCompleteness(report, comparison)).toContain(`FAILED: 1 missing that the baseline does not list: getUser.${getUserMissing[0]}`);
  });

  it("fails when the baseline lists a gap that is closed, so it must shrink", () => {
    const baseline = { ...baselineOf(report), getUser: [...getUserMissing, "id"] };
    const comparison = compareWithBaseline(report, baseline);
    expect(comparison.fixed).toEqual(["getUser.id"]);
    expect(completenessFails(comparison)).toBe(true);
  });
});

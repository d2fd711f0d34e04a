import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runSpecDiff } from "./diff-command.mjs";
import { type LoadedDocument, loadDocument, loadUpstreamFolder } from "./openapi-documents.mjs";
import { diffSpecs, hasFailures, type Mismatch } from "./spec-diff.mjs";
import { runCommand } from "./run-command.test-support.js";

const fixtures = join(dirname(fileURLToPath(import.meta.url)), "../test-fixtures");
const upstream = loadUpstreamFolder(join(fixtures, "upstream"));

/** A fresh copy of the matching fixture spec, changed by `edit`. */
// biome-ignore lint/suspicious/noExplicitAny: edits reach deep into a parsed YAML document whose shape the test itself defines
function oursWith(edit: (doc: any) => void = () => {}): LoadedDocument {
  const loaded = loadDocument(join(fixtures, "ours-matching.yaml"));
  const document = structuredClone(loaded.document);
  edit(document);
  return { document, file: loaded.file };
}

function mismatchesOf(ours: LoadedDocument, operationId: string): Mismatch[] {
  const covered = diffSpecs(ours, upstream).covered.find((c) => c.ours.operationId === operationId);
  if (!covered) throw new Error(`${operationId} is not covered`);
  return covered.mismatches;
}

const USER_200 = "response 200 application/json";

describe("diffSpecs", () => {
  it("reads only *.openapi.json files of the upstream folder", () => {
    expect(upstream.map((u) => u.file.split("/").pop())).toEqual(["accounts.openapi.json", "gadgets.openapi.json"]);
  });

  it("finds no mismatch when named components, anyOf, 3.1 null types and reordered enums say what upstream's inline allOf/oneOf says", () => {
    const diff = diffSpecs(oursWith(), upstream);
    expect(diff.covered.map((c) => [c.ours.operationId, c.mismatches])).toEqual([
      ["getMe", []],
      ["getUser", []],
      ["getBadge", []],
      ["createUser", []],
    ]);
    expect(hasFailures(diff)).toBe(false);
  });

  it("matches a literal /users/me with upstream's /users/{userId} and does not expect the userId parameter", () => {
    const getMe = diffSpecs(oursWith(), upstream).covered.find((c) => c.ours.operationId === "getMe");
    expect(getMe?.upstream.path).toBe("/users/{userId}");
    expect(getMe?.upstream.operationId).toBe("getUser");
  });

  it("reports upstream operations the spec does not cover, without failing", () => {
    const diff = diffSpecs(oursWith(), upstream);
    expect(diff.uncovered.map((op) => `${op.method} ${op.path}`)).toEqual(["GET /gadgets", "GET /gadgets/{gadgetId}", "DELETE /users/{userId}"]);
    expect(hasFailures(diff)).toBe(false);
  });

  it("detects a field whose type differs, however deep (through $ref and array items)", () => {
    const ours = loadDocument(join(fixtures, "ours-wrong-type.yaml"));
    expect(mismatchesOf(ours, "getUser")).toEqual([{ kind: "type", where: `${USER_200}: pets[].legs`, ours: "string", upstream: "integer" }]);
    expect(hasFailures(diffSpecs(ours, upstream))).toBe(true);
  });

  it("detects a missing and an extra response field", () => {
    const ours = oursWith((doc) => {
      delete doc.components.schemas.User.properties.age;
      doc.components.schemas.Pet.properties.colour = { type: "string" };
    });
    expect(mismatchesOf(ours, "getUser")).toEqual([
      { kind: "extra", where: `${USER_200}: pets[].colour`, ours: "string", upstream: null },
      { kind: "missing", where: `${USER_200}: age`, ours: null, upstream: "integer" },
    ]);
  });

  it("detects a field that lost its null type (nullable upstream)", () => {
    const ours = oursWith((doc) => {
      doc.components.schemas.User.properties.nickname = { type: "string" };
    });
    expect(mismatchesOf(ours, "getUser")).toEqual([{ kind: "type", where: `${USER_200}: nickname`, ours: "string", upstream: "null|string" }]);
  });

  it("detects a changed enum, and a field inside one anyOf/oneOf branch", () => {
    const ours = oursWith((doc) => {
      doc.components.schemas.User.properties.kind.enum = ["adult", "child", "pet"];
      doc.components.schemas.User.properties.settings.anyOf[1].properties.volume.type = "number";
    });
    expect(mismatchesOf(ours, "getUser")).toEqual([
      { kind: "enum", where: `${USER_200}: kind`, ours: '"adult","child","pet"', upstream: '"adult","child"' },
      { kind: "type", where: `${USER_200}: settings.volume`, ours: "number", upstream: "integer" },
    ]);
  });

  it("compares parameters by name, location and type", () => {
    const ours = oursWith((doc) => {
      doc.paths["/users/{userId}"].get.parameters[0].schema.type = "integer";
      doc.components.parameters.View.in = "header";
    });
    expect(mismatchesOf(ours, "getUser")).toEqual([
      { kind: "type", where: "parameter path userId", ours: "integer", upstream: "string" },
      { kind: "extra", where: "parameter header view", ours: "string", upstream: null },
      { kind: "missing", where: "parameter query view", ours: null, upstream: "string" },
    ]);
  });

  it("reports a parameter required on one side and optional on the other, both ways", () => {
    const required = oursWith((doc) => {
      doc.components.parameters.View.required = true;
    });
    expect(mismatchesOf(required, "getUser")).toEqual([{ kind: "required", where: "parameter query view", ours: "required", upstream: "optional" }]);
    expect(hasFailures(diffSpecs(required, upstream))).toBe(true);
    const upstreamRequired = structuredClone(upstream);
    for (const source of upstreamRequired) {
      const operation = source.document.paths?.["/users/{userId}"]?.get as { parameters?: { name: string; required?: boolean }[] } | undefined;
      for (const parameter of operation?.parameters ?? []) if (parameter.name === "view") parameter.required = true;
    }
    const covered = diffSpecs(oursWith(), upstreamRequired).covered.find((c) => c.ours.operationId === "getUser");
    expect(covered?.mismatches).toEqual([{ kind: "required", where: "parameter query view", ours: "optional", upstream: "required" }]);
  });

  it("reports a request-body property required on one side and optional on the other, both ways", () => {
    const optional = oursWith((doc) => {
      doc.paths["/users"].post.requestBody.content["application/json"].schema.required = [];
    });
    expect(mismatchesOf(optional, "createUser")).toEqual([
      { kind: "required", where: "request body application/json: name", ours: "optional", upstream: "required" },
    ]);
    expect(hasFailures(diffSpecs(optional, upstream))).toBe(true);
    const upstreamOptional = structuredClone(upstream);
    for (const source of upstreamOptional) {
      const post = source.document.paths?.["/users"]?.post as { requestBody?: { content: { "application/json": { schema: { required?: string[] } } } } } | undefined;
      if (post?.requestBody) post.requestBody.content["application/json"].schema.required = [];
    }
    const covered = diffSpecs(oursWith(), upstreamOptional).covered.find((c) => c.ours.operationId === "createUser");
    expect(covered?.mismatches).toEqual([{ kind: "required", where: "request body application/json: name", ours: "required", upstream: "optional" }]);
  });

  it("reads a request body's `required` through allOf, not from one branch of a oneOf", () => {
    const ours = oursWith((doc) => {
      doc.paths["/users"].post.requestBody.content["application/json"].schema = {
        allOf: [{ type: "object", properties: { name: { type: "string" } } }, { required: ["name"] }],
      };
    });
    expect(mismatchesOf(ours, "createUser")).toEqual([]);
    const branch = oursWith((doc) => {
      doc.paths["/users"].post.requestBody.content["application/json"].schema = {
        type: "object",
        oneOf: [{ type: "object", required: ["name"], properties: { name: { type: "string" } } }, { type: "object" }],
      };
    });
    expect(mismatchesOf(branch, "createUser")).toEqual([
      { kind: "required", where: "request body application/json: name", ours: "optional", upstream: "required" },
    ]);
  });

  it("counts a path parameter as required whatever its `required` says", () => {
    const ours = oursWith((doc) => {
      doc.paths["/users/{userId}"].get.parameters[0].required = false;
    });
    expect(mismatchesOf(ours, "getUser")).toEqual([]);
  });

  it("compares request bodies and notices a response status that upstream does not have", () => {
    const ours = oursWith((doc) => {
      const post = doc.paths["/users"].post;
      post.requestBody.content["application/json"].schema.properties.name.type = "integer";
      post.responses["200"] = post.responses["201"];
      delete post.responses["201"];
    });
    expect(mismatchesOf(ours, "createUser")).toEqual([
      { kind: "type", where: "request body application/json: name", ours: "integer", upstream: "string" },
      { kind: "extra", where: "response 200", ours: "declared", upstream: null },
      { kind: "missing", where: "response 201", ours: null, upstream: "declared" },
    ]);
  });

  it("flags an operationId that differs from upstream's", () => {
    const ours = oursWith((doc) => {
      doc.paths["/users/{userId}"].get.operationId = "fetchUser";
    });
    expect(mismatchesOf(ours, "fetchUser")).toEqual([{ kind: "operationId", where: "operationId", ours: "fetchUser", upstream: "getUser" }]);
  });

  it("fails on an operation upstream does not have, and lets `me` stand only for a userId", () => {
    const ours = oursWith((doc) => {
      doc.paths["/gadgets/me"] = { get: { operationId: "myGadget", responses: { "200": { description: "ok" } } } };
      doc.paths["/users"].patch = { operationId: "patchUsers", responses: { "204": { description: "ok" } } };
    });
    const diff = diffSpecs(ours, upstream);
    expect(diff.notUpstream.map((op) => op.operationId)).toEqual(["patchUsers", "myGadget"]);
    expect(hasFailures(diff)).toBe(true);
  });
});

describe("spec:diff command", () => {
  const run = (...args: string[]) => runCommand(runSpecDiff, args, fixtures);

  it("exits 0 and lists uncovered operations when covered ones match", () => {
    const result = run("--upstream", "upstream", "--spec", "ours-matching.yaml");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("covered: 4 operations, 0 with mismatches");
    expect(result.stdout).toContain("  - GET /gadgets (listGadgets)");
    expect(result.stdout).toContain("spec:diff: no mismatch in covered operations");
  });

  it("exits 1 and names the field when a type is wrong", () => {
    const result = run("--upstream", "upstream", "--spec", "ours-wrong-type.yaml");
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("type        response 200 application/json: pets[].legs: ours string, upstream integer");
    expect(result.stdout).toContain("spec:diff: FAILED");
  });

  it("exits 2 with a clear message without --upstream or with a folder holding no documents", () => {
    expect(run("--spec", "ours-matching.yaml")).toEqual({ status: 2, stdout: expect.stringContaining("missing --upstream <folder>") });
    expect(run("--upstream", "contract-run-complete", "--spec", "ours-matching.yaml")).toEqual({
      status: 2,
      stdout: expect.stringContaining("no *.openapi.json documents in"),
    });
  });
});

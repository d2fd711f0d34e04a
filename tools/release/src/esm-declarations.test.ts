import { access, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { esmTypeEntries, hasDefaultExport, SharedDeclarationsError, shareDeclarations } from "./esm-declarations.mjs";
import { dualPackageFiles, dualPackageManifest, makeTempDir, writePackage } from "./fixture-package.js";
import { lintPackage } from "./lint-package.mjs";

/** Declarations as tsup writes them for a package with two entries sharing a chunk: every file twice. */
const twoEntryFiles: Record<string, string> = {
  "dist/index.js": 'export { answer } from "./chunk.js";\n',
  "dist/index.cjs": '"use strict";\nexports.answer = require("./chunk.cjs").answer;\n',
  "dist/server.js": "export const port = 0;\n",
  "dist/server.cjs": '"use strict";\nexports.port = 0;\n',
  "dist/chunk.js": "export const answer = 42;\n",
  "dist/chunk.cjs": '"use strict";\nexports.answer = 42;\n',
  "dist/index.d.ts": 'export { A as Answer, a as answer } from "./chunk-types.js";\n',
  "dist/index.d.cts": 'export { A as Answer, a as answer } from "./chunk-types.cjs";\n',
  "dist/chunk-types.d.ts": "/** The answer. */\ntype A = 42;\ndeclare const a: A;\nexport { type A, a };\n",
  "dist/chunk-types.d.cts": "/** The answer. */\ntype A = 42;\ndeclare const a: A;\nexport { type A, a };\n",
  "dist/server.d.ts": "/** The port (default 0). */\nexport declare const port: number;\n",
  "dist/server.d.cts": "/** The port (default 0). */\nexport declare const port: number;\n",
  "dist/bin/cli.d.ts": "export {};\n",
  "dist/bin/cli.d.cts": "export {};\n",
  "README.md": "# fixture\n\nA package made by a test.\n",
  LICENSE: "MIT\n",
};

function twoEntryManifest(name: string): Record<string, unknown> {
  const manifest = dualPackageManifest(name);
  return {
    ...manifest,
    exports: {
      ...(manifest.exports as Record<string, unknown>),
      "./server": {
        import: { types: "./dist/server.d.ts", default: "./dist/server.js" },
        require: { types: "./dist/server.d.cts", default: "./dist/server.cjs" },
      },
    },
  };
}

const present = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

describe("esmTypeEntries", () => {
  it("lists the types of every `import` condition, nested or not, once each", () => {
    expect(
      esmTypeEntries({
        ".": { import: { types: "./dist/index.d.ts", default: "./dist/index.js" }, require: { types: "./dist/index.d.cts" } },
        "./server": { node: { import: { types: "./dist/server.d.ts" } }, types: "./dist/server.d.cts" },
        "./package.json": "./package.json",
      }),
    ).toEqual(["./dist/index.d.ts", "./dist/server.d.ts"]);
  });
});

describe("hasDefaultExport", () => {
  it.each([
    ["export default class A {}", true],
    ["declare const a: number;\nexport = a;", true],
    ["declare const a: number;\nexport { a as default };", true],
    ["/** default `false`; export default { fetch } */\nexport declare const a: number;", false],
    ["declare const a: number;\nexport { a as defaults };", false],
  ])("%j -> %s", (text, expected) => {
    expect(hasDefaultExport("index.d.cts", text)).toBe(expected);
  });
});

describe.concurrent("shareDeclarations", () => {
  let root: string;

  beforeAll(async () => {
    root = await makeTempDir("share-declarations");
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("turns each ESM entry declaration into a re-export of its CommonJS twin and drops the ESM copies of chunks", async () => {
    const dir = await writePackage(join(root, "two-entries"), twoEntryManifest("two-entries"), twoEntryFiles);

    const result = await shareDeclarations(dir);

    expect(result).toEqual({ entries: ["dist/index.d.ts", "dist/server.d.ts"], removed: ["dist/bin/cli.d.ts", "dist/chunk-types.d.ts"] });
    expect(await readFile(join(dir, "dist/index.d.ts"), "utf8")).toBe('export * from "./index.cjs";\n');
    expect(await readFile(join(dir, "dist/server.d.ts"), "utf8")).toBe('export * from "./server.cjs";\n');
    expect(await readFile(join(dir, "dist/index.d.cts"), "utf8")).toBe(twoEntryFiles["dist/index.d.cts"]);
    expect(await present(join(dir, "dist/chunk-types.d.cts"))).toBe(true);
    expect(await present(join(dir, "dist/chunk-types.d.ts"))).toBe(false);
  });

  it("leaves a package that publint and attw pass (node16 from ESM and from CommonJS, bundler)", async () => {
    const dir = await writePackage(join(root, "linted"), dualPackageManifest("linted-pkg"), dualPackageFiles);
    await shareDeclarations(dir);

    const report = await lintPackage(dir);

    expect(report.errors).toEqual([]);
    expect(await readFile(join(dir, "dist/index.d.ts"), "utf8")).toBe('export * from "./index.cjs";\n');
  }, 120_000);

  it("refuses an ESM entry whose CommonJS twin is missing, naming both", async () => {
    const { "dist/index.d.cts": _omitted, ...files } = dualPackageFiles;
    const dir = await writePackage(join(root, "no-twin"), dualPackageManifest("no-twin"), files);

    const failure = shareDeclarations(dir);

    await expect(failure).rejects.toThrow(SharedDeclarationsError);
    await expect(failure).rejects.toThrow("dist/index.d.cts is missing: the ESM declarations of dist/index.d.ts re-export it");
  });

  it("refuses a CommonJS twin with a default export, which `export *` would drop, and leaves the ESM file as it was", async () => {
    const files = { ...dualPackageFiles, "dist/index.d.cts": "declare const answer: number;\nexport { answer as default };\n" };
    const dir = await writePackage(join(root, "default-export"), dualPackageManifest("default-export"), files);

    await expect(shareDeclarations(dir)).rejects.toThrow("dist/index.d.cts has a default export");
    expect(await readFile(join(dir, "dist/index.d.ts"), "utf8")).toBe(dualPackageFiles["dist/index.d.ts"]);
  });
});

import { access, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { esmTypeEntries, hasDefaultExport, moduleSpecifiers, SharedDeclarationsError, shareDeclarations } from "./esm-declarations.mjs";
import { dualPackageFiles, dualPackageManifest, makeTempDir, writePackage } from "./fixture-package.js";
import { lintPackage } from "./lint-package.mjs";

/**
 * Declarations as tsup writes them for a package with two entries: every file twice. `chunk-types` (the
 * generated types) and `server` import no package; `index` imports `msw`, whose types differ per module system.
 */
const twoEntryFiles: Record<string, string> = {
  "dist/index.js": 'export { answer } from "./chunk.js";\n',
  "dist/index.cjs": '"use strict";\nexports.answer = require("./chunk.cjs").answer;\n',
  "dist/server.js": "export const port = 0;\n",
  "dist/server.cjs": '"use strict";\nexports.port = 0;\n',
  "dist/chunk.js": "export const answer = 42;\n",
  "dist/chunk.cjs": '"use strict";\nexports.answer = 42;\n',
  "dist/index.d.ts": "import { HttpHandler } from 'msw';\nimport { A } from './chunk-types.js';\nexport { a as answer } from './chunk-types.js';\nexport declare const handlers: HttpHandler[];\nexport type Answer = A;\n",
  "dist/index.d.cts": "import { HttpHandler } from 'msw';\nimport { A } from './chunk-types.cjs';\nexport { a as answer } from './chunk-types.cjs';\nexport declare const handlers: HttpHandler[];\nexport type Answer = A;\n",
  "dist/chunk-types.d.ts": "/** The answer. */\ntype A = 42;\ndeclare const a: A;\nexport { type A, a };\n",
  "dist/chunk-types.d.cts": "/** The answer. */\ntype A = 42;\ndeclare const a: A;\nexport { type A, a };\n",
  "dist/server.d.ts": "import type { Server } from 'node:http';\n/** The port (default 0). */\nexport declare const port: number;\nexport declare function listen(): Server;\n",
  "dist/server.d.cts": "import type { Server } from 'node:http';\n/** The port (default 0). */\nexport declare const port: number;\nexport declare function listen(): Server;\n",
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

describe("moduleSpecifiers", () => {
  it("finds imports, re-exports, import() types, module augmentations and type references, not words in comments", () => {
    const text = [
      '/// <reference types="node" />',
      "/** @example import { x } from \"@org/zoom-auth\" */",
      "import { a } from './a.js';",
      'export * from "./b.cjs";',
      'type C = import("c").C;',
      'declare module "d" {}',
    ].join("\n");
    expect(moduleSpecifiers("x.d.cts", text).map((specifier) => specifier.text)).toEqual(["node", "./a.js", "./b.cjs", "c", "d"]);
    const [, relativeImport] = moduleSpecifiers("x.d.cts", text);
    expect(text.slice(relativeImport?.start, relativeImport?.end)).toBe("./a.js");
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

  it("keeps one copy of the files that import no package, and both copies of a file that does", async () => {
    const dir = await writePackage(join(root, "two-entries"), twoEntryManifest("two-entries"), twoEntryFiles);

    const result = await shareDeclarations(dir);

    expect(result).toEqual({
      entries: ["dist/server.d.ts"],
      removed: ["dist/bin/cli.d.ts", "dist/chunk-types.d.ts"],
      rewritten: ["dist/index.d.ts"],
    });
    expect(await readFile(join(dir, "dist/server.d.ts"), "utf8")).toBe('export * from "./server.cjs";\n');
    expect(await present(join(dir, "dist/chunk-types.d.ts"))).toBe(false);
    expect(await readFile(join(dir, "dist/chunk-types.d.cts"), "utf8")).toBe(twoEntryFiles["dist/chunk-types.d.cts"]);
    // `index` keeps its own ESM declarations (msw's ESM types), reading the shared types through the `.d.cts`.
    expect(await readFile(join(dir, "dist/index.d.ts"), "utf8")).toBe(
      "import { HttpHandler } from 'msw';\nimport { A } from './chunk-types.cjs';\nexport { a as answer } from './chunk-types.cjs';\nexport declare const handlers: HttpHandler[];\nexport type Answer = A;\n",
    );
    expect(await readFile(join(dir, "dist/index.d.cts"), "utf8")).toBe(twoEntryFiles["dist/index.d.cts"]);
  });

  it("leaves a package that publint and attw pass (node16 from ESM and from CommonJS, bundler)", async () => {
    const dir = await writePackage(join(root, "linted"), dualPackageManifest("linted-pkg"), dualPackageFiles);
    await shareDeclarations(dir);

    const report = await lintPackage(dir);

    expect(report.errors).toEqual([]);
    expect(await readFile(join(dir, "dist/index.d.ts"), "utf8")).toBe('export * from "./index.cjs";\n');
  }, 120_000);

  it("refuses an ESM entry whose CommonJS twin is missing, naming the twin", async () => {
    const { "dist/index.d.cts": _omitted, ...files } = dualPackageFiles;
    const dir = await writePackage(join(root, "no-twin"), dualPackageManifest("no-twin"), files);

    const failure = shareDeclarations(dir);

    await expect(failure).rejects.toThrow(SharedDeclarationsError);
    await expect(failure).rejects.toThrow("dist/index.d.cts is missing: every ESM types entry needs its CommonJS twin");
  });

  it("refuses a CommonJS twin with a default export, which `export *` would drop, and leaves the ESM file as it was", async () => {
    const files = { ...dualPackageFiles, "dist/index.d.cts": "declare const answer: number;\nexport { answer as default };\n" };
    const dir = await writePackage(join(root, "default-export"), dualPackageManifest("default-export"), files);

    await expect(shareDeclarations(dir)).rejects.toThrow("dist/index.d.cts has a default export, which `export *` in its ESM entry would not carry");
    expect(await readFile(join(dir, "dist/index.d.ts"), "utf8")).toBe(dualPackageFiles["dist/index.d.ts"]);
  });
});

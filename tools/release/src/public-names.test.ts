import { existsSync, readFileSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { makeTempDir } from "./fixture-package.js";
import { listPublishablePackages } from "./publishable-packages.mjs";
import {
  comparePublicNames,
  type DocumentedName,
  exportedErrorClasses,
  listPackageEntries,
  readErrorTable,
  readDocumentedApi,
  readExportedNames,
} from "./public-names.js";
import { repoRoot } from "./repo-root.mjs";

// Every published package exports exactly what its README's API sections document (see public-names.ts
// for the convention), entry point by entry point, values and types: an internal that leaks into an
// entry, or a documented name that disappears, fails here. The packages must be built (turbo builds them
// before this task; alone: `pnpm build`).
describe("public names", async () => {
  const packages = await listPublishablePackages(repoRoot);

  for (const { name, dir } of packages) {
    describe(name, () => {
      const documented = readDocumentedApi(readFileSync(join(dir, "README.md"), "utf8"));
      const entries = listPackageEntries(dir);

      it("documents each entry point in an API section of its README, and no other", () => {
        expect([...documented.keys()].sort()).toEqual(entries.map((entry) => entry.specifier).sort());
      });

      for (const entry of entries) {
        it(`${entry.specifier} exports exactly the names its README lists`, async () => {
          if (!existsSync(entry.esm)) throw new Error(`${entry.esm} is missing: build the packages first (pnpm build)`);
          const exported = await readExportedNames(entry);
          expect(exported.runtime.length).toBeGreaterThan(0);
          expect(comparePublicNames(documented.get(entry.specifier) ?? [], exported)).toEqual([]);
        });

        it(`${entry.specifier}: every error class has its own name, the class's`, async () => {
          const errors = exportedErrorClasses(await import(pathToFileURL(entry.esm).href), entry.types);
          for (const [exportName, { className, names }] of errors) {
            // Every instance is named after its class (an alias, like ArcticFetchError, after the class it names).
            expect({ exportName, className, names }).toEqual({ exportName, className, names: expect.arrayContaining([className]) });
          }
        });
      }

      const errorTable = readErrorTable(readFileSync(join(dir, "README.md"), "utf8"));
      if (errorTable !== null) {
        it("lists in its README's error table exactly the error classes it exports", async () => {
          const main = entries.find((entry) => entry.specifier === name);
          if (main === undefined) throw new Error(`${name} has no main entry`);
          const errors = [...exportedErrorClasses(await import(pathToFileURL(main.esm).href), main.types).keys()].sort();
          const builtIn = new Set(["TypeError", "RangeError"]);
          expect([...new Set(errorTable.filter((error) => !builtIn.has(error)))].sort()).toEqual(errors);
        });
      }
    });
  }
});

describe("the public-names check fails", () => {
  const oauthCore = join(repoRoot, "packages/oauth-core");
  const entries = listPackageEntries(oauthCore);
  const publicEntry = entries.find((entry) => entry.specifier === "@org/oauth-core");
  const internalEntry = entries.find((entry) => entry.specifier === "@org/oauth-core/internal");
  const documented = readDocumentedApi(readFileSync(join(oauthCore, "README.md"), "utf8")).get("@org/oauth-core") ?? [];
  const temp: string[] = [];
  afterAll(() => Promise.all(temp.map((dir) => rm(dir, { recursive: true, force: true }))));

  /** The built public entry of @org/oauth-core with one more line, as a careless edit of index.ts would make it. */
  async function entryExporting(line: { js: string; dts: string }) {
    if (publicEntry === undefined || internalEntry === undefined) throw new Error("@org/oauth-core has no ./internal entry");
    const dir = await makeTempDir("public-names");
    temp.push(dir);
    const esm = join(dir, "index.js");
    const types = join(dir, "index.d.ts");
    await writeFile(esm, `export * from ${JSON.stringify(publicEntry.esm)};\n${line.js}\n`);
    await writeFile(types, `export * from ${JSON.stringify(publicEntry.types.replace(/\.d\.ts$/, ".js"))};\n${line.dts}\n`);
    return readExportedNames({ specifier: "@org/oauth-core", esm, cjs: null, types });
  }

  it("when an internal is exported from the public entry", async () => {
    const internal = internalEntry?.esm ?? "";
    const exported = await entryExporting({
      js: `export { sendOAuth2Request } from ${JSON.stringify(internal)};`,
      dts: "export declare function sendOAuth2Request(): void;",
    });
    expect(comparePublicNames(documented, exported)).toEqual(["sendOAuth2Request: exported at run time but not documented"]);
  });

  it("when a type is exported that the README does not list", async () => {
    const exported = await entryExporting({ js: "", dts: "export type TokenResponse = { access_token: string };" });
    expect(comparePublicNames(documented, exported)).toEqual(["TokenResponse: exported as a type but not documented"]);
  });

  it("when a documented name is no longer exported, or has the wrong kind", () => {
    const exported = { runtime: ["OAuth2Client"], commonJs: ["OAuth2Client", "extra"], declared: ["OAuth2Client", "Options"] };
    const readme: DocumentedName[] = [
      { name: "OAuth2Client", kind: "class" },
      { name: "Options", kind: "class" },
      { name: "generateState", kind: "function" },
    ];
    expect(comparePublicNames(readme, exported)).toEqual([
      "Options: documented as a class but exported as a type only",
      "extra: exported by the CommonJS entry only",
      "generateState: documented but not exported",
    ]);
  });

  it("reads nothing but well-formed API sections", () => {
    expect(() => readDocumentedApi("<!-- api:start @org/x -->\n| name | kind |\n| --- | --- |\n| `a` | const |\n")).toThrow(/no api:end/);
    expect(() => readDocumentedApi("<!-- api:start @org/x -->\n| a | const |\n<!-- api:end -->")).toThrow(/in backticks/);
    expect(() => readDocumentedApi("<!-- api:start @org/x -->\n| `a` | const |\n| `a` | const |\n<!-- api:end -->")).toThrow(/twice/);
    expect(readDocumentedApi("<!-- api:start @org/x -->\n| name | kind |\n| --- | --- |\n| `a` | type |\n<!-- api:end -->")).toEqual(
      new Map([["@org/x", [{ name: "a", kind: "type" }]]]),
    );
  });
});

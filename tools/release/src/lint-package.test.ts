import { execFile } from "node:child_process";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dualPackageFiles, dualPackageManifest, makeTempDir, writePackage } from "./fixture-package.js";
import { lintPackage } from "./lint-package.mjs";

const run = promisify(execFile);
const cli = join(import.meta.dirname, "lint-packages-cli.mjs");

/** Runs `lint:packages` against another repository root and returns its exit code and output. */
async function lintPackagesCli(root: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, root]);
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, output: failure.stdout + failure.stderr };
  }
}

// Each case packs its own fixture in its own directory, so they can run side by side.
describe.concurrent("lint:packages", () => {
  let root: string;

  beforeAll(async () => {
    root = await makeTempDir("lint-packages");
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("passes a dual ESM/CommonJS package with types for both", async () => {
    const dir = await writePackage(join(root, "good"), dualPackageManifest("good-pkg"), dualPackageFiles);

    const report = await lintPackage(dir);

    expect(report.errors).toEqual([]);
  });

  it("fails a package whose exports map points at a missing file", async () => {
    const { "dist/index.cjs": _omitted, ...files } = dualPackageFiles;
    const dir = await writePackage(join(root, "missing-file"), dualPackageManifest("missing-file-pkg"), files);

    const report = await lintPackage(dir);

    expect(report.errors.join("\n")).toContain("FILE_DOES_NOT_EXIST");
    expect(report.errors.join("\n")).toContain("dist/index.cjs");
  });

  it("fails a package whose CommonJS types are missing, through attw", async () => {
    const { "dist/index.d.cts": _omitted, ...files } = dualPackageFiles;
    const dir = await writePackage(join(root, "missing-types"), dualPackageManifest("missing-types-pkg"), files);

    const report = await lintPackage(dir);

    const attw = report.errors.find((error) => error.startsWith("attw:"));
    expect(attw).toContain("node16 (from CJS): No types");
  });

  it("fails a package whose require condition resolves to ESM, a rule we deliberately keep on", async () => {
    const manifest = dualPackageManifest("cjs-to-esm-pkg");
    manifest.exports = {
      ".": {
        import: { types: "./dist/index.d.ts", default: "./dist/index.js" },
        require: { types: "./dist/index.d.ts", default: "./dist/index.js" },
      },
    };
    const dir = await writePackage(join(root, "cjs-to-esm"), manifest, dualPackageFiles);

    const report = await lintPackage(dir);

    const attw = report.errors.find((error) => error.startsWith("attw:"));
    expect(attw).toContain("CJSResolvesToESM");
  });

  it("fails a package that has no README of its own", async () => {
    const { "README.md": _omitted, ...files } = dualPackageFiles;
    const dir = await writePackage(join(root, "no-readme"), dualPackageManifest("no-readme-pkg"), files);

    const report = await lintPackage(dir);

    expect(report.errors).toEqual([expect.stringContaining("README.md is missing")]);
  });

  it("fails a package whose exports list types after the JavaScript condition", async () => {
    const manifest = dualPackageManifest("types-last-pkg");
    manifest.exports = {
      ".": {
        import: { default: "./dist/index.js", types: "./dist/index.d.ts" },
        require: { types: "./dist/index.d.cts", default: "./dist/index.cjs" },
      },
    };
    const dir = await writePackage(join(root, "types-last"), manifest, dualPackageFiles);

    const report = await lintPackage(dir);

    expect(report.errors.join("\n")).toContain("EXPORTS_TYPES_SHOULD_BE_FIRST");
  });

  it("exits non-zero when any package of the repository has a broken exports map", async () => {
    const repo = join(root, "repo");
    await writePackage(join(repo, "packages", "good"), dualPackageManifest("@fixture/good"), dualPackageFiles);
    const { "dist/index.js": _omitted, ...files } = dualPackageFiles;
    await writePackage(join(repo, "packages", "broken"), dualPackageManifest("@fixture/broken"), files);

    const { code, output } = await lintPackagesCli(repo);

    expect(code).toBe(1);
    expect(output).toMatch(/ok {4}@fixture\/good/);
    expect(output).toMatch(/FAIL {2}@fixture\/broken/);
    expect(output).toContain("1 of 2 packages have packaging problems");
  });

  it("exits zero when every package is well formed", async () => {
    const repo = join(root, "repo-good");
    await writePackage(join(repo, "packages", "a"), dualPackageManifest("@fixture/a"), dualPackageFiles);

    const { code, output } = await lintPackagesCli(repo);

    expect(output).toContain("1 packages pass");
    expect(code).toBe(0);
  });
});

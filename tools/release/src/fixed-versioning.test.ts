import { execFile } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTempDir } from "./fixture-package.js";
import { assertPublishableTarball } from "./packed-manifest.mjs";
import { listPublishablePackages, type PublishablePackage } from "./publishable-packages.mjs";
import { repoRoot } from "./repo-root.mjs";
import {
  copyTrackedFiles,
  installOffline,
  linkRootNodeModules,
  removePendingChangesets,
} from "./repository-copy.js";
import { bumpVersion } from "./semver-bump.mjs";

const run = promisify(execFile);

/** The version every @org package has today (the fixed group keeps them equal). */
async function currentSharedVersion(): Promise<string> {
  const versions = new Set((await listPublishablePackages(repoRoot)).map((pkg) => pkg.version));
  expect(versions.size).toBe(1);
  return [...versions][0]!;
}

/** Adds one changeset on one package, as `pnpm changeset` would write it. */
async function addChangeset(copyRoot: string, packageName: string, summary: string): Promise<void> {
  const body = `---\n"${packageName}": minor\n---\n\n${summary}\n`;
  await writeFile(join(copyRoot, ".changeset", "release-test-change.md"), body);
}

async function changesetVersion(copyRoot: string): Promise<void> {
  await run(join(copyRoot, "node_modules", ".bin", "changeset"), ["version"], { cwd: copyRoot });
}

async function changelogOf(pkg: PublishablePackage): Promise<string> {
  return readFile(join(pkg.dir, "CHANGELOG.md"), "utf8");
}

describe("a changeset on the leaf package @org/zoom-mock, then version and pack", () => {
  const summary = "Mock: a change only this package declares.";
  let copyRoot: string;
  let packed: string;
  let before: string;
  let after: string;
  let packages: PublishablePackage[];

  beforeAll(async () => {
    before = await currentSharedVersion();
    after = bumpVersion(before, "minor");
    copyRoot = await makeTempDir("release-copy");
    packed = await makeTempDir("release-tarballs");
    await copyTrackedFiles(repoRoot, copyRoot);
    await removePendingChangesets(copyRoot);
    await installOffline(copyRoot);
    await addChangeset(copyRoot, "@org/zoom-mock", summary);
    await changesetVersion(copyRoot);
    packages = await listPublishablePackages(copyRoot);
  });
  afterAll(async () => {
    await rm(copyRoot, { recursive: true, force: true });
    await rm(packed, { recursive: true, force: true });
  });

  it("moves every @org package, not just the one named, to the same new version", () => {
    expect(packages.map((pkg) => pkg.name)).toEqual([
      "@org/oauth-core",
      "@org/zoom-api",
      "@org/zoom-auth",
      "@org/zoom-mock",
      "@org/zoom-token-store-redis",
      "@org/zoom-webhooks",
    ]);
    for (const pkg of packages) expect({ name: pkg.name, version: pkg.version }).toEqual({ name: pkg.name, version: after });
  });

  it("writes a CHANGELOG entry for the new version in every package", async () => {
    for (const pkg of packages) expect(await changelogOf(pkg)).toContain(`## ${after}`);
    const mock = packages.find((pkg) => pkg.name === "@org/zoom-mock")!;
    expect(await changelogOf(mock)).toContain(summary);
  });

  it("consumes the changeset", async () => {
    await expect(readFile(join(copyRoot, ".changeset", "release-test-change.md"))).rejects.toThrow(/ENOENT/);
  });

  it("packs tarballs whose @org dependencies are the exact new version, never workspace:*", async () => {
    let internalDependencies = 0;
    for (const pkg of packages) {
      await run("pnpm", ["pack", "--pack-destination", packed], { cwd: pkg.dir });
      const tarball = join(packed, `${pkg.name.replace("@", "").replace("/", "-")}-${after}.tgz`);

      const manifest = await assertPublishableTarball(tarball);

      expect(manifest.version).toBe(after);
      const dependencies = (manifest.dependencies ?? {}) as Record<string, string>;
      for (const [name, specifier] of Object.entries(dependencies)) {
        if (!name.startsWith("@org/")) continue;
        internalDependencies += 1;
        expect({ name, specifier }).toEqual({ name, specifier: after });
      }
    }
    // @org/zoom-auth depends on @org/oauth-core: the check above must have seen it.
    expect(internalDependencies).toBeGreaterThan(0);
  });
});

describe.each(["@org/oauth-core", "@org/zoom-auth", "@org/zoom-api"])("a changeset on %s alone", (packageName) => {
  let copyRoot: string;

  beforeAll(async () => {
    copyRoot = await makeTempDir("release-copy");
    await copyTrackedFiles(repoRoot, copyRoot);
    await removePendingChangesets(copyRoot);
    await linkRootNodeModules(repoRoot, copyRoot);
    await addChangeset(copyRoot, packageName, `A change on ${packageName}.`);
    await changesetVersion(copyRoot);
  });
  afterAll(async () => {
    await rm(copyRoot, { recursive: true, force: true });
  });

  it("moves all the packages to the same new version", async () => {
    const after = bumpVersion(await currentSharedVersion(), "minor");
    const versions = (await listPublishablePackages(copyRoot)).map((pkg) => [pkg.name, pkg.version]);
    expect(versions).toEqual([
      ["@org/oauth-core", after],
      ["@org/zoom-api", after],
      ["@org/zoom-auth", after],
      ["@org/zoom-mock", after],
      ["@org/zoom-token-store-redis", after],
      ["@org/zoom-webhooks", after],
    ]);
  });
});

import { execFile } from "node:child_process";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTempDir, writePackage } from "./fixture-package.js";
import {
  assertPublishableTarball,
  findWorkspaceOnlySpecifiers,
  readPackedManifest,
  UnpublishableManifestError,
} from "./packed-manifest.mjs";

const run = promisify(execFile);

describe("packed manifest check", () => {
  let root: string;

  beforeAll(async () => {
    root = await makeTempDir("packed-manifest");
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  /** Packs a manifest into a tarball laid out like npm's (`package/package.json`). */
  async function tarballOf(name: string, manifest: Record<string, unknown>): Promise<string> {
    const dir = join(root, name);
    await writePackage(join(dir, "package"), manifest, { "index.js": "export {};\n" });
    const tarball = join(root, `${name}.tgz`);
    await run("tar", ["-czf", tarball, "-C", dir, "package"]);
    return tarball;
  }

  it("reads the manifest inside a tarball", async () => {
    const tarball = await tarballOf("plain", { name: "@fixture/plain", version: "1.2.3" });

    expect(await readPackedManifest(tarball)).toEqual({ name: "@fixture/plain", version: "1.2.3" });
  });

  it("accepts exact versions and ranges", async () => {
    const tarball = await tarballOf("exact", {
      name: "@fixture/exact",
      version: "1.2.3",
      dependencies: { "@org/oauth-core": "1.2.3", "openapi-fetch": "^0.17.0" },
      peerDependencies: { msw: "^2.15.0" },
    });

    const manifest = await assertPublishableTarball(tarball);

    expect(manifest.dependencies).toEqual({ "@org/oauth-core": "1.2.3", "openapi-fetch": "^0.17.0" });
  });

  it("rejects a tarball whose manifest kept workspace:*", async () => {
    const tarball = await tarballOf("workspace", {
      name: "@fixture/workspace",
      version: "1.2.3",
      dependencies: { "@org/oauth-core": "workspace:*" },
    });

    const failure = assertPublishableTarball(tarball);

    await expect(failure).rejects.toBeInstanceOf(UnpublishableManifestError);
    await expect(failure).rejects.toThrow('dependencies["@org/oauth-core"] is "workspace:*"');
  });

  it("names every pnpm-only protocol in every dependency field", () => {
    const problems = findWorkspaceOnlySpecifiers({
      dependencies: { a: "workspace:^", b: "1.0.0" },
      peerDependencies: { c: "catalog:" },
      optionalDependencies: { d: "link:../d" },
      devDependencies: { e: "workspace:~" },
    });

    expect(problems).toEqual([
      'dependencies["a"] is "workspace:^"',
      'peerDependencies["c"] is "catalog:"',
      'optionalDependencies["d"] is "link:../d"',
      'devDependencies["e"] is "workspace:~"',
    ]);
  });
});

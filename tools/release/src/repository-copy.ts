import { execFile } from "node:child_process";
import { copyFile, lstat, mkdir, readdir, rm, symlink } from "node:fs/promises";
import { dirname, join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * Copies the repository's tracked files (as they are in the working tree, without node_modules,
 * build output or anyone's untracked work) into `dest`: what a fresh clone with local edits holds.
 */
export async function copyTrackedFiles(repoRoot: string, dest: string): Promise<void> {
  const { stdout } = await run("git", ["ls-files", "-z"], { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 });
  const paths = stdout.split("\0").filter((path) => path !== "");
  for (const path of paths) {
    const from = join(repoRoot, path);
    // A tracked file deleted in the working tree is not part of the checkout we model.
    const stats = await lstat(from).catch(() => null);
    if (stats === null || !stats.isFile()) continue;
    await mkdir(dirname(join(dest, path)), { recursive: true });
    await copyFile(from, join(dest, path));
  }
}

/** Deletes the pending changesets of a copy, so a test controls exactly which ones exist. */
export async function removePendingChangesets(copyRoot: string): Promise<void> {
  const dir = join(copyRoot, ".changeset");
  for (const name of await readdir(dir)) {
    if (name.endsWith(".md") && name !== "README.md") await rm(join(dir, name));
  }
}

/** Installs a copy's dependencies from the local pnpm store only (the lockfile is already resolved). */
export async function installOffline(copyRoot: string): Promise<void> {
  await run("pnpm", ["install", "--offline", "--frozen-lockfile", "--ignore-scripts"], {
    cwd: copyRoot,
    maxBuffer: 16 * 1024 * 1024,
  });
}

/**
 * Lets a copy use the repository's root tools (changesets) without an install: enough for
 * `changeset version`, which only reads and writes manifests and changelogs.
 */
export async function linkRootNodeModules(repoRoot: string, copyRoot: string): Promise<void> {
  await symlink(join(repoRoot, "node_modules"), join(copyRoot, "node_modules"), "dir");
}

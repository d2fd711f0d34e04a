// @ts-check
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * A workspace package that is published to npm.
 * @typedef {object} PublishablePackage
 * @property {string} name   the package name, e.g. `@org/zoom-auth`
 * @property {string} version
 * @property {string} dir    absolute path of the package directory
 */

/**
 * Lists the publishable packages of the repository: every `packages/*` package whose
 * manifest is not marked `private`. Sorted by name so output and tests are stable.
 *
 * @param {string} repoRoot absolute path of the repository root
 * @returns {Promise<PublishablePackage[]>}
 */
export async function listPublishablePackages(repoRoot) {
  const packagesDir = join(repoRoot, "packages");
  const entries = await readdir(packagesDir, { withFileTypes: true });
  /** @type {PublishablePackage[]} */
  const found = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const dir = join(packagesDir, entry.name);
    const manifest = await readManifest(join(dir, "package.json"));
    if (manifest === null || manifest.private === true) continue;
    if (typeof manifest.name !== "string" || typeof manifest.version !== "string") {
      throw new Error(`${join(dir, "package.json")} has no string "name" and "version"`);
    }
    found.push({ name: manifest.name, version: manifest.version, dir });
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * @param {string} path
 * @returns {Promise<Record<string, unknown> | null>} null when the file does not exist
 */
async function readManifest(path) {
  let text;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "ENOENT") return null;
    throw error;
  }
  return JSON.parse(text);
}

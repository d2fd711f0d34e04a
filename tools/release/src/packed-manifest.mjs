// @ts-check
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Manifest fields whose values are version specifiers that npm resolves on install. */
const DEPENDENCY_FIELDS = Object.freeze(["dependencies", "peerDependencies", "optionalDependencies", "devDependencies"]);

/**
 * Protocols only pnpm understands: left in a published manifest, they make `npm install` fail for
 * every user, so a packed tarball must carry plain versions instead.
 */
const WORKSPACE_ONLY_PROTOCOLS = Object.freeze(["workspace:", "catalog:", "link:"]);

/** A packed manifest that npm users could not install. */
export class UnpublishableManifestError extends Error {
  /**
   * @param {string} tarball path of the tarball
   * @param {string[]} problems one line per offending specifier, e.g. `dependencies["@org/oauth-core"] is "workspace:*"`
   */
  constructor(tarball, problems) {
    super(`${tarball} carries workspace-only version specifiers:\n  ${problems.join("\n  ")}`);
    this.name = "UnpublishableManifestError";
    /** @readonly */
    this.tarball = tarball;
    /** @readonly */
    this.problems = problems;
  }
}

/**
 * Reads `package/package.json` from an npm tarball (`.tgz`), the manifest users will install.
 *
 * @param {string} tarball path of a tarball made by `pnpm pack` or `npm pack`
 * @returns {Promise<Record<string, unknown>>}
 */
export async function readPackedManifest(tarball) {
  // The system tar reads gzip'd tarballs on every CI image; no need for a tar library.
  const { stdout } = await run("tar", ["-xzOf", tarball, "package/package.json"], { maxBuffer: 4 * 1024 * 1024 });
  return JSON.parse(stdout);
}

/**
 * Lists the dependency specifiers of a manifest that use a workspace-only protocol.
 *
 * @param {Record<string, unknown>} manifest
 * @returns {string[]} one line per offending specifier; empty when npm can install every dependency
 */
export function findWorkspaceOnlySpecifiers(manifest) {
  /** @type {string[]} */
  const problems = [];
  for (const field of DEPENDENCY_FIELDS) {
    const specifiers = manifest[field];
    if (specifiers === undefined) continue;
    if (typeof specifiers !== "object" || specifiers === null) {
      problems.push(`${field} is not an object`);
      continue;
    }
    for (const [name, specifier] of Object.entries(specifiers)) {
      if (typeof specifier !== "string") {
        problems.push(`${field}[${JSON.stringify(name)}] is not a string`);
      } else if (WORKSPACE_ONLY_PROTOCOLS.some((protocol) => specifier.startsWith(protocol))) {
        problems.push(`${field}[${JSON.stringify(name)}] is ${JSON.stringify(specifier)}`);
      }
    }
  }
  return problems;
}

/**
 * Checks a packed tarball the way npm will see it and returns its manifest.
 *
 * @param {string} tarball
 * @returns {Promise<Record<string, unknown>>}
 * @throws {UnpublishableManifestError} when a dependency keeps a workspace-only protocol
 */
export async function assertPublishableTarball(tarball) {
  const manifest = await readPackedManifest(tarball);
  const problems = findWorkspaceOnlySpecifiers(manifest);
  if (problems.length > 0) throw new UnpublishableManifestError(tarball, problems);
  return manifest;
}

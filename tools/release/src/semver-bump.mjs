// @ts-check

/**
 * The version a release of the given kind moves `version` to (plain `major.minor.patch` only;
 * our packages have no pre-releases). Used to state what `changeset version` must produce.
 *
 * @param {string} version e.g. `0.3.1`
 * @param {"major" | "minor" | "patch"} kind
 * @returns {string}
 */
export function bumpVersion(version, kind) {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (match === null) throw new Error(`not a plain major.minor.patch version: ${JSON.stringify(version)}`);
  const [major, minor, patch] = match.slice(1).map(Number);
  if (major === undefined || minor === undefined || patch === undefined) throw new Error("unreachable");
  if (kind === "major") return `${major + 1}.0.0`;
  if (kind === "minor") return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

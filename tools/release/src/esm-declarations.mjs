// @ts-check
// One copy of a package's declarations for both module systems. tsup writes every declaration twice,
// `X.d.ts` (ESM, in a `"type": "module"` package) and `X.d.cts` (CommonJS), with the same text: for
// @org/zoom-api that is the 692 KB of generated `paths`/`operations` types, shipped twice. This step
// keeps the CommonJS declarations whole and turns each ESM entry's `X.d.ts` into one line,
// `export * from "./X.cjs"`: an ES module may import a CommonJS one (the other way round it may not,
// under TypeScript's node16 resolution), so both `import` and `require` consumers read the same types.
// The ESM copies of shared declaration chunks are then unused and removed.
import { access, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, posix, relative } from "node:path";
import ts from "typescript";

/** Thrown when a package's declarations cannot be shared: the message names the file and the reason. */
export class SharedDeclarationsError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = "SharedDeclarationsError";
  }
}

/**
 * What {@link shareDeclarations} did, with paths relative to the package directory.
 * @typedef {object} SharedDeclarations
 * @property {string[]} entries  ESM entry declarations now re-exporting their CommonJS twin
 * @property {string[]} removed  ESM copies of declaration chunks no entry needs any more
 */

/**
 * The text of an ESM entry declaration that re-exports its CommonJS twin.
 * @param {string} commonJsDeclaration file name of the twin, e.g. `index.d.cts`
 */
export function reExportOf(commonJsDeclaration) {
  return `export * from "./${commonJsDeclaration.replace(/\.d\.cts$/, ".cjs")}";\n`;
}

/**
 * ESM type entries of a manifest's `exports`: every `types` under an `import` condition, e.g. `./dist/index.d.ts`.
 * @param {unknown} exportsField
 * @returns {string[]}
 */
export function esmTypeEntries(exportsField) {
  /** @type {Set<string>} */
  const found = new Set();
  /** @param {unknown} node @param {boolean} underImport */
  const walk = (node, underImport) => {
    if (node === null || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      if (key === "types" && underImport && typeof value === "string") found.add(value);
      else walk(value, underImport || key === "import");
    }
  };
  walk(exportsField, false);
  return [...found].sort();
}

/**
 * Rewrites a built package's `dist` so its ESM entry declarations re-export the CommonJS ones (see the
 * file comment). Fails, naming the file, when an ESM entry has no CommonJS twin or the twin has a
 * default export (`export *` does not carry one, so the ESM types would lose it).
 * @param {string} packageDir a directory holding `package.json` and the built `dist/`
 * @returns {Promise<SharedDeclarations>}
 */
export async function shareDeclarations(packageDir) {
  const manifest = JSON.parse(await readFile(join(packageDir, "package.json"), "utf8"));
  const entries = esmTypeEntries(manifest.exports).map((entry) => posix.normalize(entry));
  for (const entry of entries) {
    if (!entry.endsWith(".d.ts")) throw new SharedDeclarationsError(`${entry}: an ESM types entry must end in .d.ts`);
    const twin = entry.replace(/\.d\.ts$/, ".d.cts");
    const twinText = await readFile(join(packageDir, twin), "utf8").catch(() => {
      throw new SharedDeclarationsError(`${twin} is missing: the ESM declarations of ${entry} re-export it (build the CommonJS declarations too)`);
    });
    if (hasDefaultExport(twin, twinText)) {
      throw new SharedDeclarationsError(`${twin} has a default export, which \`export *\` in ${entry} would not carry: keep both copies or export it by name`);
    }
    await writeFile(join(packageDir, entry), reExportOf(posix.basename(twin)));
  }

  // Declaration chunks (shared by several entries) exist once per module system; only the CommonJS ones are read now.
  const entryFiles = new Set(entries.map((entry) => join(packageDir, entry)));
  /** @type {string[]} */
  const removed = [];
  for (const file of await declarationFiles(join(packageDir, "dist"))) {
    if (!file.endsWith(".d.ts") || entryFiles.has(file)) continue;
    const twin = file.replace(/\.d\.ts$/, ".d.cts");
    if (!(await exists(twin))) continue;
    await rm(file);
    removed.push(relative(packageDir, file));
  }
  return { entries: entries.map((entry) => entry.replace(/^\.\//, "")), removed: removed.sort() };
}

/**
 * Whether a declaration file exports a default (`export default`, `export =`, `export { x as default }`).
 * @param {string} fileName
 * @param {string} text
 */
export function hasDefaultExport(fileName, text) {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  return source.statements.some((statement) => {
    if (ts.isExportAssignment(statement)) return true;
    if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      return statement.exportClause.elements.some((element) => element.name.text === "default");
    }
    const modifiers = ts.canHaveModifiers(statement) ? (ts.getModifiers(statement) ?? []) : [];
    return modifiers.some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword);
  });
}

/** @param {string} dir @returns {Promise<string[]>} */
async function declarationFiles(dir) {
  const found = await readdir(dir, { recursive: true, withFileTypes: true });
  return found.filter((entry) => entry.isFile() && /\.d\.c?ts$/.test(entry.name)).map((entry) => join(entry.parentPath, entry.name));
}

/** @param {string} file */
async function exists(file) {
  return access(file).then(
    () => true,
    () => false,
  );
}

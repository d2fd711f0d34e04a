// @ts-check
// One copy of the declarations that mean the same to both module systems. tsup writes every declaration
// file twice, `X.d.ts` (ESM, in a `"type": "module"` package) and `X.d.cts` (CommonJS), with the same
// text: for @org/zoom-api that is the 692 KB of generated `paths`/`operations` types, shipped twice.
//
// A declaration file that imports no package (only Node's built-in modules, or other such files of the
// same package) means the same whichever module system reads it. For those, this step keeps the `.d.cts`
// only: an ESM entry becomes `export * from "./X.cjs"` and the ESM declarations that imported an ESM
// copy import the `.cjs` one instead (an ES module may import a CommonJS one; the reverse is what
// TypeScript's node16 resolution refuses). A file that imports a package keeps both copies: its imports
// resolve with different conditions per module system (msw's CommonJS and ESM classes are distinct
// types, for instance), so sharing it would hand ESM users CommonJS types.
import { access, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join, posix, relative } from "node:path";
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
 * @property {string[]} entries     ESM entry declarations now re-exporting their CommonJS twin
 * @property {string[]} removed     ESM copies of shared declaration files, now read through their `.d.cts`
 * @property {string[]} rewritten   ESM declarations whose imports now point at a shared `.d.cts`
 */

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
 * A module specifier written in a declaration file, with where it sits in the text.
 * @typedef {{ text: string, start: number, end: number }} Specifier
 */

/**
 * Every module a declaration file refers to: imports, re-exports, `import("...")` types and
 * `/// <reference types="..." />` directives (positions are those of the specifier's text, quotes excluded).
 * @param {string} fileName
 * @param {string} text
 * @returns {Specifier[]}
 */
export function moduleSpecifiers(fileName, text) {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  /** @type {Specifier[]} */
  const found = source.typeReferenceDirectives.map((reference) => ({ text: reference.fileName, start: reference.pos, end: reference.end }));
  /** @param {ts.Node} node */
  const visit = (node) => {
    /** @type {ts.Expression | undefined} */
    let literal;
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) literal = node.moduleSpecifier;
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) literal = node.argument.literal;
    else if (ts.isExternalModuleReference(node)) literal = node.expression;
    else if (ts.isModuleDeclaration(node) && ts.isStringLiteral(node.name)) literal = node.name;
    if (literal && ts.isStringLiteral(literal)) found.push({ text: literal.text, start: literal.getStart(source) + 1, end: literal.getEnd() - 1 });
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
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

/**
 * Shares, in a built package's `dist`, every declaration file that means the same to both module
 * systems (see the file comment). Fails, naming the file, when an ESM entry has no CommonJS twin, or
 * when a shared entry has a default export (`export *` does not carry one).
 * @param {string} packageDir a directory holding `package.json` and the built `dist/`
 * @returns {Promise<SharedDeclarations>}
 */
export async function shareDeclarations(packageDir) {
  const manifest = JSON.parse(await readFile(join(packageDir, "package.json"), "utf8"));
  const entries = new Set(esmTypeEntries(manifest.exports).map((entry) => join(packageDir, posix.normalize(entry))));
  for (const entry of entries) {
    if (!entry.endsWith(".d.ts")) throw new SharedDeclarationsError(`${relative(packageDir, entry)}: an ESM types entry must end in .d.ts`);
    const twin = entry.replace(/\.d\.ts$/, ".d.cts");
    if (!(await exists(twin))) {
      throw new SharedDeclarationsError(`${relative(packageDir, twin)} is missing: every ESM types entry needs its CommonJS twin (build both formats)`);
    }
  }

  const files = await declarationFiles(join(packageDir, "dist"));
  /** @type {Map<string, Specifier[]>} */
  const commonJs = new Map();
  for (const file of files.filter((name) => name.endsWith(".d.cts"))) commonJs.set(file, moduleSpecifiers(file, await readFile(file, "utf8")));
  const shared = moduleSystemIndependent(commonJs);

  /** @type {SharedDeclarations} */
  const result = { entries: [], removed: [], rewritten: [] };
  /** @type {Set<string>} ESM twins of shared files, read through the `.d.cts` from now on */
  const replaced = new Set();
  for (const file of [...shared].sort()) {
    const esm = file.replace(/\.d\.cts$/, ".d.ts");
    if (!(await exists(esm))) continue;
    if (entries.has(esm)) {
      if (hasDefaultExport(file, await readFile(file, "utf8"))) {
        throw new SharedDeclarationsError(`${relative(packageDir, file)} has a default export, which \`export *\` in its ESM entry would not carry: export it by name`);
      }
      await writeFile(esm, `export * from "./${basename(file).replace(/\.d\.cts$/, ".cjs")}";\n`);
      result.entries.push(relative(packageDir, esm));
    } else {
      await rm(esm);
      result.removed.push(relative(packageDir, esm));
    }
    replaced.add(esm);
  }

  // ESM declarations that import a removed ESM copy (`./chunk.js`) import its `.d.cts` twin (`./chunk.cjs`).
  for (const file of files.filter((name) => name.endsWith(".d.ts") && !replaced.has(name))) {
    const text = await readFile(file, "utf8");
    const targets = moduleSpecifiers(file, text)
      .filter((specifier) => specifier.text.startsWith(".") && specifier.text.endsWith(".js"))
      .filter((specifier) => replaced.has(join(dirname(file), specifier.text.replace(/\.js$/, ".d.ts"))))
      .sort((a, b) => b.start - a.start);
    if (targets.length === 0) continue;
    let updated = text;
    for (const { text: specifier, start, end } of targets) updated = `${updated.slice(0, start)}${specifier.replace(/\.js$/, ".cjs")}${updated.slice(end)}`;
    await writeFile(file, updated);
    result.rewritten.push(relative(packageDir, file));
  }
  return { entries: result.entries.sort(), removed: result.removed.sort(), rewritten: result.rewritten.sort() };
}

/**
 * The declaration files that import no package: only `node:` built-ins and other such files, by a
 * relative path.
 * @param {Map<string, Specifier[]>} specifiersByFile
 * @returns {Set<string>}
 */
function moduleSystemIndependent(specifiersByFile) {
  const independent = new Set(specifiersByFile.keys());
  let changed = true;
  while (changed) {
    changed = false;
    for (const file of independent) {
      const ok = (specifiersByFile.get(file) ?? []).every(({ text }) => {
        if (text.startsWith("node:")) return true;
        if (!text.startsWith(".")) return false;
        return independent.has(join(dirname(file), text.replace(/\.c?js$/, ".d.cts")));
      });
      if (!ok) {
        independent.delete(file);
        changed = true;
      }
    }
  }
  return independent;
}

/** @param {string} dir @returns {Promise<string[]>} */
async function declarationFiles(dir) {
  const found = await readdir(dir, { recursive: true, withFileTypes: true });
  return found
    .filter((entry) => entry.isFile() && /\.d\.c?ts$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** @param {string} file */
async function exists(file) {
  return access(file).then(
    () => true,
    () => false,
  );
}

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";

/**
 * A package exports what its README documents, and nothing more. Each entry point (`.`, `./internal`,
 * `./server`...) has an API section in the README, a Markdown table between two markers whose first
 * column is the exported name in backticks and whose second is its kind:
 *
 * ```md
 * <!-- api:start @org/oauth-core -->
 * | name | kind | what it is |
 * | --- | --- | --- |
 * | `OAuth2Client` | class | ... |
 * | `OAuth2ClientOptions` | type | ... |
 * <!-- api:end -->
 * ```
 *
 * A kind of `type` (an interface or a type alias, or a class exported as a type only) exists only in
 * the declarations; every other kind (`class`, `function`, `const`) is a value a user can import at run
 * time. The checks compare that list with the built package as a user gets it: the runtime names of the
 * ESM and CommonJS files `exports` points to, and the names the declaration file exports (read with
 * the TypeScript compiler API), so a type exported by mistake is caught as well as a value.
 */

/** One row of a README's API table. */
export interface DocumentedName {
  readonly name: string;
  /** `type` for a declaration-only name; anything else (`class`, `function`, `const`) is a runtime value. */
  readonly kind: string;
}

/** One entry point of a package, as its `exports` map gives it. */
export interface PackageEntry {
  /** The import specifier, e.g. `@org/oauth-core/internal`. */
  readonly specifier: string;
  /** The ES module file. */
  readonly esm: string;
  /** The CommonJS file, when the entry has one. */
  readonly cjs: string | null;
  /** The declaration file for `import`. */
  readonly types: string;
}

/** What one entry point actually exports. */
export interface ExportedNames {
  /** Names importable at run time (ESM). */
  readonly runtime: readonly string[];
  /** Names `require()` gives, or `null` without a CommonJS file. */
  readonly commonJs: readonly string[] | null;
  /** Every name the declaration file exports, values and types. */
  readonly declared: readonly string[];
}

const START = /^<!--\s*api:start\s+(\S+)\s*-->\s*$/;
const END = /^<!--\s*api:end\s*-->\s*$/;

/**
 * Reads every API section of a README.
 * @returns the documented names per import specifier.
 * @throws Error for an unclosed section, a row without a backticked name, a name listed twice.
 */
export function readDocumentedApi(readme: string): Map<string, DocumentedName[]> {
  const sections = new Map<string, DocumentedName[]>();
  let current: { specifier: string; names: DocumentedName[] } | null = null;
  readme.split(/\r?\n/).forEach((line, index) => {
    const start = START.exec(line);
    if (start) {
      if (current) throw new Error(`line ${index + 1}: api:start inside the section of ${current.specifier}`);
      const specifier = start[1] ?? "";
      if (sections.has(specifier)) throw new Error(`line ${index + 1}: a second API section for ${specifier}`);
      current = { specifier, names: [] };
      return;
    }
    if (END.test(line)) {
      if (!current) throw new Error(`line ${index + 1}: api:end without api:start`);
      sections.set(current.specifier, current.names);
      current = null;
      return;
    }
    if (!current || !line.trimStart().startsWith("|")) return;
    const cells = line.trim().replace(/^\||\|$/g, "").split("|").map((cell) => cell.trim());
    const [first = "", kind = ""] = cells;
    // The header row and the separator row.
    if (/^-+$/.test(first.replaceAll(":", "")) || first === "name") return;
    const name = /^`([A-Za-z_$][\w$]*)`$/.exec(first)?.[1];
    if (name === undefined) throw new Error(`line ${index + 1}: the first cell must be one exported name in backticks, got ${first}`);
    if (kind === "") throw new Error(`line ${index + 1}: ${name} has no kind`);
    if (current.names.some((documented) => documented.name === name)) {
      throw new Error(`line ${index + 1}: ${name} is listed twice in ${current.specifier}`);
    }
    current.names.push({ name, kind });
  });
  if (current !== null) throw new Error(`the API section of ${(current as { specifier: string }).specifier} has no api:end`);
  return sections;
}

type Condition = string | { readonly [condition: string]: Condition };

/** The entry points of a package, from the `exports` of its package.json (not `./package.json`). */
export function listPackageEntries(packageDir: string): PackageEntry[] {
  const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as {
    name: string;
    exports: Record<string, Condition>;
  };
  return Object.entries(manifest.exports)
    .filter(([subpath]) => subpath !== "./package.json")
    .map(([subpath, target]) => {
      const specifier = subpath === "." ? manifest.name : `${manifest.name}/${subpath.slice(2)}`;
      const esm = pick(target, ["import", "default"]);
      const types = pick(target, ["import", "types"]);
      if (esm === null || types === null) throw new Error(`${specifier}: exports has no import.default or import.types`);
      const cjs = pick(target, ["require", "default"]);
      return {
        specifier,
        esm: resolve(packageDir, esm),
        cjs: cjs === null ? null : resolve(packageDir, cjs),
        types: resolve(packageDir, types),
      };
    });
}

function pick(target: Condition, path: readonly string[]): string | null {
  let node: Condition | undefined = target;
  for (const key of path) {
    if (typeof node !== "object" || node === null) return null;
    node = node[key];
  }
  return typeof node === "string" ? node : null;
}

/** Imports an entry as a user would (ESM and CommonJS) and reads its declaration file. */
export async function readExportedNames(entry: PackageEntry): Promise<ExportedNames> {
  const runtime = Object.keys(await import(pathToFileURL(entry.esm).href)).sort();
  const commonJs = entry.cjs === null ? null : Object.keys(createRequire(entry.cjs)(entry.cjs)).sort();
  return { runtime, commonJs, declared: declaredNames(entry.types) };
}

/** A TypeScript program over one built declaration file, resolving its imports as a bundler would. */
function declarationProgram(typesFile: string): ts.Program {
  return ts.createProgram([typesFile], {
    noEmit: true,
    skipLibCheck: true,
    types: [],
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    baseUrl: dirname(typesFile),
  });
}

/** Every name a declaration file exports, followed through re-exports and chunks. */
export function declaredNames(typesFile: string): string[] {
  const program = declarationProgram(typesFile);
  const source = program.getSourceFile(typesFile);
  if (source === undefined) throw new Error(`cannot read ${typesFile}`);
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (moduleSymbol === undefined) return [];
  return checker
    .getExportsOfModule(moduleSymbol)
    .map((symbol) => symbol.getName())
    .sort();
}

/**
 * Compares what an entry exports with what its README section documents.
 * @returns one line per difference; empty when they agree.
 */
export function comparePublicNames(documented: readonly DocumentedName[], exported: ExportedNames): string[] {
  const problems: string[] = [];
  const byName = new Map(documented.map((entry) => [entry.name, entry]));
  const runtime = new Set(exported.runtime);
  const declared = new Set(exported.declared);
  for (const name of exported.runtime) {
    const entry = byName.get(name);
    if (entry === undefined) problems.push(`${name}: exported at run time but not documented`);
    else if (entry.kind === "type") problems.push(`${name}: documented as a type but exported as a value`);
    if (!declared.has(name)) problems.push(`${name}: exported at run time but missing from the declarations`);
  }
  for (const name of exported.declared) {
    if (!runtime.has(name) && !byName.has(name)) problems.push(`${name}: exported as a type but not documented`);
  }
  for (const { name, kind } of documented) {
    if (!runtime.has(name) && !declared.has(name)) problems.push(`${name}: documented but not exported`);
    else if (kind !== "type" && !runtime.has(name)) problems.push(`${name}: documented as a ${kind} but exported as a type only`);
  }
  if (exported.commonJs !== null) {
    const commonJs = new Set(exported.commonJs);
    for (const name of exported.runtime) if (!commonJs.has(name)) problems.push(`${name}: missing from the CommonJS entry`);
    for (const name of exported.commonJs) if (!runtime.has(name)) problems.push(`${name}: exported by the CommonJS entry only`);
  }
  return problems.sort();
}

/**
 * The error names of a README's error table: the table whose header's first cell starts with "error"
 * (`| error | when |`), every backticked name of each row's first cell (a row may name an alias too).
 * @returns `null` when the README has no error table.
 */
export function readErrorTable(readme: string): string[] | null {
  const lines = readme.split(/\r?\n/);
  const header = lines.findIndex((line) => /^\|\s*error\b/i.test(line.trim()));
  if (header === -1) return null;
  const names: string[] = [];
  for (const line of lines.slice(header + 2)) {
    if (!line.trim().startsWith("|")) break;
    const first = line.trim().replace(/^\|/, "").split("|")[0] ?? "";
    names.push(...[...first.matchAll(/`([A-Za-z_$][\w$]*)`/g)].map((match) => match[1] ?? ""));
  }
  return names;
}

/**
 * The error classes a module exports: each exported constructor whose prototype is an `Error`'s,
 * by export name, with the name of the class it is (an alias names another class) and the `name` its
 * instances may carry (the string literals of the declared type of `name`, so no instance has to be
 * built; a base class lists its subclasses' names too).
 */
export function exportedErrorClasses(
  runtime: Record<string, unknown>,
  typesFile: string,
): Map<string, { readonly className: string | null; readonly names: readonly string[] }> {
  const errorNames = Object.keys(runtime).filter((key) => {
    const value = runtime[key];
    return typeof value === "function" && value.prototype instanceof Error;
  });
  const program = declarationProgram(typesFile);
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(typesFile);
  const moduleSymbol = source === undefined ? undefined : checker.getSymbolAtLocation(source);
  const exports = new Map((moduleSymbol ? checker.getExportsOfModule(moduleSymbol) : []).map((symbol) => [symbol.getName(), symbol]));
  return new Map(
    errorNames.map((exportName) => {
      const exported = exports.get(exportName);
      const symbol = exported && exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const nameProperty = symbol === undefined ? undefined : checker.getDeclaredTypeOfSymbol(symbol).getProperty("name");
      const nameType = nameProperty === undefined ? undefined : checker.getTypeOfSymbol(nameProperty);
      // A base class whose subclasses have names of their own declares them all: `"A" | "B"`.
      const literals = (nameType?.isUnion() ? nameType.types : nameType === undefined ? [] : [nameType]).flatMap((type) =>
        type.isStringLiteral() ? [type.value] : [],
      );
      return [exportName, { className: symbol?.getName() ?? null, names: literals }];
    }),
  );
}

import { readFileSync } from "node:fs";
import ts from "typescript";

/** A TypeScript code block of the README's Zoom guide, ready to run. */
export interface GuideBlock {
  /** The `###` heading the block stands under. */
  heading: string;
  /** Its position among the blocks under that heading (0 for the first). */
  index: number;
  source: string;
  /** Names the block imports or declares at its top level: what later blocks may use. */
  declares: string[];
}

const README = new URL("../../../../README.md", import.meta.url);

/** Reads the `ts` blocks of the README's "## Zoom guide" section, in order. */
export function readGuideBlocks(): GuideBlock[] {
  const markdown = readFileSync(README, "utf8");
  const start = markdown.indexOf("\n## Zoom guide\n");
  if (start === -1) throw new Error('README.md has no "## Zoom guide" section');
  const end = markdown.indexOf("\n## ", start + 1);
  const section = markdown.slice(start, end === -1 ? undefined : end);

  const blocks: GuideBlock[] = [];
  let heading = "";
  const counts = new Map<string, number>();
  for (const part of section.split(/^```/m).entries()) {
    const [i, text] = part;
    if (i % 2 === 0) {
      const headings = [...text.matchAll(/^### (.+)$/gm)];
      heading = headings.at(-1)?.[1] ?? heading;
    } else if (text.startsWith("ts\n")) {
      const source = text.slice("ts\n".length);
      const index = counts.get(heading) ?? 0;
      counts.set(heading, index + 1);
      blocks.push({ heading, index, source, declares: topLevelNames(source) });
    }
  }
  return blocks;
}

function topLevelNames(source: string): string[] {
  const file = ts.createSourceFile("block.ts", source, ts.ScriptTarget.ES2022);
  const names: string[] = [];
  const collect = (name: ts.BindingName): void => {
    if (ts.isIdentifier(name)) names.push(name.text);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) collect(element.name);
  };
  for (const statement of file.statements) {
    const bindings = ts.isImportDeclaration(statement) ? statement.importClause?.namedBindings : undefined;
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) names.push(element.name.text);
    }
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) collect(declaration.name);
    }
  }
  return names;
}

const AsyncFunction = (async () => {}).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<unknown>;

/**
 * Runs a block as the body of an async function. `scope` supplies the free variables the block reads
 * (what the reader's own code or earlier blocks would have defined); the result holds the names the
 * block declares. Its `import` lines read from `modules`, the test's own imports of the same public
 * package names, so the block and the test share one copy of each class.
 */
export async function runGuideBlock(
  block: GuideBlock,
  modules: Record<string, object>,
  scope: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const withImports = block.source.replace(/^import \{([^}]+)\} from "([^"]+)";$/gm, (_line, names: string, specifier: string) => {
    if (!(specifier in modules)) throw new Error(`the guide imports ${specifier}, which the test does not provide`);
    return `const {${names}} = __modules[${JSON.stringify(specifier)}];`;
  });
  if (/^import /m.test(withImports)) throw new Error(`an import in "${block.heading}" has a form the test cannot run`);
  const body = `${withImports}\nreturn { ${block.declares.join(", ")} };`;
  const { outputText } = ts.transpileModule(body, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
    reportDiagnostics: false,
  });
  // A block run again declares its names afresh, so they are not passed in.
  const inherited = Object.keys(scope).filter((name) => !block.declares.includes(name));
  const run = new AsyncFunction("__modules", ...inherited, outputText);
  return (await run(modules, ...inherited.map((name) => scope[name]))) as Record<string, unknown>;
}

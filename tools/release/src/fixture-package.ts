import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** A dual ESM/CommonJS package manifest shaped like ours, for fixtures that must pass every check. */
export function dualPackageManifest(name: string): Record<string, unknown> {
  return {
    name,
    version: "1.0.0",
    type: "module",
    license: "MIT",
    sideEffects: false,
    exports: {
      ".": {
        import: { types: "./dist/index.d.ts", default: "./dist/index.js" },
        require: { types: "./dist/index.d.cts", default: "./dist/index.cjs" },
      },
      "./package.json": "./package.json",
    },
    main: "./dist/index.cjs",
    module: "./dist/index.js",
    types: "./dist/index.d.cts",
    files: ["dist"],
    engines: { node: ">=20.19" },
  };
}

/** The built files a {@link dualPackageManifest} points at. */
export const dualPackageFiles: Readonly<Record<string, string>> = {
  "dist/index.js": "export const answer = 42;\n",
  "dist/index.cjs": '"use strict";\nexports.answer = 42;\n',
  "dist/index.d.ts": "export declare const answer: number;\n",
  "dist/index.d.cts": "export declare const answer: number;\n",
  "README.md": "# fixture\n\nA package made by a test.\n",
  LICENSE: "MIT\n",
};

/** Makes a fresh directory under the OS temp dir (outside the workspace, so no tool finds our lockfile). */
export function makeTempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `${prefix}-`));
}

/** Writes a package (manifest + files) into `dir` and returns `dir`. */
export async function writePackage(
  dir: string,
  manifest: Record<string, unknown>,
  files: Readonly<Record<string, string>>,
): Promise<string> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}

import { defineConfig, type Options } from "tsup";

/**
 * Every publishable package ships ESM, CommonJS and declarations for both. The package's `build` then
 * runs tools/release/src/esm-declarations-cli.mjs, which keeps one copy (the `.d.cts`) of each
 * declaration file that imports no package and so means the same to both module systems.
 */
const shared = { format: ["esm", "cjs"], dts: true, clean: true, target: "es2022", sourcemap: false } satisfies Options;

/**
 * The build of a package with more than one entry point. Splitting for CommonJS too (esbuild does it for
 * ESM only unless asked): the entries then share chunks, so each class exists once and `instanceof`
 * holds across `@org/x` and `@org/x/sub`.
 *
 * @param entry - The entry points, by output name (`{ index: "src/index.ts", server: "src/server.ts" }`).
 * @param options - Anything else that differs (declaration entries, for example).
 */
export function multiEntryConfig(entry: Record<string, string>, options: Options = {}) {
  return defineConfig({ ...shared, entry, splitting: true, ...options });
}

/** A package with one entry point, `src/index.ts`. */
export default defineConfig({ ...shared, entry: ["src/index.ts"] });

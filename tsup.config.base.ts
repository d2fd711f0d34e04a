import { defineConfig } from "tsup";

/**
 * Every publishable package ships ESM, CommonJS and declarations for both from `src/index.ts`. The
 * package's `build` then runs tools/release/src/esm-declarations-cli.mjs, which keeps one copy (the
 * `.d.cts`) of each declaration file that imports no package and so means the same to both module systems.
 */
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  target: "es2022",
  sourcemap: false,
});

import { defineConfig } from "tsup";

/**
 * Every publishable package ships ESM, CommonJS and declarations for both from `src/index.ts`. The
 * package's `build` then runs tools/release/src/esm-declarations-cli.mjs: the ESM `index.d.ts` becomes
 * `export * from "./index.cjs"`, so one copy of the declarations (`index.d.cts`) serves both.
 */
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  target: "es2022",
  sourcemap: false,
});

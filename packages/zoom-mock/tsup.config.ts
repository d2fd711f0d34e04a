import { defineConfig } from "tsup";

/**
 * Like ../../tsup.config.base.ts, with a second entry: the real HTTP server (`@org/zoom-mock/server`).
 * Splitting for CommonJS too (esbuild does it for ESM only unless asked): both entries then share one
 * chunk, so `require("@org/zoom-mock")` and `require("@org/zoom-mock/server")` load one copy of the
 * mock (and of its bundled specs, about 1 MB) and its classes are the same on both sides.
 */
export default defineConfig({
  entry: ["src/index.ts", "src/server.ts"],
  format: ["esm", "cjs"],
  splitting: true,
  dts: true,
  clean: true,
  target: "es2022",
  sourcemap: false,
});

import { defineConfig } from "tsup";

/**
 * Like ../../tsup.config.base.ts, with two more entries: the real HTTP server (`@org/zoom-mock/server`)
 * and the `zoom-mock` command (`dist/bin/zoom-mock.js`, which keeps its `#!` line).
 * Splitting for CommonJS too (esbuild does it for ESM only unless asked): the entries then share one
 * chunk, so `require("@org/zoom-mock")` and `require("@org/zoom-mock/server")` load one copy of the
 * mock (and of its bundled specs, about 1 MB) and its classes are the same on both sides.
 */
export default defineConfig({
  entry: { index: "src/index.ts", server: "src/server.ts", "bin/zoom-mock": "src/bin/zoom-mock.ts" },
  format: ["esm", "cjs"],
  splitting: true,
  dts: true,
  clean: true,
  target: "es2022",
  sourcemap: false,
});

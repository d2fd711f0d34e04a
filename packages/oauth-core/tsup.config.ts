import { defineConfig } from "tsup";

/**
 * Like ../../tsup.config.base.ts, with a second entry: `@org/oauth-core/internal`, what the SDK's own
 * packages share beyond the public API. Splitting for CommonJS too (esbuild does it for ESM only unless
 * asked): both entries then load one copy of the error classes, so `instanceof` holds across them.
 */
export default defineConfig({
  entry: { index: "src/index.ts", internal: "src/internal.ts" },
  format: ["esm", "cjs"],
  splitting: true,
  dts: true,
  clean: true,
  target: "es2022",
  sourcemap: false,
});

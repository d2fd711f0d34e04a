import { defineConfig } from "tsup";

/**
 * Like ../../tsup.config.base.ts, with the generated spec types (`paths`, `operations`, `components`:
 * about 690 KB) as a declaration file of their own, `zoom-api-types.d.cts`. They import nothing, so the
 * build's last step (tools/release/src/esm-declarations-cli.mjs) ships them once for ESM and CommonJS
 * instead of inside both `index.d.ts` and `index.d.cts`.
 */
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: { entry: { index: "src/index.ts", "zoom-api-types": "src/generated/zoom-api.ts" } },
  clean: true,
  target: "es2022",
  sourcemap: false,
});

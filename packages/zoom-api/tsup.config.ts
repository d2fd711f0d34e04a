import { defineConfig } from "tsup";

/**
 * Like ../../tsup.config.base.ts, with the generated spec types (`paths`, `operations`, `components`:
 * about 690 KB) as a declaration file of their own, `zoom-api-types.d.cts`. They import nothing, so the
 * build's last step (tools/release/src/esm-declarations-cli.mjs) ships them once for ESM and CommonJS
 * instead of inside both `index.d.ts` and `index.d.cts`. A second entry, `@org/zoom-api/scopes`, holds the
 * generated table of every operation's scopes, so only clients that check scopes carry it. Splitting for
 * CommonJS too (esbuild does it for ESM only unless asked): both entries then load one copy of
 * `ZoomScopeError` and the option checks, so `instanceof` holds across them.
 */
export default defineConfig({
  entry: { index: "src/index.ts", scopes: "src/scopes.ts" },
  format: ["esm", "cjs"],
  splitting: true,
  dts: { entry: { index: "src/index.ts", scopes: "src/scopes.ts", "zoom-api-types": "src/generated/zoom-api.ts" } },
  clean: true,
  target: "es2022",
  sourcemap: false,
});

import { defineConfig } from "tsup";

/** The demo is an app, not a library: one ESM entry point, dependencies left to node_modules. */
export default defineConfig({
  entry: ["src/main.ts"],
  format: ["esm"],
  target: "node20",
  platform: "node",
  clean: true,
  dts: false,
  sourcemap: false,
});

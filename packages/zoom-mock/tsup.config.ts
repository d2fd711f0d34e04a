import { defineConfig } from "tsup";

/** Like ../../tsup.config.base.ts, with a second entry: the real HTTP server (`@org/zoom-mock/server`). */
export default defineConfig({
  entry: ["src/index.ts", "src/server.ts"],
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  target: "es2022",
  sourcemap: false,
});

import { defineConfig } from "tsup";

/** Every publishable package ships ESM, CommonJS and declarations for both from `src/index.ts`. */
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  target: "es2022",
  sourcemap: false,
});

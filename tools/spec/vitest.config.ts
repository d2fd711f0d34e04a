import { defineConfig, mergeConfig } from "vitest/config";
import shared from "../../vitest.shared.ts";

export default mergeConfig(
  shared,
  defineConfig({
    test: {
      // test-fixtures/ holds *.test.ts files that are inputs of spec:coverage, not tests to run.
      include: ["src/**/*.test.ts"],
    },
  }),
);

import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // test-fixtures/ holds *.test.ts files that are inputs of spec:coverage, not tests to run.
    include: ["src/**/*.test.ts"],
  },
});

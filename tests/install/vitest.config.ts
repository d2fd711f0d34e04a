import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // One `npm install` from the registry (or npm's cache) and real `tsc` runs.
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});

import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // A real browser and two real HTTP servers per test: a cold Chromium start alone can take seconds on 2 cores.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

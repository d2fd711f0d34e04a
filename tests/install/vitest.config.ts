import { defineConfig, mergeConfig } from "vitest/config";
import shared from "../../vitest.shared.ts";

export default mergeConfig(
  shared,
  defineConfig({
    test: {
      // One `npm install` from the registry (or npm's cache) and real `tsc` runs: spawned processes get a
      // budget far above the seconds they need alone.
      testTimeout: 300_000,
      hookTimeout: 600_000,
    },
  }),
);

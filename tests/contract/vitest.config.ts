import { defineConfig, mergeConfig } from "vitest/config";
import shared from "../../vitest.shared.ts";

export default mergeConfig(
  shared,
  defineConfig({
    test: {
      // Empties the run's record (tests/contract/contract-run) and reads the spec's operations once.
      globalSetup: ["src/contract-run.global-setup.ts"],
    },
  }),
);

import { defineConfig, mergeConfig } from "vitest/config";
import shared from "../../vitest.shared.ts";

export default mergeConfig(
  shared,
  defineConfig({
    test: {
      // These tests pack tarballs and run real CLIs (npm pack, pnpm install, changeset version): spawned
      // processes get a budget far above the seconds they need alone.
      testTimeout: 300_000,
      hookTimeout: 300_000,
    },
  }),
);

import { defineConfig, mergeConfig } from "vitest/config";
import shared from "../../vitest.shared.ts";

export default mergeConfig(
  shared,
  defineConfig({
    test: {
      // Each property runs hundreds of real requests; the per-test budget is set in the files from
      // the run count. One file at a time keeps two busy cores from starving the loopback servers.
      fileParallelism: false,
    },
  }),
);

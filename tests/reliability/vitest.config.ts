import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Each property runs hundreds of real requests; the per-test budget is set in the files from
    // the run count. One file at a time keeps two busy cores from starving the loopback servers.
    fileParallelism: false,
  },
});

import { defineConfig } from "vitest/config";

/**
 * What every workspace's vitest config starts from. A test's timeout is a guard against a hang, never a
 * speed budget: CI runs on two cores with several suites at once, where vitest's 5 s default failed tests
 * that take 50 ms alone. Tests about time use fake timers or an injected clock instead; a test that spawns a
 * process sets its own, larger budget.
 */
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

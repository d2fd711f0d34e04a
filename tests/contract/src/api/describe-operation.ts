import type { operations } from "@org/zoom-api";
import { describe } from "vitest";

/**
 * A `describe` block for the contract tests of one operation, named by its operationId (a misspelt one
 * is a type error), for operations tested through the typed client rather than a table row. What counts
 * for `pnpm spec:coverage` is what the mock served during the run, not this name.
 */
export function describeOperation(operationId: keyof operations, body: () => void): void {
  describe(operationId, body);
}

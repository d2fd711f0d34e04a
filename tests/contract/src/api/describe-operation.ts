import { describe } from "vitest";

/**
 * A `describe` block for the contract tests of one operation, named by its operationId (the form
 * `pnpm spec:coverage` reads), for operations tested through the typed client rather than a table row.
 */
export function describeOperation(operationId: string, body: () => void): void {
  describe(operationId, body);
}

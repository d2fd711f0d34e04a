import type { SpecViolation } from "./validation/spec-validator.js";

/** One line per violation: `request POST /oauth/token: body must have required property 'code_verifier'`. */
export function formatViolation(violation: SpecViolation): string {
  return `${violation.side} ${violation.operation}: ${violation.message}`;
}

/**
 * Thrown by `zoom.assertNoViolations()` when a request or response seen by the mock broke the spec.
 * The message lists every violation; values are never quoted, so no secret can leak through it.
 */
export class SpecViolationError extends Error {
  override readonly name = "SpecViolationError";
  /** The violations, in the order they were seen. */
  readonly violations: readonly SpecViolation[];

  constructor(violations: readonly SpecViolation[]) {
    super(
      `The Zoom mock saw ${violations.length} spec violation${violations.length === 1 ? "" : "s"}:\n${violations
        .map((violation) => `  - ${formatViolation(violation)}`)
        .join("\n")}`,
    );
    this.violations = [...violations];
  }
}

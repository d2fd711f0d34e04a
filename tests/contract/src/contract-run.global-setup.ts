import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CONTRACT_RUN_FOLDER } from "@org-internal/spec-tools/contract-run-log";
import { loadDocument } from "@org-internal/spec-tools/openapi-documents";
import { listSpecOperations } from "@org-internal/spec-tools/operation-coverage";
import type { TestProject } from "vitest/node";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** An operation of specs/zoom-api.yaml as the contract tests call it: its method and path template. */
export interface SpecOperationRoute {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    /** Every operation of specs/zoom-api.yaml by operationId (read once per run, not once per test file). */
    specOperations: Record<string, SpecOperationRoute>;
  }
}

/**
 * Before the contract run: an empty record (so `spec:coverage` and `spec:completeness` never read a
 * previous run's lines), and the spec's operations for the tests to look their routes up by operationId.
 */
export default async function setup(project: TestProject): Promise<void> {
  const record = join(repoRoot, CONTRACT_RUN_FOLDER);
  await rm(record, { recursive: true, force: true });
  await mkdir(record, { recursive: true });

  const { operations } = listSpecOperations(loadDocument(join(repoRoot, "specs/zoom-api.yaml")).document);
  project.provide(
    "specOperations",
    Object.fromEntries(operations.map(({ operationId, method, path }) => [operationId, { method: method as SpecOperationRoute["method"], path }])),
  );
}

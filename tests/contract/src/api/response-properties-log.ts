import { appendFileSync } from "node:fs";
import { join } from "node:path";
import type { ZoomMock } from "@org/zoom-mock";
import type { SetupServer } from "msw/node";

/**
 * The environment variable naming a folder where the API contract tests log, for each successful JSON
 * answer of the mock, the operation and the names of the body's top-level properties (never values).
 * `pnpm spec:completeness` sets it, runs these tests, and compares the names with Zoom's documents.
 */
export const RESPONSE_LOG_ENV = "ZOOM_MOCK_RESPONSE_LOG";

/** One line of the log (JSON Lines). */
export interface LoggedResponse {
  operationId: string;
  status: number;
  properties: string[];
}

/**
 * Logs the mock's successful JSON answers when {@link RESPONSE_LOG_ENV} is set (a no-op otherwise).
 * Returns a function that waits for the bodies still being read; call it before the file's tests end.
 */
export function recordResponseProperties(server: SetupServer, zoom: ZoomMock): () => Promise<void> {
  const folder = process.env[RESPONSE_LOG_ENV];
  if (!folder) return async () => {};
  // One file per test worker, so parallel workers never interleave lines.
  const file = join(folder, `responses-${process.pid}.jsonl`);
  const pending: Promise<void>[] = [];
  server.events.on("response:mocked", ({ request, response }) => {
    const match = zoom.validators.api?.matchOperation(request.method, new URL(request.url));
    const contentType = response.headers.get("content-type") ?? "";
    if (!match?.operationId || response.status < 200 || response.status > 299 || !contentType.includes("json")) return;
    const operationId = match.operationId;
    pending.push(
      response
        .clone()
        .text()
        .then((text: string) => {
          const body: unknown = JSON.parse(text);
          if (typeof body !== "object" || body === null || Array.isArray(body)) return;
          const line: LoggedResponse = { operationId, status: response.status, properties: Object.keys(body) };
          appendFileSync(file, `${JSON.stringify(line)}\n`);
        }),
    );
  });
  return async () => {
    await Promise.all(pending);
  };
}

import type { ZoomClient } from "@org/zoom-api";
import type { ZoomMock } from "@org/zoom-mock";
import { TYPED_CLIENT_HEADER } from "@org-internal/spec-tools/contract-run-log";
import type { SetupServer } from "msw/node";
import { recordEntry } from "../contract-run-record.js";

/**
 * Records every API request the mock answers: its operation, status, whether the typed client sent it,
 * and for a 2xx JSON object the names of the body's top-level properties (never values). `spec:coverage`
 * counts the operations served to the typed client from it; `spec:completeness` compares the names with
 * Zoom's documents. Returns a function that waits for the bodies still being read; call it before the
 * file's tests end.
 */
export function recordServedRequests(server: SetupServer, zoom: ZoomMock): () => Promise<void> {
  const pending: Promise<void>[] = [];
  server.events.on("response:mocked", ({ request, response }) => {
    const match = zoom.validators.api?.matchOperation(request.method, new URL(request.url));
    if (!match?.operationId) return;
    const served = {
      kind: "api",
      operationId: match.operationId,
      method: request.method.toUpperCase(),
      status: response.status,
      typedClient: request.headers.get(TYPED_CLIENT_HEADER) === "1",
    } as const;
    const json = (response.headers.get("content-type") ?? "").includes("json");
    if (response.status < 200 || response.status > 299 || !json) {
      recordEntry(served);
      return;
    }
    pending.push(
      response
        .clone()
        .text()
        .then((text: string) => {
          const body: unknown = text === "" ? undefined : JSON.parse(text);
          const isObject = typeof body === "object" && body !== null && !Array.isArray(body);
          recordEntry(isObject ? { ...served, properties: Object.keys(body) } : served);
        }),
    );
  });
  return async () => {
    await Promise.all(pending);
  };
}

/**
 * Marks a typed client's requests (see {@link TYPED_CLIENT_HEADER}), so the record tells them from raw
 * `fetch` calls. The mock ignores the header.
 */
export function markTypedClient(client: ZoomClient): ZoomClient {
  client.use({
    onRequest({ request }) {
      request.headers.set(TYPED_CLIENT_HEADER, "1");
      return request;
    },
  });
  return client;
}

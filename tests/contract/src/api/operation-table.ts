import type { operations } from "@org/zoom-api";
import type { ZoomMock, ZoomMockApi, ZoomMockOptions } from "@org/zoom-mock";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { createZoomClient, type ZoomClient } from "@org/zoom-api";
import { ADMIN_MANAGED_APP_SCOPES, signIn, useZoomApiMock } from "./api-fixture.js";
import { markTypedClient } from "./served-requests-log.js";

/** What a row's hooks get: the mock's API side and the signed-in user. */
export interface World {
  api: ZoomMockApi;
  userId: string;
}

/**
 * One row of an operation table: a request that satisfies specs/zoom-api.yaml and the status the
 * spec documents for it. The row names its operation by operationId (a misspelt one is a type error);
 * the method and path template come from the spec.
 */
export interface OperationCase {
  operationId: keyof operations;
  /** Creates what the call needs and gives the path parameters. */
  arrange?: (world: World) => Record<string, string | number>;
  query?: Record<string, string>;
  body?: unknown | ((params: Record<string, string | number>) => unknown);
  status: number;
  /** Checks the answer's body (and, through `world`, the model's state). */
  check?: (body: Record<string, unknown>, params: Record<string, string | number>, world: World) => void;
}

/** What {@link useOperationTable} gives a test file. */
export interface OperationTable {
  zoom: ZoomMock;
  api: ZoomMockApi;
  ada: () => ZoomMock["defaultUser"];
  newMeeting: (world: World, input?: Record<string, unknown>) => ReturnType<ZoomMockApi["createMeeting"]>;
  newWebinar: (world: World, input?: Record<string, unknown>) => ReturnType<ZoomMockApi["createWebinar"]>;
  run(title: string, cases: readonly OperationCase[]): void;
}

/** The method and path template of an operation of specs/zoom-api.yaml (read by the run's global setup). */
export function routeOf(operationId: keyof operations): { method: string; path: string } {
  const route = inject("specOperations")[operationId];
  if (route === undefined) throw new Error(`specs/zoom-api.yaml has no operation "${operationId}"`);
  return route;
}

/** The typed client's `request`, for a route known only at run time: the rows check their own bodies. */
type AnyRequest = (
  method: string,
  path: string,
  init: { params: { path: Record<string, string | number>; query?: Record<string, string> }; body?: unknown },
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/**
 * A mock signed in as its default user (the account's owner, through an admin-managed app: every
 * operation's scopes are granted), with helpers to create what rows need, and `run(title, cases)`
 * to turn a table into tests. Each test sends the row's request through the typed client
 * (`@org/zoom-api`) with the user's token, expects the documented status and a tracking id, runs the
 * row's checks, and (through the fixture's `afterEach`) fails on any spec violation of the request or
 * the answer. `options` go to the mock (a test clock, for tables whose answers depend on the date).
 */
export function useOperationTable(options: ZoomMockOptions = {}): OperationTable {
  const { zoom, api } = useZoomApiMock({ defaultAppScopes: ADMIN_MANAGED_APP_SCOPES, ...options });
  let client: ZoomClient | undefined;
  beforeAll(async () => {
    // No retries: a row expects the mock's first answer.
    client = markTypedClient(createZoomClient({ accessToken: (await signIn(zoom)).accessToken(), maxRetries: 0 }));
  });
  return {
    zoom,
    api,
    ada: () => zoom.defaultUser,
    newMeeting: (world: World, input: Record<string, unknown> = {}) => world.api.createMeeting(world.userId, { topic: "Contract", ...input }),
    newWebinar: (world: World, input: Record<string, unknown> = {}) => world.api.createWebinar(world.userId, { topic: "Contract webinar", ...input }),
    run(title: string, cases: readonly OperationCase[]): void {
      const rows = cases.map((operation) => ({ ...operation, ...routeOf(operation.operationId) }));
      describe(title, () => {
        it.each(rows)("$operationId: $method $path -> $status", async (operation) => {
          if (client === undefined) throw new Error("the typed client is made in beforeAll");
          const world: World = { api, userId: zoom.defaultUser.id };
          const params = operation.arrange?.(world) ?? {};
          const body = typeof operation.body === "function" ? operation.body(params) : operation.body;
          const request = client.request as unknown as AnyRequest;
          const { data, error, response } = await request(operation.method.toLowerCase(), operation.path, {
            params: { path: params, ...(operation.query ? { query: operation.query } : {}) },
            ...(body === undefined ? {} : { body }),
          });
          expect(response.status, JSON.stringify(error ?? data)).toBe(operation.status);
          expect(response.headers.get("x-zm-trackingid")).toBeTruthy();
          const parsed = (data ?? error ?? {}) as Record<string, unknown>;
          operation.check?.(parsed, params, world);
          expect(zoom.violations).toEqual([]);
        });
      });
    },
  };
}

import type { ZoomMockApi, ZoomMockOptions } from "@org/zoom-mock";
import { beforeAll, describe, expect, it } from "vitest";
import { callApi, signIn, useZoomApiMock } from "./api-fixture.js";

/** What a row's hooks get: the mock's API side and the signed-in user. */
export interface World {
  api: ZoomMockApi;
  userId: string;
}

/**
 * One row of an operation table: a request that satisfies specs/zoom-api.yaml and the status the
 * spec documents for it. `pnpm spec:coverage` reads each row's literal `operationId`.
 */
export interface OperationCase {
  operationId: string;
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** The spec's path template. */
  path: string;
  /** Creates what the call needs and gives the path parameters. */
  arrange?: (world: World) => Record<string, string | number>;
  query?: Record<string, string>;
  body?: unknown | ((params: Record<string, string | number>) => unknown);
  status: number;
  /** Checks the answer's body (and, through `world`, the model's state). */
  check?: (body: Record<string, unknown>, params: Record<string, string | number>, world: World) => void;
}

function fillPath(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{([^}]+)\}/g, (_whole, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for {${name}} in ${template}`);
    return encodeURIComponent(String(value));
  });
}

/**
 * A mock signed in as its default user, with helpers to create what rows need, and `run(title, cases)`
 * to turn a table into tests. Each test sends the row's request with the user's bearer token,
 * expects the documented status and a tracking id, runs the row's checks, and (through the
 * fixture's `afterEach`) fails on any spec violation of the request or the answer. `options` go to
 * the mock (a test clock, for tables whose answers depend on the date).
 */
export function useOperationTable(options: ZoomMockOptions = {}) {
  const { zoom, api } = useZoomApiMock(options);
  let accessToken = "";
  beforeAll(async () => {
    accessToken = (await signIn(zoom)).accessToken();
  });
  return {
    zoom,
    api,
    ada: () => zoom.defaultUser,
    newMeeting: (world: World, input: Record<string, unknown> = {}) => world.api.createMeeting(world.userId, { topic: "Contract", ...input }),
    newWebinar: (world: World, input: Record<string, unknown> = {}) => world.api.createWebinar(world.userId, { topic: "Contract webinar", ...input }),
    run(title: string, cases: readonly OperationCase[]): void {
      describe(title, () => {
        it.each(cases)("$operationId: $method $path -> $status", async (operation) => {
          const world: World = { api, userId: zoom.defaultUser.id };
          const params = operation.arrange?.(world) ?? {};
          const query = operation.query ? `?${new URLSearchParams(operation.query)}` : "";
          const body = typeof operation.body === "function" ? operation.body(params) : operation.body;
          const response = await callApi(accessToken, operation.method, `${fillPath(operation.path, params)}${query}`, body);
          const text = await response.text();
          expect(response.status, text).toBe(operation.status);
          expect(response.headers.get("x-zm-trackingid")).toBeTruthy();
          const parsed = text === "" ? {} : (JSON.parse(text) as Record<string, unknown>);
          operation.check?.(parsed, params, world);
          expect(zoom.violations).toEqual([]);
        });
      });
    },
  };
}

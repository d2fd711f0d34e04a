import { createZoomClient, paginate, unwrap, type ZoomClient } from "@org/zoom-api";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anyAnswer, jsonAnswer, materialize } from "./answers.js";
import { checkProperty, expectDocumented, expectNoSecret, PROPERTY_TIMEOUT_MS, recovers, settle, TIMEOUT_MS, tick, useServers } from "./checks.js";
import { API_TOKEN, healthyZoom } from "./zoom-servers.js";

// The documented errors of a call (README of @org/zoom-api): no answer, a refused redirect, an
// unreadable success body, and, with throwOnError or unwrap, the API's own error.
const CALL_ERRORS = ["ZoomNetworkError", "ZoomTimeoutError", "ZoomRedirectError", "ZoomResponseBodyError", "ZoomApiError"];
const PAGINATE_ERRORS = [...CALL_ERRORS, "ZoomPaginationError"];

type Result = { data?: unknown; error?: unknown; response: Response };
type LooseCall = (path: string, init?: Record<string, unknown>) => Promise<Result>;

function loose(client: ZoomClient): Record<"GET" | "POST" | "PUT" | "PATCH" | "DELETE", LooseCall> {
  return client as unknown as Record<"GET" | "POST" | "PUT" | "PATCH" | "DELETE", LooseCall>;
}

/** Every shape of call the client makes: methods, path and query parameters, JSON and multipart bodies, a streamed body. */
const SHAPES: Record<string, (client: ZoomClient, signal: AbortSignal) => Promise<Result>> = {
  "GET no parameters": (client) => loose(client).GET("/users/me"),
  "GET path parameter": (client) => loose(client).GET("/users/{userId}", { params: { path: { userId: "me" } } }),
  "GET query": (client) => loose(client).GET("/users", { params: { query: { page_size: 30, status: "active" } } }),
  "POST JSON": (client) => loose(client).POST("/users", { body: { action: "create", user_info: { email: "a@example.com", type: 1 } } }),
  "PATCH JSON": (client) => loose(client).PATCH("/users/{userId}", { params: { path: { userId: "me" } }, body: { first_name: "A" } }),
  "PUT JSON": (client) =>
    loose(client).PUT("/meetings/{meetingId}/polls/{pollId}", { params: { path: { meetingId: 1, pollId: "p" } }, body: { title: "t" } }),
  DELETE: (client) => loose(client).DELETE("/meetings/{meetingId}", { params: { path: { meetingId: 1 } } }),
  "POST multipart": (client) =>
    loose(client).POST("/users/{userId}/picture", {
      params: { path: { userId: "me" } },
      body: { pic_file: new Blob([new Uint8Array([137, 80, 78, 71])], { type: "image/png" }) },
    }),
  // A body wanted as a stream is the caller's to read and to stop with its signal (README).
  "GET streamed": async (client, signal) => {
    const result = await loose(client).GET("/users/me", { parseAs: "stream", signal });
    const stream = result.data as ReadableStream<Uint8Array> | undefined;
    if (stream) {
      const reader = stream.getReader();
      while (!(await reader.read()).done);
    }
    return result;
  },
};

const options = fc.record({
  throwOnError: fc.boolean(),
  useUnwrap: fc.boolean(),
  maxRetries: fc.integer({ min: 0, max: 1 }),
  retryNonIdempotent: fc.boolean(),
  onUnauthorized: fc.boolean(),
});

const servers = useServers(healthyZoom);

function clientFor(origin: string, settings: { throwOnError: boolean; maxRetries: number; retryNonIdempotent: boolean; onUnauthorized: boolean }): ZoomClient {
  return createZoomClient({
    baseUrl: `${origin}/v2`,
    getAccessToken: () => API_TOKEN,
    timeoutMs: TIMEOUT_MS,
    maxRetries: settings.maxRetries,
    retryNonIdempotent: settings.retryNonIdempotent,
    throwOnError: settings.throwOnError,
    onUnauthorized: settings.onUnauthorized ? () => {} : undefined,
    testing: { sleep: async () => {} },
  });
}

describe("API calls under any answer", () => {
  it("every call shape: settles, documented errors, no token leaks, nothing sent elsewhere, the next call succeeds", { timeout: PROPERTY_TIMEOUT_MS }, async () => {
    const { server, elsewhere, misbehave, behave, reset } = servers.get();
    await checkProperty(
      "zoom-api every call shape",
      fc.asyncProperty(anyAnswer, fc.constantFrom(...Object.keys(SHAPES)), options, async (answer, shapeName, settings) => {
        reset();
        misbehave(answer);
        const client = clientFor(server.origin, settings);
        const shape = SHAPES[shapeName];
        if (shape === undefined) throw new Error(shapeName);
        // Attempts: retries, plus the one extra after a 401 with onUnauthorized.
        const deadline = TIMEOUT_MS * (settings.maxRetries + 2);
        const streamStop = AbortSignal.timeout(deadline);
        const call = settings.useUnwrap ? unwrap(shape(client, streamStop)) : shape(client, streamStop);
        const outcome = await settle(call, deadline);
        if (!outcome.ok) {
          if (shapeName === "GET streamed" && outcome.error === streamStop.reason) {
            // The caller's own signal ended the stream it was reading: its reason, as fetch does.
          } else {
            expectDocumented(outcome.error, CALL_ERRORS);
            expectNoSecret(outcome.error, [API_TOKEN]);
          }
        }
        expect(elsewhere.requests).toEqual([]);
        behave();
        await recovers(() => unwrap(shape(client, new AbortController().signal)), deadline);
        await tick();
        expect(servers.unhandled).toEqual([]);
      }),
    );
  });

  it("paginate: settles, documented errors, stops at maxPages, no token leaks", { timeout: PROPERTY_TIMEOUT_MS }, async () => {
    const { server, elsewhere, behave, reset } = servers.get();
    const context = { elsewhere: elsewhere.origin };
    const maxPages = 3;
    await checkProperty(
      "zoom-api paginate",
      fc.asyncProperty(
        fc.array(fc.oneof({ arbitrary: fc.constant("next-page" as const), weight: 3 }, { arbitrary: anyAnswer, weight: 1 }), { maxLength: 2 }),
        fc.constantFrom("last-page", "endless", "repeat"),
        // Retries are the call property's subject; here one attempt per page keeps runs short.
        options.map((settings) => ({ ...settings, maxRetries: 0 })),
        async (answers, afterwards, settings) => {
          reset();
          let page = 0;
          server.respond = (request) => {
            const spec = answers[page++];
            if (spec !== undefined && spec !== "next-page") return materialize(spec, request, context);
            if (spec === "next-page" || afterwards === "endless") return jsonAnswer(200, { users: [{ id: String(page) }], next_page_token: `token-${page}` });
            if (afterwards === "repeat") return jsonAnswer(200, { users: [], next_page_token: "token-same" });
            return jsonAnswer(200, { users: [], next_page_token: "" });
          };
          const client = clientFor(server.origin, settings);
          const pages: unknown[] = [];
          const walk = (async () => {
            for await (const onePage of paginate(client, "/users", { maxPages, params: { query: { page_size: 300 } } })) pages.push(onePage);
          })();
          const outcome = await settle(walk, TIMEOUT_MS * (settings.maxRetries + 2) * (maxPages + 1));
          expect(pages.length).toBeLessThanOrEqual(maxPages);
          if (!outcome.ok) {
            expectDocumented(outcome.error, PAGINATE_ERRORS);
            expectNoSecret(outcome.error, [API_TOKEN]);
          }
          if (afterwards === "endless" && answers.every((answer) => answer === "next-page")) {
            // Only healthy pages, for ever: paginate must stop at maxPages (unless a page timed out on a busy machine).
            if (outcome.ok) throw new Error("paginate finished an endless listing");
            const error = outcome.error as { name: string; reason?: string; timedOut?: boolean };
            if (error.timedOut !== true) expect(`${error.name} ${error.reason}`).toBe("ZoomPaginationError page_limit");
          }
          expect(elsewhere.requests).toEqual([]);
          behave();
          await recovers(async () => {
            for await (const _page of paginate(client, "/users")) {
              // drain
            }
          }, TIMEOUT_MS * 4);
          await tick();
          expect(servers.unhandled).toEqual([]);
        },
      ),
    );
  });
});

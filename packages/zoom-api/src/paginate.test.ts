import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { createZoomClient } from "./create-zoom-client.js";
import type { components, paths } from "./generated/zoom-api.js";
import { type PaginatedPath, paginate, paginateItems, ZoomPaginationError } from "./paginate.js";
import { ZoomApiError } from "./zoom-api-error.js";

const API = "https://api.zoom.us/v2";
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

type Meeting = components["schemas"]["MeetingListPage"]["meetings"][number];

/** Serves `count` meetings in pages of `page_size`, with next_page_token "p<n>" and an empty token on the last page. */
function serveMeetings(count: number, lastToken: "" | undefined = "") {
  const queries: Record<string, string>[] = [];
  server.use(
    http.get(`${API}/users/:userId/meetings`, ({ request }) => {
      const query = Object.fromEntries(new URL(request.url).searchParams);
      queries.push(query);
      const pageSize = Number(query.page_size ?? 30);
      const start = query.next_page_token ? Number(query.next_page_token.slice(1)) : 0;
      const meetings = Array.from({ length: Math.min(pageSize, count - start) }, (_, i) => ({
        id: start + i + 1,
        topic: `Meeting ${start + i + 1}`,
      }));
      const next = start + pageSize < count ? `p${start + pageSize}` : lastToken;
      return HttpResponse.json({
        page_size: pageSize,
        total_records: count,
        meetings,
        ...(next === undefined ? {} : { next_page_token: next }),
      });
    }),
  );
  return queries;
}

describe("paginate", () => {
  it("follows next_page_token across pages, passing page_size every time", async () => {
    const queries = serveMeetings(5);
    const client = createZoomClient({ accessToken: "t" });
    const pages = [];
    for await (const page of paginate(client, "/users/{userId}/meetings", {
      params: { path: { userId: "me" }, query: { page_size: 2 } },
    })) {
      pages.push(page.meetings.map((meeting) => meeting.id));
    }
    expect(pages).toEqual([[1, 2], [3, 4], [5]]);
    expect(queries).toEqual([
      { page_size: "2" },
      { page_size: "2", next_page_token: "p2" },
      { page_size: "2", next_page_token: "p4" },
    ]);
  });

  it("stops when next_page_token is absent", async () => {
    serveMeetings(3, undefined);
    const client = createZoomClient({ accessToken: "t" });
    const ids: number[] = [];
    for await (const page of paginate(client, "/users/{userId}/meetings", {
      params: { path: { userId: "me" }, query: { page_size: 2 } },
    })) {
      ids.push(...page.meetings.map((meeting) => meeting.id));
    }
    expect(ids).toEqual([1, 2, 3]);
  });

  it("throws ZoomApiError when a page fails", async () => {
    server.use(
      http.get(`${API}/users`, () => HttpResponse.json({ code: 124, message: "Invalid access token." }, { status: 401 })),
    );
    const client = createZoomClient({ accessToken: "t" });
    const pages = paginate(client, "/users");
    await expect(pages.next()).rejects.toBeInstanceOf(ZoomApiError);
  });

  it("refuses to loop when the API repeats a token", async () => {
    server.use(
      http.get(`${API}/users`, () =>
        HttpResponse.json({ page_size: 1, total_records: 9, users: [], next_page_token: "same" }),
      ),
    );
    const client = createZoomClient({ accessToken: "t" });
    const seen: number[] = [];
    const loop = async () => {
      for await (const page of paginate(client, "/users")) seen.push(page.users.length);
    };
    await expect(loop()).rejects.toBeInstanceOf(ZoomPaginationError);
    expect(seen).toHaveLength(2);
  });

  it("is typed by path: the page type is inferred, and only list operations are accepted", () => {
    const client = createZoomClient({ accessToken: "t" });
    expectTypeOf(paginate(client, "/users")).toEqualTypeOf<
      AsyncGenerator<components["schemas"]["UserListPage"], void, undefined>
    >();
    expectTypeOf<"/users" | "/users/{userId}/meetings">().toExtend<PaginatedPath<paths>>();
    expectTypeOf<"/users/me">().not.toExtend<PaginatedPath<paths>>();
    // @ts-expect-error GET /users/me answers one user, not a page
    paginate(client, "/users/me");
    // @ts-expect-error path parameters are required for this operation
    paginate(client, "/users/{userId}/meetings");
  });
});

describe("paginateItems", () => {
  it("yields the items of every page", async () => {
    serveMeetings(5);
    const client = createZoomClient({ accessToken: "t" });
    const topics: string[] = [];
    for await (const meeting of paginateItems(client, "/users/{userId}/meetings", "meetings", {
      params: { path: { userId: "me" }, query: { page_size: 2 } },
    })) {
      expectTypeOf(meeting).toEqualTypeOf<Meeting>();
      topics.push(meeting.topic ?? "");
    }
    expect(topics).toEqual(["Meeting 1", "Meeting 2", "Meeting 3", "Meeting 4", "Meeting 5"]);
  });
});

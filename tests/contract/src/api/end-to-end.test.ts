import { createZoomClient, paginate, unwrap } from "@org/zoom-api";
import { describe, expect, it } from "vitest";
import { GENERATED_DEFAULTS, signIn, useZoomApiMock } from "./api-fixture.js";

const { zoom, requests } = useZoomApiMock();

describe("end to end: sign in, /users/me, schedule, list across pages, delete", () => {
  it("walks the guide's flow against the mock", async () => {
    const tokens = await signIn(zoom);
    const client = createZoomClient({ getAccessToken: () => tokens.accessToken() });

    const me = await unwrap(client.GET("/users/me"));
    expect(me).toMatchObject({ id: zoom.defaultUser.id, email: "ada@example.com" });

    const created = await unwrap(
      client.POST("/users/{userId}/meetings", {
        params: { path: { userId: "me" } },
        body: { topic: "Sprint review", type: 2, start_time: "2030-05-04T14:00:00Z", duration: 45, timezone: "UTC", ...GENERATED_DEFAULTS },
      }),
    );
    expect(created).toMatchObject({ topic: "Sprint review", host_id: me.id, start_time: "2030-05-04T14:00:00Z" });
    expect(created.join_url).toMatch(/^https:\/\/zoom\.us\/j\/\d+/);
    const meetingId = created.id ?? 0;
    for (const topic of ["Standup", "Planning", "Retro", "1:1"]) {
      await unwrap(client.POST("/users/{userId}/meetings", { params: { path: { userId: "me" } }, body: { topic, type: 2, duration: 30, ...GENERATED_DEFAULTS } }));
    }

    requests.length = 0;
    const pages: string[][] = [];
    for await (const page of paginate(client, "/users/{userId}/meetings", { params: { path: { userId: "me" }, query: { page_size: 2 } } })) {
      expect(page.total_records).toBe(5);
      pages.push((page.meetings ?? []).map((meeting) => meeting.topic ?? ""));
    }
    expect(pages).toEqual([["Sprint review", "Standup"], ["Planning", "Retro"], ["1:1"]]);
    expect(requests).toEqual(Array(3).fill("GET /v2/users/me/meetings"));

    const deleted = await client.DELETE("/meetings/{meetingId}", { params: { path: { meetingId } } });
    expect(deleted.response.status).toBe(204);
    const gone = await client.GET("/meetings/{meetingId}", { params: { path: { meetingId } } });
    expect(gone.response.status).toBe(404);
    expect(gone.error).toMatchObject({ code: 3001 });
  });
});

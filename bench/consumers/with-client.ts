// A consumer that uses @org/zoom-api: its type-check time is compared with without-client.ts.
import { createZoomClient, paginate, unwrap } from "@org/zoom-api";

const client = createZoomClient({ getAccessToken: async () => "token" });

export async function summary(): Promise<string> {
  const me = await unwrap(client.GET("/users/me"));
  const created = await unwrap(
    client.POST("/users/{userId}/meetings", {
      params: { path: { userId: "me" } },
      body: { topic: "Standup", type: 2, duration: 15, default_password: false, pre_schedule: false },
    }),
  );
  let count = 0;
  for await (const page of paginate(client, "/users/{userId}/meetings", {
    params: { path: { userId: "me" }, query: { page_size: 300 } },
  })) {
    count += page.meetings.length;
  }
  const { error } = await client.DELETE("/meetings/{meetingId}", { params: { path: { meetingId: created.id ?? 0 } } });
  return `${me.email}: ${count} meetings${error ? `, delete failed: ${error.message}` : ""}`;
}

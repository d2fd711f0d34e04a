import { createZoomClient, unwrap } from "@org/zoom-api";
import { beforeAll, describe, expect, it } from "vitest";
import { signIn, useZoomApiMock } from "./api-fixture.js";

const { zoom } = useZoomApiMock();
let accessToken = "";
beforeAll(async () => {
  accessToken = (await signIn(zoom)).accessToken();
});

describe("the guide's calls work against the mock", () => {
  it("raw fetch of /users/me with the bearer token", async () => {
    const response = await fetch("https://api.zoom.us/v2/users/me", { headers: { Authorization: `Bearer ${accessToken}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.json()).toMatchObject({ id: zoom.defaultUser.id, email: "ada@example.com", first_name: "Ada", last_name: "Lovelace" });
  });

  it("the typed client: { data, error, response } from client.GET", async () => {
    const client = createZoomClient({ accessToken });
    const { data, error, response } = await client.GET("/users/me");
    expect(error).toBeUndefined();
    expect(response.headers.get("x-zm-trackingid")).toBeTruthy();
    expect(data?.email).toBe("ada@example.com");
  });

  it("the typed client gives Zoom's typed error body for an unknown user", async () => {
    const client = createZoomClient({ accessToken });
    const { data, error, response } = await client.GET("/users/{userId}", { params: { path: { userId: "nobody@example.com" } } });
    expect(data).toBeUndefined();
    expect(response.status).toBe(404);
    expect(error).toEqual({ code: 1001, message: "User does not exist: nobody@example.com." });
  });

  it("unwrap throws ZoomApiError with Zoom's code and the tracking id", async () => {
    const client = createZoomClient({ accessToken });
    const failure = await unwrap(client.GET("/meetings/{meetingId}", { params: { path: { meetingId: 12345678901 } } })).catch(
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ name: "ZoomApiError", status: 404, code: 3001 });
    expect((failure as { trackingId: string | null }).trackingId).toMatch(/^v=2\.0;/);
  });
});

import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createZoomClient } from "./create-zoom-client.js";

const API = "https://api.zoom.us/v2";
const ada = { id: "u1", email: "ada@example.com", first_name: "Ada", last_name: "Lovelace" };

// Created before server.listen(): fetch must be looked up per request, or this client would bypass MSW.
const earlyClient = createZoomClient({ accessToken: "early-token" });

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function echoAuthorization(url = `${API}/users/me`) {
  const seen: (string | null)[] = [];
  server.use(
    http.get(url, ({ request }) => {
      seen.push(request.headers.get("authorization"));
      return HttpResponse.json(ada);
    }),
  );
  return seen;
}

describe("createZoomClient", () => {
  it("calls Zoom's API with the bearer token and returns typed data", async () => {
    const seen = echoAuthorization();
    const client = createZoomClient({ accessToken: "token-1" });
    const { data, error, response } = await client.GET("/users/me");
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data?.email).toBe("ada@example.com");
    expect(seen).toEqual(["Bearer token-1"]);
  });

  it("works when created before server.listen()", async () => {
    const seen = echoAuthorization();
    const { data } = await earlyClient.GET("/users/me");
    expect(data?.id).toBe("u1");
    expect(seen).toEqual(["Bearer early-token"]);
  });

  it("asks getAccessToken for every request", async () => {
    const seen = echoAuthorization();
    let issued = 0;
    const client = createZoomClient({ getAccessToken: async () => `token-${++issued}` });
    await client.GET("/users/me");
    await client.GET("/users/me");
    expect(seen).toEqual(["Bearer token-1", "Bearer token-2"]);
  });

  it("passes an error from getAccessToken to the caller unchanged, sending nothing", async () => {
    const seen = echoAuthorization();
    const refreshFailed = new Error("refresh token revoked: sign in again");
    const client = createZoomClient({
      getAccessToken: async () => {
        throw refreshFailed;
      },
    });
    await expect(client.GET("/users/me")).rejects.toBe(refreshFailed);
    expect(seen).toEqual([]);
  });

  it("rejects a token from getAccessToken that cannot go in a header, without echoing it", async () => {
    echoAuthorization();
    const client = createZoomClient({ getAccessToken: () => "secret with spaces" });
    const error = (await client.GET("/users/me").catch((thrown: unknown) => thrown)) as Error;
    expect(error.name).toBe("ZoomClientOptionsError");
    expect(error.message).not.toContain("secret");
  });

  it("uses a regional base URL built from the token's api_url", async () => {
    const seen = echoAuthorization("https://eu01api.zoom.us/v2/users/me");
    const apiUrl = "https://eu01api.zoom.us";
    const client = createZoomClient({ accessToken: "t", baseUrl: `${apiUrl}/v2/` });
    const { data } = await client.GET("/users/me");
    expect(data?.id).toBe("u1");
    expect(seen).toHaveLength(1);
  });

  it("prefers the fetch option; one that reads only its first argument still sends the token", async () => {
    const requests: Request[] = [];
    const client = createZoomClient({
      accessToken: "t",
      fetch: async (input) => {
        requests.push(new Request(input));
        return Response.json(ada);
      },
    });
    await client.GET("/users/{userId}", { params: { path: { userId: "me" } } });
    expect(requests.map((request) => request.url)).toEqual([`${API}/users/me`]);
    expect(requests[0]?.headers.get("authorization")).toBe("Bearer t");
  });

  it("sends path, query and JSON body as typed", async () => {
    let received: unknown;
    server.use(
      http.post(`${API}/users/:userId/meetings`, async ({ request, params }) => {
        received = { userId: params.userId, body: await request.json() };
        return HttpResponse.json({ id: 1, topic: "Standup" }, { status: 201 });
      }),
    );
    const client = createZoomClient({ accessToken: "t" });
    const { data } = await client.POST("/users/{userId}/meetings", {
      params: { path: { userId: "me" } },
      body: { topic: "Standup", type: 2, duration: 15, default_password: false, pre_schedule: false },
    });
    expect(data?.topic).toBe("Standup");
    expect(received).toEqual({
      userId: "me",
      body: { topic: "Standup", type: 2, duration: 15, default_password: false, pre_schedule: false },
    });
  });

  it("keeps Zoom's typed error body in { error } by default", async () => {
    server.use(
      http.get(`${API}/users/:userId`, () =>
        HttpResponse.json({ code: 1001, message: "User does not exist: nobody" }, { status: 404 }),
      ),
    );
    const client = createZoomClient({ accessToken: "t" });
    const { data, error, response } = await client.GET("/users/{userId}", { params: { path: { userId: "nobody" } } });
    expect(data).toBeUndefined();
    expect(response.status).toBe(404);
    expect(error?.code).toBe(1001);
    expect(error?.message).toBe("User does not exist: nobody");
  });
});

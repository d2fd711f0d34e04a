import { describe, expect, it } from "vitest";
import { createZoomClient } from "./create-zoom-client.js";
import { operationScopes } from "./generated/scopes.js";
import { hasRequiredScope, requiredScopes, ZoomScopeError } from "./required-scopes.js";
import { ZoomClientOptionsError } from "./zoom-client-options.js";

function countingFetch() {
  const sent: string[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    sent.push(new Request(input, init).url);
    return Response.json({ id: "u1", email: "ada@example.com" });
  }) as typeof globalThis.fetch;
  return { sent, fetch };
}

describe("requiredScopes", () => {
  it("gives the classic and granular alternatives of an operation, from the spec's x-scopes", () => {
    expect(requiredScopes("GET", "/users/me")).toEqual({
      classic: ["user:read", "user:write", "user:read:admin", "user:write:admin", "user_profile", "user_info:read"],
      granular: ["user:read:user", "user:read:user:admin"],
    });
    expect(requiredScopes("delete", "/meetings/{meetingId}").granular).toContain("meeting:delete:meeting");
  });

  it("covers every operation of the spec", () => {
    expect(Object.keys(operationScopes)).toHaveLength(255);
    for (const scopes of Object.values(operationScopes)) expect(scopes.classic.length + scopes.granular.length).toBeGreaterThan(0);
  });

  it("trims the stray space Zoom's document puts before some scope names", () => {
    expect(requiredScopes("GET", "/divisions").classic).toEqual(["division:read:admin"]);
  });

  it("names an operation the API does not have", () => {
    expect(() => requiredScopes("PATCH", "/users/me")).toThrow("the Zoom API has no operation PATCH /users/me");
  });

  it("is satisfied by any one alternative", () => {
    const scopes = requiredScopes("GET", "/users/me");
    expect(hasRequiredScope(scopes, ["meeting:read", "user:read:user"])).toBe(true);
    expect(hasRequiredScope(scopes, ["meeting:read"])).toBe(false);
  });
});

describe("createZoomClient({ checkScopes })", () => {
  it("refuses, before sending, a call the granted scopes do not allow, naming the alternatives", async () => {
    const { sent, fetch } = countingFetch();
    const client = createZoomClient({ accessToken: "t", fetch, checkScopes: ["meeting:read"] });
    const error = await client.GET("/users/me").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZoomScopeError);
    expect(error).toMatchObject({ name: "ZoomScopeError", operation: "GET /users/me", granted: ["meeting:read"] });
    expect((error as Error).message).toContain("user:read:user, user:read:user:admin");
    expect((error as Error).message).toContain("classic user:read, user:write");
    expect(sent).toEqual([]);
  });

  it("lets a call through when one alternative is granted", async () => {
    const { sent, fetch } = countingFetch();
    const client = createZoomClient({ accessToken: "t", fetch, checkScopes: ["user:read:user"] });
    expect((await client.GET("/users/{userId}", { params: { path: { userId: "me" } } })).data?.id).toBe("u1");
    expect(sent).toHaveLength(1);
  });

  it("reads the scopes from the tokens with checkScopes: true, at every call", async () => {
    const { sent, fetch } = countingFetch();
    let scopes = ["meeting:read"];
    const source = { getAccessToken: () => "t", snapshot: () => ({ apiUrl: null, scopes }) };
    const client = createZoomClient({ tokens: source, fetch, checkScopes: true });
    await expect(client.GET("/users/me")).rejects.toBeInstanceOf(ZoomScopeError);
    scopes = ["user:read"];
    await client.GET("/users/me");
    expect(sent).toHaveLength(1);
  });

  it("is off by default, and checkScopes: true needs tokens that say their scopes", async () => {
    const { sent, fetch } = countingFetch();
    await createZoomClient({ accessToken: "t", fetch }).GET("/users/me");
    expect(sent).toHaveLength(1);
    expect(() => createZoomClient({ accessToken: "t", checkScopes: true })).toThrow(ZoomClientOptionsError);
    expect(() => createZoomClient({ accessToken: "t", checkScopes: "user:read" as never })).toThrow(/checkScopes must be/);
  });
});

import { describe, expect, it } from "vitest";
import { createZoomClient } from "./create-zoom-client.js";
import { operationScopes } from "./generated/scopes.js";
import * as main from "./index.js";
import * as scopes from "./scopes.js";
import { hasRequiredScope, requiredScopes, scopeCheck } from "./scopes.js";
import { ZoomClientOptionsError } from "./zoom-client-options.js";
import { ZoomScopeError } from "./zoom-scope-error.js";

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

describe("createZoomClient({ checkScopes: scopeCheck() })", () => {
  it("refuses, before sending, a call the granted scopes do not allow, naming the alternatives", async () => {
    const { sent, fetch } = countingFetch();
    const client = createZoomClient({ accessToken: "t", fetch, checkScopes: scopeCheck(["meeting:read"]) });
    const error = await client.GET("/users/me").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZoomScopeError);
    expect(error).toMatchObject({ name: "ZoomScopeError", operation: "GET /users/me", granted: ["meeting:read"] });
    expect((error as Error).message).toContain("user:read:user, user:read:user:admin");
    expect((error as Error).message).toContain("classic user:read, user:write");
    expect(sent).toEqual([]);
  });

  it("lets a call through when one alternative is granted", async () => {
    const { sent, fetch } = countingFetch();
    const client = createZoomClient({ accessToken: "t", fetch, checkScopes: scopeCheck(["user:read:user"]) });
    expect((await client.GET("/users/{userId}", { params: { path: { userId: "me" } } })).data?.id).toBe("u1");
    expect(sent).toHaveLength(1);
  });

  it("reads the scopes from the tokens with scopeCheck(), at every call", async () => {
    const { sent, fetch } = countingFetch();
    let scopes = ["meeting:read"];
    const source = { getAccessToken: () => "t", snapshot: () => ({ apiUrl: null, scopes }) };
    const client = createZoomClient({ tokens: source, fetch, checkScopes: scopeCheck() });
    await expect(client.GET("/users/me")).rejects.toBeInstanceOf(ZoomScopeError);
    scopes = ["user:read"];
    await client.GET("/users/me");
    expect(sent).toHaveLength(1);
  });

  it("copies the scopes given, so changing the array later changes nothing", async () => {
    const { sent, fetch } = countingFetch();
    const granted = ["meeting:read"];
    const client = createZoomClient({ accessToken: "t", fetch, checkScopes: scopeCheck(granted) });
    granted.push("user:read");
    await expect(client.GET("/users/me")).rejects.toBeInstanceOf(ZoomScopeError);
    expect(sent).toEqual([]);
  });

  it("is off by default, and scopeCheck() needs tokens that say their scopes", async () => {
    const { sent, fetch } = countingFetch();
    await createZoomClient({ accessToken: "t", fetch }).GET("/users/me");
    expect(sent).toHaveLength(1);
    expect(() => createZoomClient({ accessToken: "t", checkScopes: scopeCheck() })).toThrow(ZoomClientOptionsError);
    expect(() => createZoomClient({ accessToken: "t", checkScopes: scopeCheck() })).toThrow("pass them, scopeCheck(scopes)");
  });

  it("refuses what checkScopes took before scopeCheck(), naming the replacement", () => {
    const created = (checkScopes: unknown) => () => createZoomClient({ accessToken: "t", checkScopes: checkScopes as never });
    expect(created(true)).toThrow(ZoomClientOptionsError);
    expect(created(true)).toThrow('createZoomClient: checkScopes takes scopeCheck() from "@org/zoom-api/scopes" instead of true');
    expect(created(["user:read"])).toThrow('checkScopes takes scopeCheck(scopes) from "@org/zoom-api/scopes" instead of an array');
    expect(created(false)).toThrow('checkScopes must be made by scopeCheck() from "@org/zoom-api/scopes"');
    expect(created("user:read")).toThrow(/checkScopes must be made by scopeCheck\(\)/);
    expect(created({ middleware: "no" })).toThrow(/checkScopes must be made by scopeCheck\(\)/);
  });

  it("refuses scopes that are not an array of names", () => {
    expect(() => scopeCheck("user:read" as never)).toThrow(new TypeError("scopeCheck: granted must be an array of scope names (or left out, to read them from tokens)"));
    expect(() => scopeCheck(["user:read", 3] as never)).toThrow(TypeError);
  });
});

describe("the entry points", () => {
  it("keep the scope table and its check out of the main entry, and ZoomScopeError in it", () => {
    expect(Object.keys(scopes).sort()).toEqual(["hasRequiredScope", "requiredScopes", "scopeCheck"]);
    expect(main).not.toHaveProperty("requiredScopes");
    expect(main).not.toHaveProperty("scopeCheck");
    expect(main.ZoomScopeError).toBe(ZoomScopeError);
  });
});

import { describe, expect, it } from "vitest";
import { createZoomClient } from "./create-zoom-client.js";
import { ZoomClientOptionsError } from "./zoom-client-options.js";

const ada = { id: "u1", email: "ada@example.com" };

/** A fetch that records where each request went and with which Authorization header. */
function recordingFetch() {
  const seen: Array<{ url: string; authorization: string | null }> = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    seen.push({ url: request.url, authorization: request.headers.get("authorization") });
    return Response.json(ada);
  };
  return { seen, fetch: fetch as typeof globalThis.fetch };
}

/** A stand-in for `@org/zoom-auth`'s ZoomTokens (this package does not depend on it). */
function zoomTokens(data: { access_token: string; api_url?: string; scope?: string }) {
  return {
    accessToken: () => data.access_token,
    hasApiUrl: () => data.api_url !== undefined,
    apiUrl: () => data.api_url ?? "",
    hasScopes: () => data.scope !== undefined,
    scopes: () => (data.scope ?? "").split(" "),
  };
}

describe("createZoomClient({ tokens })", () => {
  it("takes the access token from ZoomTokens and its api_url as the base", async () => {
    const { seen, fetch } = recordingFetch();
    const client = createZoomClient({ tokens: zoomTokens({ access_token: "eu-token", api_url: "https://eu01api.zoom.us" }), fetch });
    await client.GET("/users/me");
    expect(seen).toEqual([{ url: "https://eu01api.zoom.us/v2/users/me", authorization: "Bearer eu-token" }]);
  });

  it("uses https://api.zoom.us without an api_url", async () => {
    const { seen, fetch } = recordingFetch();
    await createZoomClient({ tokens: zoomTokens({ access_token: "t" }), fetch }).GET("/users/me");
    expect(seen[0]?.url).toBe("https://api.zoom.us/v2/users/me");
  });

  it.each([
    ["https://evil.example", "is not a host under zoom.us"],
    ["http://api.zoom.us", "does not use https"],
    ["https://zoom.us.evil.example", "is not a host under zoom.us"],
    ["https://evilzoom.us", "is not a host under zoom.us"],
    ["https://user:pass@api.zoom.us", "is not a bare origin"],
    ["https://api.zoom.us/v2", "is not a bare origin"],
    ["not a url", "is not an absolute URL"],
  ])("refuses an api_url of %s, so the bearer token never goes there", (apiUrl, why) => {
    const { seen, fetch } = recordingFetch();
    const create = () => createZoomClient({ tokens: zoomTokens({ access_token: "secret-token", api_url: apiUrl }), fetch });
    expect(create).toThrow(ZoomClientOptionsError);
    expect(create).toThrow(why);
    expect(() => create()).not.toThrow(/secret-token/);
    expect(seen).toEqual([]);
  });

  it("accepts another origin only when trustedApiOrigins names it exactly", async () => {
    const { seen, fetch } = recordingFetch();
    const tokens = zoomTokens({ access_token: "t", api_url: "http://127.0.0.1:4010" });
    expect(() => createZoomClient({ tokens, fetch, trustedApiOrigins: ["http://127.0.0.1:4011"] })).toThrow(ZoomClientOptionsError);
    await createZoomClient({ tokens, fetch, trustedApiOrigins: ["http://127.0.0.1:4010"] }).GET("/users/me");
    expect(seen[0]?.url).toBe("http://127.0.0.1:4010/v2/users/me");
  });

  it("takes a token source: asks it for every request, its snapshot's apiUrl, and invalidates it after a 401", async () => {
    const tokens: string[] = ["first", "second"];
    let invalidated = 0;
    const seen: string[] = [];
    const source = {
      getAccessToken: async () => tokens[invalidated] ?? "none",
      invalidate: () => {
        invalidated++;
      },
      snapshot: () => ({ apiUrl: "https://sg01api.zoom.us", scopes: ["user:read"] }),
    };
    const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      seen.push(`${request.url} ${request.headers.get("authorization")}`);
      return request.headers.get("authorization") === "Bearer first"
        ? Response.json({ code: 124, message: "Invalid access token." }, { status: 401 })
        : Response.json(ada);
    }) as typeof globalThis.fetch;
    const { data } = await createZoomClient({ tokens: source, fetch }).GET("/users/me");
    expect(data?.email).toBe("ada@example.com");
    expect(invalidated).toBe(1);
    expect(seen).toEqual(["https://sg01api.zoom.us/v2/users/me Bearer first", "https://sg01api.zoom.us/v2/users/me Bearer second"]);
  });

  it("refuses tokens with accessToken, getAccessToken or baseUrl, and anything that is not tokens", () => {
    const tokens = zoomTokens({ access_token: "t" });
    expect(() => createZoomClient({ tokens, accessToken: "x" })).toThrow(/accessToken and tokens are both set/);
    expect(() => createZoomClient({ tokens, getAccessToken: () => "x" })).toThrow(/getAccessToken and tokens are both set/);
    expect(() => createZoomClient({ tokens, baseUrl: "https://api.zoom.us/v2" })).toThrow(/baseUrl and tokens are both set/);
    expect(() => createZoomClient({ tokens: {} as never })).toThrow(/must be a ZoomTokens or a token source/);
    expect(() => createZoomClient({ accessToken: "x", trustedApiOrigins: ["http://127.0.0.1:1"] })).toThrow(/only applies with tokens/);
    expect(() => createZoomClient({ tokens, trustedApiOrigins: ["http://127.0.0.1:1/path"] })).toThrow(/origin only/);
  });
});

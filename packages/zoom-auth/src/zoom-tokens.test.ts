import { TokenFieldError } from "@org/oauth-core";
import { describe, expect, it } from "vitest";
import { ZoomTokens } from "./zoom-tokens.js";

describe("ZoomTokens", () => {
  it("reads Zoom's regional api_url", () => {
    const tokens = new ZoomTokens({ access_token: "a", api_url: "https://eu01api.zoom.us" });
    expect(tokens.hasApiUrl()).toBe(true);
    expect(tokens.apiUrl()).toBe("https://eu01api.zoom.us");
  });

  it("names api_url when it is missing or not a string", () => {
    const missing = new ZoomTokens({ access_token: "a" });
    expect(missing.hasApiUrl()).toBe(false);
    expect(() => missing.apiUrl()).toThrow(TokenFieldError);
    expect(() => missing.apiUrl()).toThrow('Token response has no "api_url" field');
    expect(() => new ZoomTokens({ api_url: 1 }).apiUrl()).toThrow('"api_url" is a number, expected a string');
  });

  it("keeps the standard accessors", () => {
    const tokens = new ZoomTokens(
      { access_token: "a", refresh_token: "r", expires_in: 3599, scope: "user:read" },
      { receivedAt: new Date("2026-01-01T00:00:00Z") },
    );
    expect(tokens.refreshToken()).toBe("r");
    expect(tokens.scopes()).toEqual(["user:read"]);
    expect(tokens.accessTokenExpiresAt().toISOString()).toBe("2026-01-01T00:59:59.000Z");
  });
});

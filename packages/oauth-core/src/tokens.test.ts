import { afterEach, describe, expect, it, vi } from "vitest";
import { TokenFieldError } from "./errors.js";
import { OAuth2Tokens } from "./tokens.js";

const zoomBody = {
  access_token: "access-1",
  token_type: "bearer",
  refresh_token: "refresh-1",
  expires_in: 3599,
  scope: "user:read meeting:write",
  api_url: "https://api.zoom.us",
};

describe("OAuth2Tokens", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("reads every standard field", () => {
    const tokens = new OAuth2Tokens({ ...zoomBody, id_token: "id-1" });
    expect(tokens.accessToken()).toBe("access-1");
    expect(tokens.tokenType()).toBe("bearer");
    expect(tokens.accessTokenExpiresInSeconds()).toBe(3599);
    expect(tokens.hasRefreshToken()).toBe(true);
    expect(tokens.refreshToken()).toBe("refresh-1");
    expect(tokens.hasScopes()).toBe(true);
    expect(tokens.scopes()).toEqual(["user:read", "meeting:write"]);
    expect(tokens.idToken()).toBe("id-1");
  });

  it("keeps the raw body as data", () => {
    expect(new OAuth2Tokens(zoomBody).data).toBe(zoomBody);
  });

  it("counts expiry from receipt", () => {
    const receivedAt = new Date("2026-01-01T00:00:00Z");
    const tokens = new OAuth2Tokens(zoomBody, { receivedAt });
    expect(tokens.accessTokenExpiresAt().toISOString()).toBe("2026-01-01T00:59:59.000Z");
  });

  it("returns the same expiry when called a second apart", () => {
    vi.useFakeTimers({ now: new Date("2026-01-01T00:00:00Z") });
    const tokens = new OAuth2Tokens(zoomBody);
    const first = tokens.accessTokenExpiresAt();
    vi.advanceTimersByTime(1000);
    const second = tokens.accessTokenExpiresAt();
    expect(second.getTime()).toBe(first.getTime());
    expect(first.toISOString()).toBe("2026-01-01T00:59:59.000Z");
  });

  it("is not moved by mutating the receivedAt Date passed in or the Date returned", () => {
    const receivedAt = new Date("2026-01-01T00:00:00Z");
    const tokens = new OAuth2Tokens(zoomBody, { receivedAt });
    receivedAt.setFullYear(2030);
    tokens.accessTokenExpiresAt().setFullYear(2031);
    expect(tokens.accessTokenExpiresAt().toISOString()).toBe("2026-01-01T00:59:59.000Z");
  });

  it("splits scopes on spaces, ignoring repeated spaces", () => {
    expect(new OAuth2Tokens({ scope: " a  b " }).scopes()).toEqual(["a", "b"]);
    expect(new OAuth2Tokens({ scope: "" }).scopes()).toEqual([]);
  });

  it("says when there is no refresh token or scope", () => {
    const tokens = new OAuth2Tokens({ access_token: "a", refresh_token: 5 });
    expect(tokens.hasRefreshToken()).toBe(false);
    expect(tokens.hasScopes()).toBe(false);
  });

  it.each([
    ["refreshToken", { access_token: "a" }, 'Token response has no "refresh_token" field', "missing"],
    ["refreshToken", { refresh_token: 42 }, 'Token response field "refresh_token" is a number, expected a string', "number"],
    ["accessTokenExpiresInSeconds", { expires_in: "3599" }, 'Token response field "expires_in" is a string, expected a number', "string"],
    ["accessTokenExpiresAt", { expires_in: null }, 'Token response field "expires_in" is null, expected a number', "null"],
    ["scopes", { scope: ["a"] }, 'Token response field "scope" is an array, expected a string', "array"],
    ["idToken", { id_token: {} }, 'Token response field "id_token" is an object, expected a string', "object"],
    ["tokenType", {}, 'Token response has no "token_type" field', "missing"],
    ["accessToken", {}, 'Token response has no "access_token" field', "missing"],
  ] as const)("%s throws a TokenFieldError naming the field (%j)", (accessor, data, message, actual) => {
    const tokens = new OAuth2Tokens(data);
    expect(() => tokens[accessor]()).toThrow(TokenFieldError);
    expect(() => tokens[accessor]()).toThrow(message);
    try {
      tokens[accessor]();
    } catch (error) {
      expect(error).toMatchObject({ name: "TokenFieldError", actual });
    }
  });

  it("rejects an expires_in that is not finite", () => {
    expect(() => new OAuth2Tokens({ expires_in: Number.POSITIVE_INFINITY }).accessTokenExpiresAt()).toThrow(
      TokenFieldError,
    );
  });

  it("rejects data that is not an object and an invalid receivedAt", () => {
    expect(() => new OAuth2Tokens(null as unknown as object)).toThrow("Token response data must be a JSON object");
    expect(() => new OAuth2Tokens([])).toThrow(TypeError);
    expect(() => new OAuth2Tokens({}, { receivedAt: new Date(Number.NaN) })).toThrow("receivedAt must be a valid Date");
  });

  it("lets a subclass read its own fields with the same errors", () => {
    class ProviderTokens extends OAuth2Tokens {
      apiUrl(): string {
        return this.stringField("api_url");
      }
    }
    expect(new ProviderTokens(zoomBody).apiUrl()).toBe("https://api.zoom.us");
    expect(() => new ProviderTokens({}).apiUrl()).toThrow('Token response has no "api_url" field');
  });
});

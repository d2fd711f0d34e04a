import { describe, expect, it } from "vitest";
import { expireCookie, parseCookies, serializeCookie } from "./cookies.js";

const lax = { path: "/login", httpOnly: true, secure: false, sameSite: "Lax" } as const;

describe("serializeCookie", () => {
  it("writes HttpOnly, SameSite and Max-Age, and Secure only when asked", () => {
    expect(serializeCookie("s", "abc_-123", { ...lax, maxAge: 600 })).toBe(
      "s=abc_-123; Path=/login; Max-Age=600; HttpOnly; SameSite=Lax",
    );
    expect(serializeCookie("s", "v", { ...lax, secure: true })).toBe("s=v; Path=/login; HttpOnly; Secure; SameSite=Lax");
  });

  it("expires a cookie with Max-Age=0 on the same path", () => {
    expect(expireCookie("s", lax)).toBe("s=; Path=/login; Max-Age=0; HttpOnly; SameSite=Lax");
  });

  it("refuses values that could inject attributes, without echoing the value", () => {
    expect(() => serializeCookie("s", "x; Domain=evil.example", lax)).toThrowError(
      /Cookie s has a value with characters outside base64url/,
    );
    expect(() => serializeCookie("s", "secret-value\n", lax)).not.toThrowError(/secret-value/);
    expect(() => serializeCookie("bad name", "v", lax)).toThrowError(TypeError);
  });
});

describe("parseCookies", () => {
  it("reads name=value pairs, trimming spaces and quotes", () => {
    const cookies = parseCookies('a=1; b = "two" ;c=3=3');
    expect([...cookies]).toEqual([
      ["a", "1"],
      ["b", "two"],
      ["c", "3=3"],
    ]);
  });

  it("keeps the first of duplicate names and skips malformed pairs", () => {
    expect([...parseCookies("a=first; junk; =x; a=second")]).toEqual([["a", "first"]]);
  });

  it("returns an empty map for a missing header", () => {
    expect(parseCookies(undefined).size).toBe(0);
  });
});

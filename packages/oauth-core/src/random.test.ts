import { Buffer } from "node:buffer";
import { describe, expect, it } from "vitest";
import { generateCodeVerifier, generateState } from "./random.js";

describe.each([
  ["generateState", generateState],
  ["generateCodeVerifier", generateCodeVerifier],
])("%s", (_name, generate) => {
  it("returns 43 base64url characters without padding", () => {
    expect(generate()).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("encodes exactly 32 bytes", () => {
    expect(Buffer.from(generate(), "base64url")).toHaveLength(32);
  });

  it("returns a different value every time", () => {
    const values = new Set(Array.from({ length: 1000 }, generate));
    expect(values.size).toBe(1000);
  });
});

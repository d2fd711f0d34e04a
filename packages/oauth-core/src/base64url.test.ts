import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeBase64, encodeBase64, encodeBase64url } from "./base64url.js";

describe("encodeBase64url", () => {
  it("uses the URL-safe alphabet and drops padding", () => {
    // 0xfb 0xff 0xbf encodes to "+/+/" in standard base64.
    expect(encodeBase64(new Uint8Array([0xfb, 0xff, 0xbf]))).toBe("+/+/");
    expect(encodeBase64url(new Uint8Array([0xfb, 0xff, 0xbf]))).toBe("-_-_");
    expect(encodeBase64(new Uint8Array([0x61]))).toBe("YQ==");
    expect(encodeBase64url(new Uint8Array([0x61]))).toBe("YQ");
  });

  it("encodes an empty input to an empty string", () => {
    expect(encodeBase64url(new Uint8Array())).toBe("");
  });

  it("agrees with Node's Buffer on any input", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(encodeBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
        expect(encodeBase64url(bytes)).toBe(Buffer.from(bytes).toString("base64url"));
      }),
    );
  });

  it("handles inputs too large for a spread into String.fromCharCode", () => {
    const bytes = new Uint8Array(300_000).fill(7);
    expect(encodeBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
  });
});

describe("decodeBase64", () => {
  it("reverses encodeBase64", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(decodeBase64(encodeBase64(bytes))).toEqual(bytes);
      }),
    );
  });

  it("rejects text outside the base64 alphabet", () => {
    expect(() => decodeBase64("ab-_")).toThrow(TypeError);
    expect(() => decodeBase64("a")).toThrow(/length or padding/);
  });
});

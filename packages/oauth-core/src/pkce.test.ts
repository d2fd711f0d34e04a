import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createS256CodeChallenge } from "./pkce.js";
import { generateCodeVerifier } from "./random.js";

describe("createS256CodeChallenge", () => {
  it("matches the example of RFC 7636 appendix B", () => {
    expect(createS256CodeChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).toBe(
      "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
    );
  });

  it("agrees with node:crypto for any valid verifier", () => {
    const unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".split("");
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...unreserved), minLength: 43, maxLength: 128 }),
        (verifier) => {
          const expected = createHash("sha256").update(verifier, "ascii").digest("base64url");
          expect(createS256CodeChallenge(verifier)).toBe(expected);
        },
      ),
    );
  });

  it("accepts what generateCodeVerifier produces", () => {
    expect(createS256CodeChallenge(generateCodeVerifier())).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("rejects verifiers RFC 7636 does not allow, without echoing them", () => {
    expect(() => createS256CodeChallenge("")).toThrow(/43 to 128 characters.*got 0 characters/);
    expect(() => createS256CodeChallenge("short-secret-verifier")).toThrow(TypeError);
    expect(() => createS256CodeChallenge("x".repeat(129))).toThrow(/got 129 characters/);
    expect(() => createS256CodeChallenge(`${"a".repeat(42)} `)).toThrow(/43 to 128/);
    expect(() => createS256CodeChallenge("a".repeat(43))).not.toThrow();
    try {
      createS256CodeChallenge("short-secret-verifier");
    } catch (error) {
      expect(String(error)).not.toContain("short-secret-verifier");
    }
  });
});

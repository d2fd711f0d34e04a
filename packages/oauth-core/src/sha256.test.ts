import { createHash, randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sha256 } from "./sha256.js";

function nodeSha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("hex");
}

const encode = (text: string) => new TextEncoder().encode(text);

describe("sha256", () => {
  it("matches the FIPS 180-4 examples", () => {
    expect(hex(sha256(encode("")))).toBe(
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    );
    expect(hex(sha256(encode("abc")))).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
    expect(hex(sha256(encode("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")))).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
  });

  it("agrees with node:crypto on random bytes of every length from 0 to 300", () => {
    // Each length exercises a different padding layout (55/56/64-byte boundaries matter most).
    for (let length = 0; length <= 300; length++) {
      const bytes = randomBytes(length);
      expect(hex(sha256(bytes)), `input ${hex(bytes)}`).toBe(nodeSha256Hex(bytes));
    }
  });

  it("agrees with node:crypto on random inputs of 0 to 300 bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 300 }), (bytes) => {
        expect(hex(sha256(bytes))).toBe(nodeSha256Hex(bytes));
      }),
      { numRuns: 500 },
    );
  });

  it("agrees with node:crypto on random inputs of each exact length", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 }).chain((length) =>
          fc.uint8Array({ minLength: length, maxLength: length }),
        ),
        (bytes) => {
          expect(hex(sha256(bytes))).toBe(nodeSha256Hex(bytes));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("hashes a message spanning many blocks", () => {
    const bytes = encode("a".repeat(1_000_000));
    expect(hex(sha256(bytes))).toBe(
      "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
    );
  });

  it("does not modify its input", () => {
    const bytes = encode("unchanged");
    const copy = bytes.slice();
    sha256(bytes);
    expect(bytes).toEqual(copy);
  });
});

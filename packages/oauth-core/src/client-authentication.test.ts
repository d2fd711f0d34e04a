import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyClientAuthentication,
  decodeBasicCredentials,
  encodeBasicCredentials,
} from "./client-authentication.js";

describe("encodeBasicCredentials", () => {
  it("form-encodes id and secret before base64 (RFC 6749 section 2.3.1)", () => {
    const header = encodeBasicCredentials("a:b", "s%e cret");
    const decoded = Buffer.from(header.slice("Basic ".length), "base64").toString("utf8");
    expect(decoded).toBe("a%3Ab:s%25e+cret");
  });

  it("leaves plain ids and secrets as they are", () => {
    expect(encodeBasicCredentials("client", "secret")).toBe(
      `Basic ${Buffer.from("client:secret").toString("base64")}`,
    );
  });

  it("round-trips an id with a colon and a secret with percent and space", () => {
    expect(decodeBasicCredentials(encodeBasicCredentials("a:b", "s%e cret"))).toEqual({
      clientId: "a:b",
      clientSecret: "s%e cret",
    });
  });

  it("round-trips any id and secret", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), fc.string({ unit: "grapheme" }), (id, secret) => {
        expect(decodeBasicCredentials(encodeBasicCredentials(id, secret))).toEqual({
          clientId: id,
          clientSecret: secret,
        });
      }),
    );
  });
});

describe("decodeBasicCredentials", () => {
  it("returns null for anything that is not Basic credentials", () => {
    expect(decodeBasicCredentials("Bearer abc")).toBeNull();
    expect(decodeBasicCredentials("Basic !!!")).toBeNull();
    expect(decodeBasicCredentials(`Basic ${btoa("no-separator")}`)).toBeNull();
    expect(decodeBasicCredentials("Basic /w==")).toBeNull(); // 0xff is not UTF-8
  });
});

describe("applyClientAuthentication", () => {
  it("sets Basic credentials and leaves the body alone for a confidential client", () => {
    const headers = new Headers();
    const body = new URLSearchParams({ grant_type: "refresh_token" });
    applyClientAuthentication(
      { method: "client_secret_basic", clientId: "id", clientSecret: "secret" },
      headers,
      body,
    );
    expect(headers.get("Authorization")).toBe(encodeBasicCredentials("id", "secret"));
    expect(body.has("client_id")).toBe(false);
  });

  it("puts client_id in the body and sends no Authorization header for a public client", () => {
    const headers = new Headers();
    const body = new URLSearchParams({ grant_type: "refresh_token" });
    applyClientAuthentication({ method: "none", clientId: "public-id" }, headers, body);
    expect(headers.has("Authorization")).toBe(false);
    expect(body.get("client_id")).toBe("public-id");
  });
});

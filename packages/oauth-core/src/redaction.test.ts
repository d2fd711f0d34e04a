import { describe, expect, it } from "vitest";
import { collectSecrets, REDACTED, redactJson, redactText } from "./redaction.js";

describe("collectSecrets", () => {
  it("takes the client secret and sensitive form fields, not the others", () => {
    const body = new URLSearchParams({
      grant_type: "authorization_code",
      code: "the-code",
      code_verifier: "the-verifier",
      redirect_uri: "https://app.example/callback",
    });
    expect(collectSecrets(body, "the-secret").sort()).toEqual(
      ["the-code", "the-secret", "the-verifier"].sort(),
    );
    expect(collectSecrets(new URLSearchParams({ refresh_token: "r" }), null)).toEqual(["r"]);
  });
});

describe("redactText", () => {
  it("replaces known secret values wherever they appear", () => {
    expect(redactText("bad code the-code, retry", ["the-code"])).toBe(`bad code ${REDACTED}, retry`);
  });

  it("replaces values of sensitive pairs in JSON-like and form-like text", () => {
    expect(redactText('{"access_token":"abc","token_type":"bearer"}', [])).toBe(
      `{"access_token":"${REDACTED}","token_type":"bearer"}`,
    );
    expect(redactText("access_token=abc&refresh_token=def&expires_in=3599", [])).toBe(
      `access_token=${REDACTED}&refresh_token=${REDACTED}&expires_in=3599`,
    );
    expect(redactText('{"access_token": 12345}', [])).toBe(`{"access_token": ${REDACTED}}`);
  });

  it("leaves unrelated fields that merely end in a sensitive name alone", () => {
    expect(redactText("error_code=4700", [])).toBe("error_code=4700");
  });
});

describe("redactJson", () => {
  it("replaces sensitive fields of any type, at any depth", () => {
    const body = {
      access_token: 42,
      nested: [{ refresh_token: "def", keep: "yes" }],
      reason: "token secret-value is wrong",
    };
    expect(redactJson(body, ["secret-value"])).toEqual({
      access_token: REDACTED,
      nested: [{ refresh_token: REDACTED, keep: "yes" }],
      reason: `token ${REDACTED} is wrong`,
    });
  });

  it("does not modify its input", () => {
    const body = { access_token: "abc" };
    redactJson(body, []);
    expect(body).toEqual({ access_token: "abc" });
  });
});

describe("redactText on text that is not valid JSON", () => {
  it("replaces the value of a sensitive field holding an array", () => {
    expect(redactText('{"access_token":["abc"', [])).toBe(`{"access_token":["${REDACTED}"`);
  });
});

describe("redactText with short secret values", () => {
  it("replaces a secret only where it stands alone, not inside other words", () => {
    expect(redactText("Invalid client_id or client_secret", ["c"])).toBe("Invalid client_id or client_secret");
    expect(redactText("code c is invalid", ["c"])).toBe(`code ${REDACTED} is invalid`);
    expect(redactText("value:s%e cret.", ["s%e cret"])).toBe(`value:${REDACTED}.`);
  });
});

describe("redactText at the edges of a secret", () => {
  it("replaces a secret followed by punctuation or glued by its non-word edges", () => {
    expect(redactText("bad code abc123.", ["abc123"])).toBe(`bad code ${REDACTED}.`);
    expect(redactText("x-abc-y", ["-abc-"])).toBe(`x${REDACTED}y`);
    expect(redactText("abc123abc123", ["abc123"])).toBe("abc123abc123");
  });
});

describe("redactJson and error numbers", () => {
  it("keeps a numeric code (an error number) but redacts a string code", () => {
    expect(redactJson({ code: 4733, error: "invalid_grant" }, [])).toEqual({ code: 4733, error: "invalid_grant" });
    expect(redactJson({ code: "auth-code" }, [])).toEqual({ code: REDACTED });
  });
});

import { describe, expect, it } from "vitest";
import {
  OAuth2FetchError,
  OAuth2RequestError,
  TokenFieldError,
  UnexpectedErrorResponseBodyError,
  UnexpectedResponseError,
} from "./errors.js";

describe("error classes", () => {
  it.each([
    ["OAuth2RequestError", new OAuth2RequestError(400, { error: "invalid_grant" })],
    ["OAuth2FetchError", new OAuth2FetchError(new Error("down"))],
    ["UnexpectedResponseError", new UnexpectedResponseError(200, null, "")],
    ["UnexpectedErrorResponseBodyError", new UnexpectedErrorResponseBodyError(500, {})],
    ["TokenFieldError", new TokenFieldError("access_token", "string", undefined)],
  ])("%s is an Error with its own name", (name, error) => {
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(name);
    expect(String(error)).toMatch(new RegExp(`^${name}: `));
    expect(error.stack).toMatch(new RegExp(`^${name}: `));
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ name, message: error.message });
  });
});

describe("OAuth2RequestError", () => {
  it("puts the code and Zoom's reason in the message", () => {
    const error = new OAuth2RequestError(400, { reason: "Invalid Token!", error: "invalid_grant" });
    expect(error.message).toBe("OAuth2 request failed with invalid_grant: Invalid Token!");
  });

  it("takes error_description first, else Zoom's reason, as its description", () => {
    expect(new OAuth2RequestError(400, { error: "e", error_description: "d", reason: "r" }).description).toBe("d");
    expect(new OAuth2RequestError(400, { error: "e", reason: "r" }).description).toBe("r");
  });

  it("puts both description and reason in the message, once each", () => {
    expect(new OAuth2RequestError(400, { error: "e", error_description: "d", reason: "r" }).message).toBe(
      "OAuth2 request failed with e: d; r",
    );
    expect(new OAuth2RequestError(400, { error: "e", error_description: "same", reason: "same" }).message).toBe(
      "OAuth2 request failed with e: same",
    );
    expect(new OAuth2RequestError(400, { error: "e" }).message).toBe("OAuth2 request failed with e");
  });

  it("ignores fields of the wrong type", () => {
    const error = new OAuth2RequestError(400, { error: "e", reason: 5, error_uri: {}, state: null });
    expect(error).toMatchObject({ uri: null, state: null, description: null });
    expect(error).not.toHaveProperty("reason");
  });

  it("serialises its fields as JSON", () => {
    const error = new OAuth2RequestError(401, { reason: "Invalid client_id or client_secret", error: "invalid_client" });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "OAuth2RequestError",
      message: "OAuth2 request failed with invalid_client: Invalid client_id or client_secret",
      status: 401,
      code: "invalid_client",
      description: "Invalid client_id or client_secret",
      uri: null,
      state: null,
      data: { reason: "Invalid client_id or client_secret", error: "invalid_client" },
    });
  });
});

describe("OAuth2FetchError", () => {
  it("includes the cause's message and keeps a redacted copy of the cause (name, message, code)", () => {
    const cause = Object.assign(new Error("getaddrinfo ENOTFOUND zoom.us"), { code: "ENOTFOUND", data: "raw bytes with s3cret-value-1" });
    const error = new OAuth2FetchError(cause, {
      context: "Failed to send request to https://zoom.us/oauth/token",
      secrets: ["s3cret-value-1"],
    });
    expect(error.message).toBe("Failed to send request to https://zoom.us/oauth/token: getaddrinfo ENOTFOUND zoom.us");
    expect(error.cause).toBeInstanceOf(Error);
    expect(error.cause).toMatchObject({ name: "Error", message: "getaddrinfo ENOTFOUND zoom.us", code: "ENOTFOUND" });
    expect((error.cause as { data?: unknown }).data).toBeUndefined();
  });

  it("describes a cause that is not an Error", () => {
    expect(new OAuth2FetchError("offline").message).toBe("Failed to send request: offline");
  });
});

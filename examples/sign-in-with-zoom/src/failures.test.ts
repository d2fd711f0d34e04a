import { describe, expect, it } from "vitest";
import { describeFailure } from "./failures.js";

/** An error shaped like the libraries' own, with a secret in its message that must go nowhere. */
function libraryError(name: string, fields: Record<string, unknown> = {}): Error {
  return Object.assign(new Error("request failed for token sk_live_Xq7leak"), { name, ...fields });
}

describe("describeFailure", () => {
  it("explains an expired or reused code (invalid_grant at the exchange)", () => {
    const failure = describeFailure(libraryError("OAuth2RequestError", { code: "invalid_grant", status: 400 }), "exchange");
    expect(failure.status).toBe(400);
    expect(failure.problem.title).toBe("The sign-in code has expired or was already used");
    expect(failure.logLabel).toBe("error=OAuth2RequestError:invalid_grant status=400");
  });

  it("treats a 5xx from the token endpoint as Zoom's trouble, whatever its body", () => {
    for (const error of [
      libraryError("OAuth2RequestError", { code: "server_error", status: 503 }),
      libraryError("UnexpectedResponseError", { status: 502 }),
      libraryError("UnexpectedErrorResponseBodyError", { status: 500 }),
    ]) {
      const failure = describeFailure(error, "exchange");
      expect(failure.status).toBe(502);
      expect(failure.problem.title).toBe("Zoom had a problem");
    }
  });

  it("says Zoom could not be reached for network failures and timeouts", () => {
    for (const name of ["OAuth2FetchError", "ZoomNetworkError", "ZoomTimeoutError"]) {
      expect(describeFailure(libraryError(name), "exchange").problem.title).toBe("Zoom could not be reached");
    }
    expect(describeFailure(libraryError("OAuth2FetchError"), "revoke").problem.title).toBe(
      "Signed out here, but Zoom could not be reached",
    );
  });

  it("ends the session when the API refuses the token or the refresh fails", () => {
    expect(describeFailure(libraryError("ZoomApiError", { status: 401, code: 124 }), "profile")).toMatchObject({
      status: 401,
      endsSession: true,
    });
    expect(describeFailure(libraryError("ReauthorizationRequiredError"), "profile")).toMatchObject({
      status: 401,
      endsSession: true,
      problem: { title: "Your Zoom sign-in is no longer valid" },
    });
    expect(describeFailure(libraryError("ZoomApiError", { status: 500, code: null }), "profile").endsSession).toBe(false);
  });

  it("never carries an error's message into the page or the log", () => {
    const causes = [
      libraryError("OAuth2RequestError", { code: "invalid_client", status: 401 }),
      libraryError("OAuth2FetchError"),
      libraryError("ZoomApiError", { status: 404, code: 1001 }),
      libraryError("TypeError"),
      "not an error",
      null,
    ];
    for (const cause of causes) {
      const failure = describeFailure(cause, "exchange");
      expect(JSON.stringify(failure)).not.toContain("Xq7leak");
    }
  });

  it("does not echo a code that is not a plain identifier", () => {
    const failure = describeFailure(libraryError("OAuth2RequestError", { code: "<b>x</b> secret value", status: 400 }), "exchange");
    expect(failure.problem.detail).toContain('"unknown"');
    expect(failure.logLabel).toBe("error=OAuth2RequestError status=400");
    expect(describeFailure({ authorizationError: "<script>" }, "callback").problem.detail).toContain('"unknown"');
  });

  it("maps denied consent to its own page", () => {
    expect(describeFailure({ authorizationError: "access_denied" }, "callback")).toMatchObject({
      status: 403,
      problem: { title: "You did not allow access" },
    });
  });

  it("falls back to a generic 500 page for anything unexpected", () => {
    const failure = describeFailure(new RangeError("boom"), "route");
    expect(failure.status).toBe(500);
    expect(failure.problem.title).toBe("Something went wrong");
    expect(failure.logLabel).toBe("error=RangeError");
  });
});

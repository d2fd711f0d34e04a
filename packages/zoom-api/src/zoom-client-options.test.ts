import { describe, expect, it } from "vitest";
import { createZoomClient } from "./create-zoom-client.js";
import { type ZoomClientOptions, ZoomClientOptionsError } from "./zoom-client-options.js";

function rejectionOf(options: ZoomClientOptions): ZoomClientOptionsError {
  try {
    createZoomClient(options);
  } catch (error) {
    if (error instanceof ZoomClientOptionsError) return error;
    throw error;
  }
  throw new Error("createZoomClient accepted the options");
}

describe("createZoomClient options", () => {
  it("needs exactly one of accessToken and getAccessToken", () => {
    expect(rejectionOf({}).message).toBe("createZoomClient: accessToken or getAccessToken is required");
    expect(rejectionOf({ accessToken: "a", getAccessToken: () => "b" }).message).toBe(
      "createZoomClient: accessToken and getAccessToken are both set: give exactly one",
    );
  });

  it("rejects unusable tokens without echoing them", () => {
    const error = rejectionOf({ accessToken: "secret token\n" });
    expect(error.option).toBe("accessToken");
    expect(error.message).not.toContain("secret");
    expect(rejectionOf({ accessToken: "" }).message).toContain("non-empty");
  });

  it("takes test hooks only through the one testing seam, each checked by its path", () => {
    expect(rejectionOf({ accessToken: "t", testing: 5 as unknown as ZoomClientOptions["testing"] }).option).toBe("testing");
    expect(rejectionOf({ accessToken: "t", testing: { sleep: 1 as unknown as () => Promise<void> } }).option).toBe("testing.sleep");
    expect(rejectionOf({ accessToken: "t", testing: { clock: "now" as unknown as () => number } }).option).toBe("testing.clock");
    expect(rejectionOf({ accessToken: "t", testing: { random: {} as unknown as () => number } }).option).toBe("testing.random");
  });

  it("rejects a base URL that is not an absolute http(s) URL", () => {
    expect(rejectionOf({ accessToken: "t", baseUrl: "api.zoom.us/v2" }).option).toBe("baseUrl");
    expect(rejectionOf({ accessToken: "t", baseUrl: "ftp://api.zoom.us/v2" }).message).toContain("http or https");
    expect(rejectionOf({ accessToken: "t", baseUrl: "https://api.zoom.us/v2?x=1" }).option).toBe("baseUrl");
  });

  it("rejects negative or fractional retry counts and non-positive timeouts", () => {
    expect(rejectionOf({ accessToken: "t", maxRetries: -1 }).message).toBe(
      "createZoomClient: maxRetries must be a whole number >= 0, got -1",
    );
    expect(rejectionOf({ accessToken: "t", maxRetries: 1.5 }).option).toBe("maxRetries");
    expect(rejectionOf({ accessToken: "t", timeoutMs: 0 }).option).toBe("timeoutMs");
    expect(rejectionOf({ accessToken: "t", maxRetryDelayMs: Number.NaN }).option).toBe("maxRetryDelayMs");
  });

  it("rejects values of the wrong type from untyped callers", () => {
    const untyped = (options: Record<string, unknown>) => rejectionOf(options as ZoomClientOptions).option;
    expect(untyped({ getAccessToken: "token" })).toBe("getAccessToken");
    expect(untyped({ accessToken: "t", fetch: "fetch" })).toBe("fetch");
    expect(untyped({ accessToken: "t", signal: {} })).toBe("signal");
    expect(untyped({ accessToken: "t", throwOnError: "yes" })).toBe("throwOnError");
  });

  it("takes onUnauthorized only with getAccessToken (a fixed token cannot be replaced)", () => {
    expect(rejectionOf({ accessToken: "t", onUnauthorized: () => {} }).message).toBe(
      "createZoomClient: onUnauthorized needs getAccessToken: a fixed accessToken cannot be replaced after a 401",
    );
    const untyped = { getAccessToken: () => "t", onUnauthorized: "invalidate" } as unknown as ZoomClientOptions;
    expect(rejectionOf(untyped).option).toBe("onUnauthorized");
  });

  it("is a TypeError with its own name", () => {
    const error = rejectionOf({});
    expect(error).toBeInstanceOf(TypeError);
    expect(error.name).toBe("ZoomClientOptionsError");
  });
});

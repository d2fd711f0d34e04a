import { afterEach, describe, expect, it, vi } from "vitest";
import { decodeBasicCredentials } from "./client-authentication.js";
import {
  OAuth2FetchError,
  OAuth2RequestError,
  UnexpectedErrorResponseBodyError,
  UnexpectedResponseError,
} from "./errors.js";
import { createFakeFetch, hangingFetch, jsonResponse, textResponse } from "../test/fake-fetch.js";
import {
  DEFAULT_TIMEOUT_MS,
  ignoreResponseBody,
  type OAuth2ClientOptions,
  type OAuth2EndpointRequest,
  readTokenResponse,
  sendOAuth2Request,
} from "./token-request.js";

const TOKEN_URL = new URL("https://auth.example/oauth/token");
const confidential = { method: "client_secret_basic", clientId: "client-id", clientSecret: "client-secret" } as const;

function tokenRequest(options: OAuth2ClientOptions, body?: Record<string, string>): OAuth2EndpointRequest {
  return {
    url: TOKEN_URL,
    body: new URLSearchParams(body ?? { grant_type: "refresh_token", refresh_token: "refresh-1" }),
    authentication: confidential,
    options,
  };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the promise to reject");
}

const tokenBody = { access_token: "access-1", token_type: "bearer", expires_in: 3599 };

describe("sendOAuth2Request: what is sent", () => {
  it("POSTs the form with JSON accept, form content type and Basic credentials", async () => {
    const fake = createFakeFetch(() => jsonResponse(tokenBody));
    await sendOAuth2Request(tokenRequest({ fetch: fake.fetch }), readTokenResponse);

    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe("https://auth.example/oauth/token");
    expect(request?.headers.get("Accept")).toBe("application/json");
    expect(request?.headers.get("Content-Type")).toBe("application/x-www-form-urlencoded");
    expect(decodeBasicCredentials(request?.headers.get("Authorization") ?? "")).toEqual({
      clientId: "client-id",
      clientSecret: "client-secret",
    });
    expect(Object.fromEntries(new URLSearchParams(request?.body))).toEqual({
      grant_type: "refresh_token",
      refresh_token: "refresh-1",
    });
  });

  it("never sets Content-Length itself and never follows redirects", async () => {
    const fake = createFakeFetch(() => jsonResponse(tokenBody));
    await sendOAuth2Request(tokenRequest({ fetch: fake.fetch }), readTokenResponse);
    expect(fake.requests[0]?.headers.has("Content-Length")).toBe(false);
    expect(fake.requests[0]?.redirect).toBe("manual");
  });

  it("sends a User-Agent only when one is configured", async () => {
    const fake = createFakeFetch(() => jsonResponse(tokenBody));
    await sendOAuth2Request(tokenRequest({ fetch: fake.fetch, userAgent: "my-app/1.0" }), readTokenResponse);
    await sendOAuth2Request(tokenRequest({ fetch: fake.fetch }), readTokenResponse);
    expect(fake.requests[0]?.headers.get("User-Agent")).toBe("my-app/1.0");
    expect(fake.requests[1]?.headers.has("User-Agent")).toBe(false);
  });

  it("sends client_id in the body and no Authorization header for a public client", async () => {
    const fake = createFakeFetch(() => jsonResponse(tokenBody));
    await sendOAuth2Request(
      { ...tokenRequest({ fetch: fake.fetch }), authentication: { method: "none", clientId: "public-id" } },
      readTokenResponse,
    );
    expect(fake.requests[0]?.headers.has("Authorization")).toBe(false);
    expect(new URLSearchParams(fake.requests[0]?.body).get("client_id")).toBe("public-id");
  });

  it("does not modify the caller's form body", async () => {
    const fake = createFakeFetch(() => jsonResponse(tokenBody));
    const request = { ...tokenRequest({ fetch: fake.fetch }), authentication: { method: "none", clientId: "x" } } as const;
    await sendOAuth2Request(request, readTokenResponse);
    expect(request.body.has("client_id")).toBe(false);
  });
});

describe("sendOAuth2Request: which fetch", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("uses globalThis.fetch as it is at call time, not when the request was prepared", async () => {
    const request = tokenRequest({});
    const late = createFakeFetch(() => jsonResponse(tokenBody));
    vi.stubGlobal("fetch", late.fetch);
    await sendOAuth2Request(request, readTokenResponse);
    expect(late.requests).toHaveLength(1);
  });

  it("prefers options.fetch over the global one", async () => {
    const global = createFakeFetch(() => jsonResponse(tokenBody));
    const own = createFakeFetch(() => jsonResponse(tokenBody));
    vi.stubGlobal("fetch", global.fetch);
    await sendOAuth2Request(tokenRequest({ fetch: own.fetch }), readTokenResponse);
    expect(own.requests).toHaveLength(1);
    expect(global.requests).toHaveLength(0);
  });
});

describe("sendOAuth2Request: success", () => {
  it("returns the token body and the time the response arrived, from the clock", async () => {
    const fake = createFakeFetch(() => jsonResponse(tokenBody));
    const result = await sendOAuth2Request(
      tokenRequest({ fetch: fake.fetch, clock: () => Date.UTC(2026, 0, 1) }),
      readTokenResponse,
    );
    expect(result.data).toEqual(tokenBody);
    expect(result.receivedAt.toISOString()).toBe("2026-01-01T00:00:00.000Z");
  });

  it("accepts a JSON token body whatever its content type says", async () => {
    const fake = createFakeFetch(() => textResponse(JSON.stringify(tokenBody), 200, "text/plain"));
    const result = await sendOAuth2Request(tokenRequest({ fetch: fake.fetch }), readTokenResponse);
    expect(result.data.access_token).toBe("access-1");
  });

  it.each([
    ["an empty object", "{}"],
    ["an access_token that is a number", '{"access_token":12345}'],
    ["a JSON array", '[{"access_token":"a"}]'],
    ["JSON null", "null"],
    ["an empty body", ""],
    ["HTML", "<html><body>Welcome</body></html>"],
  ])("rejects a 200 with %s at the request", async (_case, body) => {
    const fake = createFakeFetch(() => textResponse(body, 200, "application/json"));
    const error = await rejection(sendOAuth2Request(tokenRequest({ fetch: fake.fetch }), readTokenResponse));
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error).toMatchObject({ status: 200, contentType: "application/json" });
    expect((error as Error).message).toContain('a JSON object with a non-empty string "access_token"');
  });

  it("lets a revocation accept any 2xx body, including Zoom's {status: success}", async () => {
    for (const response of [
      () => jsonResponse({ status: "success" }),
      () => new Response(null, { status: 200 }),
      () => new Response(null, { status: 204 }),
    ]) {
      const fake = createFakeFetch(response);
      await expect(
        sendOAuth2Request(tokenRequest({ fetch: fake.fetch }, { token: "t" }), ignoreResponseBody),
      ).resolves.toBeUndefined();
    }
  });
});

describe("sendOAuth2Request: error responses", () => {
  it("turns Zoom's {reason, error} into an OAuth2RequestError with the reason in the message", async () => {
    const fake = createFakeFetch(() => jsonResponse({ reason: "Invalid Token!", error: "invalid_grant" }, 400));
    const error = await rejection(sendOAuth2Request(tokenRequest({ fetch: fake.fetch }), readTokenResponse));
    expect(error).toBeInstanceOf(OAuth2RequestError);
    expect(error).toMatchObject({
      name: "OAuth2RequestError",
      code: "invalid_grant",
      description: "Invalid Token!",
      status: 400,
      data: { reason: "Invalid Token!", error: "invalid_grant" },
    });
    expect((error as Error).message).toBe("OAuth2 request failed with invalid_grant: Invalid Token!");
  });

  it("reads the standard fields of RFC 6749 section 5.2", async () => {
    const body = {
      error: "invalid_client",
      error_description: "Client authentication failed",
      error_uri: "https://auth.example/docs/errors#invalid_client",
      state: "state-1",
    };
    const fake = createFakeFetch(() => jsonResponse(body, 401));
    const error = await rejection(sendOAuth2Request(tokenRequest({ fetch: fake.fetch }), readTokenResponse));
    expect(error).toMatchObject({
      code: "invalid_client",
      description: "Client authentication failed",
      uri: "https://auth.example/docs/errors#invalid_client",
      state: "state-1",
      status: 401,
    });
  });

  it("classifies a 5xx OAuth error body as an OAuth2RequestError too", async () => {
    const fake = createFakeFetch(() => jsonResponse({ error: "server_error" }, 503));
    const error = await rejection(sendOAuth2Request(tokenRequest({ fetch: fake.fetch }), readTokenResponse));
    expect(error).toMatchObject({ name: "OAuth2RequestError", code: "server_error", status: 503 });
  });

  it.each([
    ["an object without error", { message: "Internal error" }],
    ["an error that is not a string", { error: 4700 }],
    ["an array", [1, 2]],
    ["a string", "oops"],
  ])("turns an error status with JSON that is %s into UnexpectedErrorResponseBodyError", async (_case, body) => {
    const fake = createFakeFetch(() => jsonResponse(body, 500));
    const error = await rejection(sendOAuth2Request(tokenRequest({ fetch: fake.fetch }), readTokenResponse));
    expect(error).toBeInstanceOf(UnexpectedErrorResponseBodyError);
    expect(error).toMatchObject({ name: "UnexpectedErrorResponseBodyError", status: 500, data: body });
  });

  it("turns an HTML error page into UnexpectedResponseError with a bounded excerpt", async () => {
    const page = `<html><body>${"Bad gateway. ".repeat(100)}</body></html>`;
    const fake = createFakeFetch(() => textResponse(page, 502, "text/html; charset=utf-8"));
    const error = await rejection(sendOAuth2Request(tokenRequest({ fetch: fake.fetch }), readTokenResponse));
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error).toMatchObject({ status: 502, contentType: "text/html; charset=utf-8" });
    expect((error as UnexpectedResponseError).bodyExcerpt).toBe(page.slice(0, 200));
    expect((error as Error).message).toBe(
      'Unexpected response: HTTP 502 (text/html; charset=utf-8): expected a JSON error body with a string "error"',
    );
  });

  it("reports a missing content type", async () => {
    const fake = createFakeFetch(() => new Response(null, { status: 500 }));
    const error = await rejection(sendOAuth2Request(tokenRequest({ fetch: fake.fetch }), readTokenResponse));
    expect(error).toMatchObject({ name: "UnexpectedResponseError", contentType: null, bodyExcerpt: "" });
  });

  it("treats a redirect as unexpected instead of following it", async () => {
    const fake = createFakeFetch(
      () => new Response(null, { status: 302, headers: { Location: "https://elsewhere.example/" } }),
    );
    const error = await rejection(sendOAuth2Request(tokenRequest({ fetch: fake.fetch }), readTokenResponse));
    expect(error).toMatchObject({ name: "UnexpectedResponseError", status: 302 });
  });
});

describe("sendOAuth2Request: reading the body", () => {
  function trackedResponse(text: string, status: number): { response: Response; cancelled: () => boolean } {
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(text));
        controller.close();
      },
      cancel() {
        cancelled = true;
      },
    });
    const response = new Response(stream, { status, headers: { "Content-Type": "text/html" } });
    return { response, cancelled: () => cancelled };
  }

  it.each([
    [200, '{"access_token":"a"}'],
    [200, "not json"],
    [400, '{"error":"invalid_grant"}'],
    [500, "<html>down</html>"],
    [302, ""],
  ])("reads the body of a %i response once and never cancels it", async (status, text) => {
    const tracked = trackedResponse(text, status);
    const fake = createFakeFetch(() => tracked.response);
    await sendOAuth2Request(tokenRequest({ fetch: fake.fetch }), readTokenResponse).catch(() => undefined);
    expect(tracked.response.bodyUsed).toBe(true);
    expect(tracked.cancelled()).toBe(false);
  });

  it("turns a body that fails mid-read into OAuth2FetchError", async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.error(new Error("socket hang up"));
      },
    });
    const fake = createFakeFetch(() => new Response(stream, { status: 200 }));
    const error = await rejection(sendOAuth2Request(tokenRequest({ fetch: fake.fetch }), readTokenResponse));
    expect(error).toBeInstanceOf(OAuth2FetchError);
    expect((error as Error).message).toBe(
      "Failed to read the response of https://auth.example/oauth/token: socket hang up",
    );
  });
});

describe("sendOAuth2Request: no answer", () => {
  it("wraps a fetch rejection in OAuth2FetchError, with the cause and its message", async () => {
    const cause = new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED 127.0.0.1:9") });
    const fake = createFakeFetch(() => Promise.reject(cause));
    const error = await rejection(sendOAuth2Request(tokenRequest({ fetch: fake.fetch }), readTokenResponse));
    expect(error).toBeInstanceOf(OAuth2FetchError);
    expect((error as OAuth2FetchError).cause).toBeInstanceOf(TypeError);
    expect((error as OAuth2FetchError).cause).toMatchObject({
      message: "fetch failed",
      cause: { message: "connect ECONNREFUSED 127.0.0.1:9" },
    });
    expect((error as Error).message).toBe(
      "Failed to send request to https://auth.example/oauth/token: fetch failed (connect ECONNREFUSED 127.0.0.1:9)",
    );
  });

  it("times out after timeoutMs and says so", async () => {
    const fake = hangingFetch();
    const error = await rejection(
      sendOAuth2Request(tokenRequest({ fetch: fake.fetch, timeoutMs: 20 }), readTokenResponse),
    );
    expect(error).toBeInstanceOf(OAuth2FetchError);
    expect((error as Error).message).toMatch(
      /^Request to https:\/\/auth\.example\/oauth\/token timed out after 20 ms: /,
    );
    expect(((error as OAuth2FetchError).cause as Error).name).toBe("TimeoutError");
  });

  it("applies a default timeout to every request", async () => {
    vi.useFakeTimers();
    try {
      let settled = false;
      const pending = sendOAuth2Request(tokenRequest({ fetch: hangingFetch().fetch }), readTokenResponse).finally(() => {
        settled = true;
      });
      pending.catch(() => {});
      await vi.advanceTimersByTimeAsync(DEFAULT_TIMEOUT_MS - 1);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      const error = await rejection(pending);
      expect(error).toBeInstanceOf(OAuth2FetchError);
      expect((error as Error).message).toMatch(new RegExp(`timed out after ${DEFAULT_TIMEOUT_MS} ms`));
    } finally {
      vi.useRealTimers();
    }
  });

  it("holds no timer once the answer has been read", async () => {
    vi.useFakeTimers();
    try {
      const fake = createFakeFetch(() => jsonResponse(tokenBody));
      await sendOAuth2Request(tokenRequest({ fetch: fake.fetch }), readTokenResponse);
      expect(vi.getTimerCount()).toBe(0);
      await rejection(sendOAuth2Request(tokenRequest({ fetch: createFakeFetch(() => new Response("<html>", { status: 502 })).fetch }), readTokenResponse));
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it("stops when the caller's signal is aborted before sending", async () => {
    const controller = new AbortController();
    controller.abort(new Error("user navigated away"));
    const fake = hangingFetch();
    const error = await rejection(
      sendOAuth2Request(tokenRequest({ fetch: fake.fetch, signal: controller.signal }), readTokenResponse),
    );
    expect(error).toBeInstanceOf(OAuth2FetchError);
    expect((error as Error).message).toBe(
      "Failed to send request to https://auth.example/oauth/token: user navigated away",
    );
  });

  it("stops when the caller's signal is aborted while waiting", async () => {
    const controller = new AbortController();
    // Abort once the request is out, whenever that is: no real-time wait, however busy the machine.
    let markSent = () => {};
    const sent = new Promise<void>((resolve) => {
      markSent = resolve;
    });
    const fake = hangingFetch(markSent);
    const pending = rejection(
      sendOAuth2Request(tokenRequest({ fetch: fake.fetch, signal: controller.signal }), readTokenResponse),
    );
    await sent;
    expect(fake.requests).toHaveLength(1);
    controller.abort();
    const error = await pending;
    expect(error).toBeInstanceOf(OAuth2FetchError);
    expect(((error as OAuth2FetchError).cause as Error).name).toBe("AbortError");
    expect((error as Error).message).not.toContain("timed out");
  });
});

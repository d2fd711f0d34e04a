import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createZoomClient } from "./create-zoom-client.js";
import { ZoomApiError } from "./zoom-api-error.js";
import type { ZoomClientOptions } from "./zoom-client-options.js";
import { ZoomNetworkError, ZoomTimeoutError } from "./zoom-network-error.js";

const API = "https://api.zoom.us/v2";
const NOW = Date.parse("2026-11-28T12:00:00Z");
const ada = { id: "u1", email: "ada@example.com" };
const rateLimited = { code: 429, message: "You have reached the maximum per-second rate limit for this API." };

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** A client whose waits are recorded instead of slept, with a fixed clock and jitter. */
function clientWithRecordedWaits(options: Partial<ZoomClientOptions> = {}) {
  const waits: number[] = [];
  const client = createZoomClient({
    accessToken: "token",
    testing: {
      clock: () => NOW,
      random: () => 0.5,
      sleep: async (ms) => {
        waits.push(ms);
      },
    },
    ...options,
  });
  return { client, waits };
}

/** Serves the given answers in order for `method path`, then fails the test on any extra call. */
function answerInTurn(method: "get" | "post" | "patch", path: string, answers: (() => Response)[]) {
  const calls: { authorization: string | null; body: string }[] = [];
  server.use(
    http[method](`${API}${path}`, async ({ request }) => {
      calls.push({ authorization: request.headers.get("authorization"), body: await request.text() });
      const answer = answers[calls.length - 1];
      if (!answer) throw new Error(`unexpected attempt ${calls.length}`);
      return answer();
    }),
  );
  return calls;
}

const tooManyRequests = (headers: Record<string, string> = {}) => () =>
  HttpResponse.json(rateLimited, { status: 429, headers });
const serverError = () => HttpResponse.json({ code: 500, message: "Internal error" }, { status: 500 });
const networkError = () => HttpResponse.error();
const ok = () => HttpResponse.json(ada);

describe("retries on 429", () => {
  it("waits Retry-After seconds, then retries with a freshly asked token", async () => {
    const calls = answerInTurn("get", "/users/me", [tooManyRequests({ "Retry-After": "2" }), ok]);
    let issued = 0;
    const { client, waits } = clientWithRecordedWaits({ accessToken: undefined, getAccessToken: () => `t${++issued}` });
    const { data } = await client.GET("/users/me");
    expect(data?.id).toBe("u1");
    expect(waits).toEqual([2000]);
    expect(calls.map((call) => call.authorization)).toEqual(["Bearer t1", "Bearer t2"]);
  });

  it("waits until a Retry-After HTTP date", async () => {
    answerInTurn("get", "/users/me", [tooManyRequests({ "Retry-After": new Date(NOW + 3000).toUTCString() }), ok]);
    const { client, waits } = clientWithRecordedWaits();
    expect((await client.GET("/users/me")).response.status).toBe(200);
    expect(waits).toEqual([3000]);
  });

  it("waits until a Retry-After ISO-8601 date-time", async () => {
    answerInTurn("get", "/users/me", [tooManyRequests({ "Retry-After": "2026-11-28T12:00:04Z" }), ok]);
    const { client, waits } = clientWithRecordedWaits();
    expect((await client.GET("/users/me")).response.status).toBe(200);
    expect(waits).toEqual([4000]);
  });

  it("waits until X-RateLimit-Reset when there is no Retry-After", async () => {
    answerInTurn("get", "/users/me", [tooManyRequests({ "X-RateLimit-Reset": String(NOW / 1000 + 5) }), ok]);
    const { client, waits } = clientWithRecordedWaits();
    expect((await client.GET("/users/me")).response.status).toBe(200);
    expect(waits).toEqual([5000]);
  });

  it("retries a rate-limited POST too: Zoom did not process it", async () => {
    const calls = answerInTurn("post", "/users", [tooManyRequests({ "Retry-After": "1" }), ok]);
    const { client, waits } = clientWithRecordedWaits();
    const body = { action: "create" as const, user_info: { email: "bob@example.com", type: 1 as const } };
    expect((await client.POST("/users", { body })).response.status).toBe(200);
    expect(waits).toEqual([1000]);
    expect(calls.map((call) => JSON.parse(call.body))).toEqual([body, body]);
  });

  it("backs off exponentially with jitter when a 429 has no headers, then surfaces it", async () => {
    const calls = answerInTurn("get", "/users/me", [tooManyRequests(), tooManyRequests(), tooManyRequests()]);
    const { client, waits } = clientWithRecordedWaits();
    const { error, response } = await client.GET("/users/me");
    expect(calls).toHaveLength(3);
    expect(waits).toEqual([375, 750]);
    expect(response.status).toBe(429);
    expect(error?.message).toBe(rateLimited.message);
  });

  it("surfaces a daily limit at once, with its reset time in the thrown error", async () => {
    const calls = answerInTurn("get", "/users/me", [
      tooManyRequests({ "X-RateLimit-Type": "Daily-limit", "Retry-After": "2026-11-29T00:00:00Z" }),
    ]);
    const { client, waits } = clientWithRecordedWaits({ throwOnError: true });
    const error = await client.GET("/users/me").catch((thrown: unknown) => thrown);
    expect(calls).toHaveLength(1);
    expect(waits).toEqual([]);
    expect(error).toBeInstanceOf(ZoomApiError);
    expect((error as ZoomApiError).rateLimit).toMatchObject({
      type: "Daily-limit",
      retryAt: new Date("2026-11-29T00:00:00Z"),
    });
  });

  it("surfaces a 429 whose wait exceeds maxRetryDelayMs instead of sleeping on it", async () => {
    const calls = answerInTurn("get", "/users/me", [tooManyRequests({ "Retry-After": "120" })]);
    const { client, waits } = clientWithRecordedWaits({ maxRetryDelayMs: 60_000 });
    expect((await client.GET("/users/me")).response.status).toBe(429);
    expect(calls).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it("does not retry when maxRetries is 0", async () => {
    const calls = answerInTurn("get", "/users/me", [tooManyRequests({ "Retry-After": "1" })]);
    const { client } = clientWithRecordedWaits({ maxRetries: 0 });
    expect((await client.GET("/users/me")).response.status).toBe(429);
    expect(calls).toHaveLength(1);
  });
});

describe("retries on 5xx and network errors", () => {
  it("retries a GET after a 5xx", async () => {
    const calls = answerInTurn("get", "/users/me", [serverError, serverError, ok]);
    const { client, waits } = clientWithRecordedWaits();
    expect((await client.GET("/users/me")).data?.id).toBe("u1");
    expect(calls).toHaveLength(3);
    expect(waits).toEqual([375, 750]);
  });

  it("does not retry a POST or PATCH after a 5xx", async () => {
    const posts = answerInTurn("post", "/users", [serverError]);
    const patches = answerInTurn("patch", "/users/:userId", [serverError]);
    const { client } = clientWithRecordedWaits();
    const body = { action: "create" as const, user_info: { email: "bob@example.com", type: 1 as const } };
    expect((await client.POST("/users", { body })).response.status).toBe(500);
    const patched = await client.PATCH("/users/{userId}", { params: { path: { userId: "me" } }, body: { first_name: "Ada", use_pmi: false } });
    expect(patched.response.status).toBe(500);
    expect(posts).toHaveLength(1);
    expect(patches).toHaveLength(1);
  });

  it("retries a POST after a 5xx with retryNonIdempotent, re-sending the same body", async () => {
    const calls = answerInTurn("post", "/users", [serverError, ok]);
    const { client } = clientWithRecordedWaits({ retryNonIdempotent: true });
    const body = { action: "create" as const, user_info: { email: "bob@example.com", type: 1 as const } };
    expect((await client.POST("/users", { body })).response.status).toBe(200);
    expect(calls.map((call) => call.body)).toEqual([JSON.stringify(body), JSON.stringify(body)]);
  });

  it("retries a GET after a network error", async () => {
    const calls = answerInTurn("get", "/users/me", [networkError, ok]);
    const { client } = clientWithRecordedWaits();
    expect((await client.GET("/users/me")).data?.id).toBe("u1");
    expect(calls).toHaveLength(2);
  });

  it("throws ZoomNetworkError, with the cause, once retries are spent", async () => {
    const calls = answerInTurn("get", "/users/me", [networkError, networkError, networkError]);
    const { client } = clientWithRecordedWaits();
    const error = await client.GET("/users/me").catch((thrown: unknown) => thrown);
    expect(calls).toHaveLength(3);
    expect(error).toBeInstanceOf(ZoomNetworkError);
    expect(error).toMatchObject({ name: "ZoomNetworkError", method: "GET", url: `${API}/users/me` });
    expect((error as Error).cause).toBeInstanceOf(TypeError);
  });

  it("does not retry a POST after a network error", async () => {
    const calls = answerInTurn("post", "/users", [networkError]);
    const { client } = clientWithRecordedWaits();
    const body = { action: "create" as const, user_info: { email: "bob@example.com", type: 1 as const } };
    await expect(client.POST("/users", { body })).rejects.toBeInstanceOf(ZoomNetworkError);
    expect(calls).toHaveLength(1);
  });

  it("never puts the access token in a network error's message, stack or JSON", async () => {
    answerInTurn("get", "/users/me", [networkError]);
    const secret = "super-secret-access-token";
    const { client } = clientWithRecordedWaits({ accessToken: secret, maxRetries: 0 });
    const error = (await client.GET("/users/me").catch((thrown: unknown) => thrown)) as ZoomNetworkError;
    expect(error).toBeInstanceOf(ZoomNetworkError);
    for (const text of [error.message, error.stack ?? "", JSON.stringify(error), String(error.cause)]) {
      expect(text).not.toContain(secret);
    }
  });
});

/** A fetch that never answers: it only settles when the attempt's signal aborts. */
function hangingFetch(attempts: Request[]): typeof fetch {
  return (input, init) => {
    const request = new Request(input, init);
    attempts.push(request);
    return new Promise((_, reject) => {
      request.signal.addEventListener("abort", () => reject(request.signal.reason), { once: true });
    });
  };
}

async function untilAttempted(attempts: Request[]): Promise<void> {
  while (attempts.length === 0) await new Promise((resolve) => setImmediate(resolve));
}

describe("timeouts and abort", () => {
  it("throws ZoomTimeoutError when no response arrives within timeoutMs", async () => {
    const attempts: Request[] = [];
    const { client } = clientWithRecordedWaits({ fetch: hangingFetch(attempts), timeoutMs: 5, maxRetries: 0 });
    const error = await client.GET("/users/me").catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ZoomTimeoutError);
    expect(error).toBeInstanceOf(ZoomNetworkError);
    expect(error).toMatchObject({ name: "ZoomTimeoutError", timeoutMs: 5 });
    expect(attempts).toHaveLength(1);
  });

  it("never puts the access token in a timeout error's message, stack or JSON", async () => {
    const secret = "super-secret-access-token";
    const { client } = clientWithRecordedWaits({
      accessToken: secret,
      fetch: hangingFetch([]),
      timeoutMs: 5,
      maxRetries: 0,
    });
    const error = (await client.GET("/users/me").catch((thrown: unknown) => thrown)) as ZoomTimeoutError;
    expect(error).toBeInstanceOf(ZoomTimeoutError);
    for (const text of [error.message, error.stack ?? "", JSON.stringify(error)]) expect(text).not.toContain(secret);
  });

  it("sends nothing when the call's signal is already aborted", async () => {
    const attempts: Request[] = [];
    const { client } = clientWithRecordedWaits({ fetch: hangingFetch(attempts) });
    const reason = new Error("cancelled before sending");
    await expect(client.GET("/users/me", { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(attempts).toHaveLength(0);
  });

  it("gives each attempt of an idempotent request its own timeout", async () => {
    const attempts: Request[] = [];
    const { client } = clientWithRecordedWaits({ fetch: hangingFetch(attempts), timeoutMs: 5, maxRetries: 1 });
    await expect(client.GET("/users/me")).rejects.toBeInstanceOf(ZoomTimeoutError);
    expect(attempts).toHaveLength(2);
  });

  it("stops at once when aborted during the backoff wait", async () => {
    const calls = answerInTurn("get", "/users/me", [serverError, ok]);
    const controller = new AbortController();
    let sleeping = false;
    const client = createZoomClient({
      accessToken: "t",
      testing: {
        // A sleep that ignores its signal: the client must still stop waiting on abort.
        sleep: () => {
          sleeping = true;
          controller.abort(new Error("user navigated away"));
          return new Promise(() => {});
        },
      },
    });
    const error = await client.GET("/users/me", { signal: controller.signal }).catch((thrown: unknown) => thrown);
    expect(sleeping).toBe(true);
    expect(error).toEqual(new Error("user navigated away"));
    expect(calls).toHaveLength(1);
  });

  it("aborts every request of the client through the signal option", async () => {
    const attempts: Request[] = [];
    const controller = new AbortController();
    const { client } = clientWithRecordedWaits({ fetch: hangingFetch(attempts), signal: controller.signal });
    const pending = client.GET("/users/me").catch((thrown: unknown) => thrown);
    await untilAttempted(attempts);
    controller.abort();
    expect(((await pending) as Error).name).toBe("AbortError");
    await expect(client.GET("/users/me")).rejects.toMatchObject({ name: "AbortError" });
    expect(attempts).toHaveLength(1);
  });

  it("still aborts through the call's signal with no timeout and no client-wide signal", async () => {
    const attempts: Request[] = [];
    const controller = new AbortController();
    const { client } = clientWithRecordedWaits({ fetch: hangingFetch(attempts), timeoutMs: Number.POSITIVE_INFINITY });
    const pending = client.GET("/users/me", { signal: controller.signal }).catch((thrown: unknown) => thrown);
    await untilAttempted(attempts);
    controller.abort();
    expect(((await pending) as Error).name).toBe("AbortError");
    expect(attempts).toHaveLength(1);
  });

  it("aborts a request through the call's own signal, without retrying", async () => {
    const attempts: Request[] = [];
    const controller = new AbortController();
    const { client } = clientWithRecordedWaits({ fetch: hangingFetch(attempts) });
    const pending = client.GET("/users/me", { signal: controller.signal }).catch((thrown: unknown) => thrown);
    await untilAttempted(attempts);
    controller.abort();
    expect(((await pending) as Error).name).toBe("AbortError");
    expect(attempts).toHaveLength(1);
  });
});

describe("a 401 with onUnauthorized", () => {
  const unauthorized = () => HttpResponse.json({ code: 124, message: "Invalid access token." }, { status: 401 });

  /** A token source like @org/zoom-auth's: a cached token, replaced after invalidate(). */
  function tokenSource() {
    let generation = 1;
    let invalidated = false;
    return {
      getAccessToken: async () => {
        if (invalidated) {
          generation++;
          invalidated = false;
        }
        return `t${generation}`;
      },
      invalidate: () => {
        invalidated = true;
      },
    };
  }

  /** A client over a fresh token source, with `onUnauthorized` wired to its `invalidate()`. */
  function clientWithTokenSource(options: Partial<ZoomClientOptions> = {}) {
    const source = tokenSource();
    return clientWithRecordedWaits({
      accessToken: undefined,
      getAccessToken: source.getAccessToken,
      onUnauthorized: source.invalidate,
      ...options,
    });
  }

  it("forgets the token and sends the request once more, at once, with a new one (even a POST)", async () => {
    const calls = answerInTurn("post", "/users", [unauthorized, () => HttpResponse.json({ id: "new" }, { status: 201 })]);
    const { client, waits } = clientWithTokenSource({ maxRetries: 0 });
    const body = { action: "create" as const, user_info: { email: "bob@example.com", type: 1 as const } };
    const { data } = await client.POST("/users", { body });
    expect(data?.id).toBe("new");
    expect(calls).toEqual([
      { authorization: "Bearer t1", body: JSON.stringify(body) },
      { authorization: "Bearer t2", body: JSON.stringify(body) },
    ]);
    expect(waits).toEqual([]);
  });

  it("answers the second 401 (once per call), and the next call may try again", async () => {
    const calls = answerInTurn("get", "/users/me", [unauthorized, unauthorized, unauthorized, ok]);
    const source = tokenSource();
    let forgotten = 0;
    const { client } = clientWithRecordedWaits({
      accessToken: undefined,
      getAccessToken: source.getAccessToken,
      onUnauthorized: () => {
        forgotten++;
        source.invalidate();
      },
    });
    expect((await client.GET("/users/me")).response.status).toBe(401);
    expect(forgotten).toBe(1);
    expect((await client.GET("/users/me")).data).toEqual(ada);
    expect(calls.map((call) => call.authorization)).toEqual(["Bearer t1", "Bearer t2", "Bearer t2", "Bearer t3"]);
  });

  it("does not spend the retry budget: a 429 after the 401 is still retried", async () => {
    const calls = answerInTurn("get", "/users/me", [unauthorized, tooManyRequests({ "Retry-After": "1" }), ok]);
    const { client, waits } = clientWithTokenSource({ maxRetries: 1 });
    expect((await client.GET("/users/me")).data).toEqual(ada);
    expect(waits).toEqual([1000]);
    expect(calls).toHaveLength(3);
  });

  it("throws what onUnauthorized throws, without another attempt", async () => {
    const calls = answerInTurn("get", "/users/me", [unauthorized, ok]);
    const signedOut = new Error("the refresh token is dead: sign in again");
    const { client } = clientWithRecordedWaits({
      accessToken: undefined,
      getAccessToken: () => "t1",
      onUnauthorized: () => Promise.reject(signedOut),
    });
    await expect(client.GET("/users/me")).rejects.toBe(signedOut);
    expect(calls).toHaveLength(1);
  });

  it("without onUnauthorized, a 401 is the answer", async () => {
    const calls = answerInTurn("get", "/users/me", [unauthorized, ok]);
    const { client } = clientWithRecordedWaits();
    const { error, response } = await client.GET("/users/me");
    expect(response.status).toBe(401);
    expect(error).toEqual({ code: 124, message: "Invalid access token." });
    expect(calls).toHaveLength(1);
  });
});

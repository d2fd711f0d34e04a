import { afterEach, describe, expect, it, vi } from "vitest";
import {
  OAuth2FetchError,
  createUserTokenSource,
  OAuth2RequestError,
  ReauthorizationRequiredError,
  TokenPersistenceError,
  type UserTokenSnapshot,
  type UserTokenSourceOptions,
  UnexpectedResponseError,
  Zoom,
  ZoomTokens,
} from "./index.js";
import { createFakeFetch, jsonResponse, type RecordedRequest, textResponse } from "../../oauth-core/test/fake-fetch.js";
import { createRotatingTokenEndpoint } from "./test-support/rotating-token-endpoint.js";

const START = Date.UTC(2026, 0, 1);
const HOUR_SECONDS = 3599;

/** An answer of the fake token endpoint; `undefined` lets it refresh as Zoom does. */
type Answer = (request: RecordedRequest, refreshCount: number) => Response | undefined | Promise<Response | undefined>;

/**
 * A user token source over a fake Zoom token endpoint that rotates refresh tokens as Zoom does:
 * refresh-N gives access-(N+1) and refresh-(N+1), and refresh-N is refused with invalid_grant from then on.
 */
function userSource(
  setup: { answer?: Answer; onTokens?: UserTokenSourceOptions["onTokens"]; initial?: Record<string, unknown> } = {},
) {
  let now = START;
  const clock = () => now;
  let refreshCount = 0;
  const rotate = createRotatingTokenEndpoint({ scope: "user:read meeting:write", api_url: "https://eu01api.zoom.us" });
  const fake = createFakeFetch(async (request) => {
    refreshCount++;
    const special = await setup.answer?.(request, refreshCount);
    return special ?? rotate(request);
  });
  const zoom = new Zoom("client-id", "client-secret", "https://app.example/callback", { fetch: fake.fetch, clock });
  const tokens = new ZoomTokens(
    setup.initial ?? {
      access_token: "access-0",
      token_type: "bearer",
      refresh_token: "refresh-0",
      expires_in: HOUR_SECONDS,
      scope: "user:read meeting:write",
      api_url: "https://eu01api.zoom.us",
    },
    { receivedAt: new Date(START) },
  );
  const stored: UserTokenSnapshot[] = [];
  const source = createUserTokenSource({
    zoom,
    tokens,
    onTokens:
      setup.onTokens ??
      ((next) => {
        stored.push(next);
      }),
    clock,
  });
  return {
    source,
    zoom,
    clock,
    stored,
    requests: fake.requests,
    sentRefreshTokens: () => fake.requests.map((request) => new URLSearchParams(request.body).get("refresh_token")),
    advanceSeconds: (seconds: number) => {
      now += seconds * 1000;
    },
  };
}

/** Lets every pending promise callback run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("UserTokenSource: refreshing", () => {
  it("hands out the current token without a request until refreshMarginMs (60 s) before expiry", async () => {
    const { source, requests, advanceSeconds } = userSource();
    expect(await source.getAccessToken()).toBe("access-0");
    advanceSeconds(HOUR_SECONDS - 61);
    expect(await source.getAccessToken()).toBe("access-0");
    expect(requests).toHaveLength(0);
    advanceSeconds(1);
    expect(await source.getAccessToken()).toBe("access-1");
    expect(requests).toHaveLength(1);
    expect(requests[0]?.body).toBe("grant_type=refresh_token&refresh_token=refresh-0");
  });

  it("sends one refresh for ten concurrent callers at expiry (a second would be refused: Zoom rotates)", async () => {
    const { source, requests, advanceSeconds, sentRefreshTokens } = userSource();
    advanceSeconds(HOUR_SECONDS);
    const tokens = await Promise.all(Array.from({ length: 10 }, () => source.getAccessToken()));
    expect(tokens).toEqual(Array.from({ length: 10 }, () => "access-1"));
    expect(requests).toHaveLength(1);
    advanceSeconds(HOUR_SECONDS);
    await Promise.all(Array.from({ length: 10 }, () => source.getAccessToken()));
    expect(sentRefreshTokens()).toEqual(["refresh-0", "refresh-1"]);
  });

  it("refreshes on the next call after invalidate(), e.g. after the API answered 401", async () => {
    const { source, requests } = userSource();
    expect(await source.getAccessToken()).toBe("access-0");
    source.invalidate();
    expect(await source.getAccessToken()).toBe("access-1");
    expect(await source.getAccessToken()).toBe("access-1");
    expect(requests).toHaveLength(1);
  });

  it("keeps the tokens of a refresh that was under way when invalidate() was called", async () => {
    let release: (() => void) | undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { source, advanceSeconds, sentRefreshTokens } = userSource({
      answer: async () => {
        await gate;
        return undefined;
      },
    });
    advanceSeconds(HOUR_SECONDS);
    const inFlight = source.getAccessToken();
    await settle();
    source.invalidate();
    const joined = source.getAccessToken();
    release?.();
    expect(await inFlight).toBe("access-1");
    expect(await joined).toBe("access-1");
    expect(source.snapshot().refreshToken).toBe("refresh-1");
    expect(sentRefreshTokens()).toEqual(["refresh-0"]);
  });

  it("keeps the previous refresh token and scopes when the response has none (RFC 6749 section 6)", async () => {
    const { source, advanceSeconds, stored } = userSource({
      answer: () => jsonResponse({ access_token: "access-new", token_type: "bearer", expires_in: HOUR_SECONDS }),
    });
    advanceSeconds(HOUR_SECONDS);
    expect(await source.getAccessToken()).toBe("access-new");
    expect(source.snapshot()).toEqual({
      accessToken: "access-new",
      refreshToken: "refresh-0",
      expiresAt: new Date(START + 2 * HOUR_SECONDS * 1000).toISOString(),
      scopes: ["user:read", "meeting:write"],
      apiUrl: "https://eu01api.zoom.us",
    });
    expect(stored.map((snapshot) => snapshot.refreshToken)).toEqual(["refresh-0"]);
  });

  it("uses a token that came without expires_in once, and refreshes on the next call", async () => {
    const { source, requests } = userSource({
      initial: { access_token: "access-0", token_type: "bearer", refresh_token: "refresh-0" },
    });
    expect(await source.getAccessToken()).toBe("access-1");
    expect(requests).toHaveLength(1);
  });
});

describe("UserTokenSource: the rotated refresh token is stored before it is used", () => {
  it("awaits onTokens with the new tokens before getAccessToken resolves", async () => {
    const seen: UserTokenSnapshot[] = [];
    let release: (() => void) | undefined;
    let markStoring = () => {};
    const storing = new Promise<void>((resolve) => {
      markStoring = resolve;
    });
    const { source, advanceSeconds } = userSource({
      onTokens: (next) => {
        seen.push(next);
        markStoring();
        return new Promise<void>((resolve) => {
          release = resolve;
        });
      },
    });
    advanceSeconds(HOUR_SECONDS);
    let handedOut: string | null = null;
    const call = source.getAccessToken().then((token) => {
      handedOut = token;
    });
    await storing;
    expect(seen).toHaveLength(1);
    await settle();
    expect(handedOut).toBeNull();
    expect(seen[0]).toEqual({
      accessToken: "access-1",
      refreshToken: "refresh-1",
      expiresAt: new Date(START + 2 * HOUR_SECONDS * 1000).toISOString(),
      scopes: ["user:read", "meeting:write"],
      apiUrl: "https://eu01api.zoom.us",
    });
    release?.();
    await call;
    expect(handedOut).toBe("access-1");
  });

  it("when onTokens throws: keeps the new tokens in memory, rejects with TokenPersistenceError, offers them again next call", async () => {
    const failure = new Error("database is down");
    const attempts: string[] = [];
    let fail = true;
    const { source, advanceSeconds, sentRefreshTokens } = userSource({
      onTokens: (next) => {
        attempts.push(next.refreshToken);
        if (fail) throw failure;
      },
    });
    advanceSeconds(HOUR_SECONDS);
    const results = await Promise.allSettled([source.getAccessToken(), source.getAccessToken()]);
    for (const result of results) {
      expect(result.status).toBe("rejected");
      const error = (result as PromiseRejectedResult).reason as TokenPersistenceError;
      expect(error).toBeInstanceOf(TokenPersistenceError);
      expect(error.name).toBe("TokenPersistenceError");
      expect(error.cause).toBe(failure);
    }
    // The rotated-out refresh-0 is dead at Zoom: refresh-1 is kept, and readable for storage by other means.
    expect(source.snapshot().refreshToken).toBe("refresh-1");

    await expect(source.getAccessToken()).rejects.toBeInstanceOf(TokenPersistenceError);
    fail = false;
    expect(await source.getAccessToken()).toBe("access-1");
    expect(attempts).toEqual(["refresh-1", "refresh-1", "refresh-1"]);
    expect(sentRefreshTokens()).toEqual(["refresh-0"]);
  });
});

describe("UserTokenSource: a failed refresh keeps what still works", () => {
  it("on a network error, returns the still-valid access token and tries the refresh again next call", async () => {
    const { source, advanceSeconds, sentRefreshTokens } = userSource({
      answer: (_request, count) => {
        if (count === 1) throw new TypeError("fetch failed");
        return undefined;
      },
    });
    advanceSeconds(HOUR_SECONDS - 30);
    expect(await source.getAccessToken()).toBe("access-0");
    expect(await source.getAccessToken()).toBe("access-1");
    expect(sentRefreshTokens()).toEqual(["refresh-0", "refresh-0"]);
  });

  it.each([
    ["a 503 with an OAuth error", () => jsonResponse({ error: "temporarily_unavailable" }, 503), OAuth2RequestError],
    ["an HTML 502 page", () => textResponse("<html>Bad Gateway</html>", 502), UnexpectedResponseError],
    ["a network error", () => Promise.reject(new TypeError("fetch failed")), OAuth2FetchError],
  ] as const)("once expired, throws %s and keeps the refresh token for a later call", async (_name, failure, errorClass) => {
    const { source, advanceSeconds, sentRefreshTokens } = userSource({
      answer: (_request, count) => (count === 1 ? failure() : undefined),
    });
    advanceSeconds(HOUR_SECONDS);
    await expect(source.getAccessToken()).rejects.toBeInstanceOf(errorClass);
    expect(source.snapshot().refreshToken).toBe("refresh-0");
    expect(await source.getAccessToken()).toBe("access-1");
    expect(sentRefreshTokens()).toEqual(["refresh-0", "refresh-0"]);
  });

  it("does not fall back to a token that was invalidated", async () => {
    const { source } = userSource({ answer: () => Promise.reject(new TypeError("fetch failed")) });
    source.invalidate();
    await expect(source.getAccessToken()).rejects.toBeInstanceOf(OAuth2FetchError);
  });

  it("throws a refusal other than invalid_grant (invalid_client) even while the token is valid, and stays usable", async () => {
    const { source, advanceSeconds, sentRefreshTokens } = userSource({
      answer: (_request, count) =>
        count === 1 ? jsonResponse({ reason: "Invalid client_id or client_secret", error: "invalid_client" }, 401) : undefined,
    });
    advanceSeconds(HOUR_SECONDS - 30);
    await expect(source.getAccessToken()).rejects.toMatchObject({ name: "OAuth2RequestError", code: "invalid_client" });
    expect(await source.getAccessToken()).toBe("access-1");
    expect(sentRefreshTokens()).toEqual(["refresh-0", "refresh-0"]);
  });

  it("turns invalid_grant into ReauthorizationRequiredError, and keeps throwing it without sending requests", async () => {
    const { source, advanceSeconds, requests } = userSource({
      answer: () => jsonResponse({ reason: "Invalid Token!", error: "invalid_grant" }, 400),
    });
    advanceSeconds(HOUR_SECONDS - 30);
    const error = await source.getAccessToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReauthorizationRequiredError);
    expect(error).toMatchObject({ name: "ReauthorizationRequiredError" });
    const cause = (error as ReauthorizationRequiredError).cause;
    expect(cause).toBeInstanceOf(OAuth2RequestError);
    expect(cause).toMatchObject({ code: "invalid_grant", description: "Invalid Token!" });
    expect((error as Error).message).toContain("sign in again");

    await expect(source.getAccessToken()).rejects.toBe(error);
    source.invalidate();
    await expect(source.getAccessToken()).rejects.toBe(error);
    expect(requests).toHaveLength(1);
  });
});

describe("UserTokenSource: snapshots for storage", () => {
  it("round-trips through JSON into a new source that refreshes with the stored refresh token", async () => {
    const first = userSource();
    first.advanceSeconds(HOUR_SECONDS);
    await first.source.getAccessToken();
    const stored = JSON.parse(JSON.stringify(first.source.snapshot())) as UserTokenSnapshot;
    expect(stored).toEqual(first.stored[0]);

    const restored = createUserTokenSource({ zoom: first.zoom, snapshot: stored, onTokens: () => {}, clock: first.clock });
    expect(await restored.getAccessToken()).toBe("access-1");
    first.advanceSeconds(HOUR_SECONDS);
    expect(await restored.getAccessToken()).toBe("access-2");
    expect(first.sentRefreshTokens()).toEqual(["refresh-0", "refresh-1"]);
  });

  it("returns a new object each time, so changing one does not change the source", () => {
    const { source } = userSource();
    const snapshot = source.snapshot();
    snapshot.scopes.push("admin");
    snapshot.refreshToken = "changed";
    expect(source.snapshot().scopes).toEqual(["user:read", "meeting:write"]);
    expect(source.snapshot().refreshToken).toBe("refresh-0");
  });

  it.each([
    [null, "snapshot must be an object"],
    [{ refreshToken: "r", expiresAt: "2026-01-01T00:00:00.000Z", scopes: [], apiUrl: null }, "snapshot.accessToken"],
    [{ accessToken: "a", refreshToken: "", expiresAt: "2026-01-01T00:00:00.000Z", scopes: [], apiUrl: null }, "snapshot.refreshToken"],
    [{ accessToken: "a", refreshToken: "r", expiresAt: "next tuesday", scopes: [], apiUrl: null }, "snapshot.expiresAt"],
    [{ accessToken: "a", refreshToken: "r", expiresAt: 1767225600000, scopes: [], apiUrl: null }, "snapshot.expiresAt"],
    [{ accessToken: "a", refreshToken: "r", expiresAt: "2026-01-01T00:00:00.000Z", scopes: "user:read", apiUrl: null }, "snapshot.scopes"],
    [{ accessToken: "a", refreshToken: "r", expiresAt: "2026-01-01T00:00:00.000Z", scopes: [] }, "snapshot.apiUrl"],
  ])("rejects a malformed snapshot, naming the field: %j", (snapshot, field) => {
    const { zoom } = userSource();
    expect(() =>
      createUserTokenSource({ zoom, snapshot: snapshot as unknown as UserTokenSnapshot, onTokens: () => {} }),
    ).toThrow(field);
  });
});

describe("UserTokenSource: options", () => {
  it("rejects bad options at once, naming the option", () => {
    const { zoom } = userSource();
    const tokens = new ZoomTokens({ access_token: "a", refresh_token: "r", expires_in: 10 });
    const onTokens = () => {};
    const make = (options: Partial<UserTokenSourceOptions>) => () =>
      createUserTokenSource({ zoom, tokens, onTokens, ...options } as UserTokenSourceOptions);
    expect(make({ zoom: {} as Zoom })).toThrow("options.zoom must be a Zoom instance");
    expect(make({ onTokens: undefined as unknown as UserTokenSourceOptions["onTokens"] })).toThrow("options.onTokens");
    expect(make({ refreshMarginMs: -1 })).toThrow("options.refreshMarginMs");
    expect(make({ refreshMarginMs: Number.NaN })).toThrow("options.refreshMarginMs");
    expect(make({ clock: 5 as unknown as () => number })).toThrow("options.clock");
    expect(make({ tokens: undefined })).toThrow("exactly one of options.tokens and options.snapshot");
    expect(
      make({ snapshot: { accessToken: "a", refreshToken: "r", expiresAt: "2026-01-01T00:00:00Z", scopes: [], apiUrl: null } }),
    ).toThrow("exactly one of options.tokens and options.snapshot");
    expect(make({ tokens: new ZoomTokens({ access_token: "s2s", expires_in: 3599 }) })).toThrow("no refresh_token");
  });

  it("honours refreshMarginMs", async () => {
    const { zoom, clock, advanceSeconds } = userSource();
    const tokens = new ZoomTokens(
      { access_token: "access-0", refresh_token: "refresh-0", expires_in: HOUR_SECONDS },
      { receivedAt: new Date(START) },
    );
    const source = createUserTokenSource({ zoom, tokens, onTokens: () => {}, clock, refreshMarginMs: 0 });
    advanceSeconds(HOUR_SECONDS - 1);
    expect(await source.getAccessToken()).toBe("access-0");
    advanceSeconds(1);
    expect(await source.getAccessToken()).toBe("access-1");
  });
});

describe("UserTokenSource: no secrets on show, nothing left running", () => {
  it("keeps tokens out of JSON.stringify, inspect and error messages", async () => {
    const { inspect } = await import("node:util");
    const { source, advanceSeconds } = userSource({
      answer: (_request, count) => (count === 1 ? undefined : jsonResponse({ reason: "Invalid Token!", error: "invalid_grant" }, 400)),
    });
    advanceSeconds(HOUR_SECONDS);
    await source.getAccessToken();
    advanceSeconds(HOUR_SECONDS);
    const error = (await source.getAccessToken().catch((e: unknown) => e)) as ReauthorizationRequiredError;
    const persistence = new TokenPersistenceError(new Error("could not store refresh-1"));
    for (const rendered of [
      JSON.stringify(source),
      inspect(source, { depth: 10, showHidden: true }),
      JSON.stringify(error),
      error.message,
      error.stack ?? "",
      JSON.stringify(persistence),
      persistence.message,
    ]) {
      for (const secret of ["access-0", "refresh-0", "access-1", "refresh-1", "client-secret"]) {
        expect(rendered).not.toContain(secret);
      }
    }
  });

  it("leaves no timer running: between calls nothing runs and nothing keeps the process alive", async () => {
    // Each refresh request holds its own timeout timer while it is in flight; none may outlive it.
    vi.useFakeTimers();
    try {
      const { source, advanceSeconds } = userSource();
      await source.getAccessToken();
      advanceSeconds(HOUR_SECONDS);
      await source.getAccessToken();
      expect(vi.getTimerCount()).toBe(0);
      source.invalidate();
      await source.getAccessToken();
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});

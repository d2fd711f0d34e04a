import { afterEach, describe, expect, it } from "vitest";
import type { ServerResponse } from "node:http";
import { startLoopbackServer, type LoopbackServer } from "../../oauth-core/test/loopback-server.js";
import {
  OAuth2FetchError,
  createUserTokenSource,
  TokenFieldError,
  type UserTokenSnapshot,
  Zoom,
  ZoomServerToServer,
  ZoomTokens,
} from "./index.js";

// One bad answer must never freeze later calls: a hung request is dropped at its deadline, and an
// answer that would break the cache is refused with nothing stored. Short deadlines, long test
// timeouts: these tests tell "settled" from "hung", never fast from slow.
const TIMEOUT_MS = 150;
const SETTLES_WITHIN = { timeout: 20_000 };

let server: LoopbackServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

/** A token endpoint whose behaviour the test switches: hang, answer a body, or answer well. */
async function switchableTokenEndpoint() {
  let mode: { kind: "hang" } | { kind: "body"; body: string } | { kind: "good" } = { kind: "good" };
  let issued = 0;
  server = await startLoopbackServer((_request, response: ServerResponse) => {
    if (mode.kind === "hang") return;
    issued++;
    const body =
      mode.kind === "body"
        ? mode.body
        : JSON.stringify({ access_token: `access-${issued}`, refresh_token: `refresh-${issued}`, expires_in: 3599 });
    response.writeHead(200, { "Content-Type": "application/json" }).end(body);
  });
  return {
    origin: server.origin,
    hang: () => {
      mode = { kind: "hang" };
    },
    answer: (body: string) => {
      mode = { kind: "body", body };
    },
    behave: () => {
      mode = { kind: "good" };
    },
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

describe("ZoomServerToServer recovers", () => {
  it("after a hung token request: 50 waiting callers get the timeout, the next caller a token", SETTLES_WITHIN, async () => {
    const endpoint = await switchableTokenEndpoint();
    const s2s = new ZoomServerToServer("account", "client-id", "client-secret", {
      authorizationServer: endpoint.origin,
      timeoutMs: TIMEOUT_MS,
    });
    endpoint.hang();
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => s2s.getAccessToken()));
    for (const result of results) {
      expect(result.status).toBe("rejected");
      expect((result as PromiseRejectedResult).reason).toBeInstanceOf(OAuth2FetchError);
      expect((result as PromiseRejectedResult).reason.timedOut).toBe(true);
    }
    endpoint.behave();
    expect(await s2s.getAccessToken()).toMatch(/^access-/);
  });

  for (const expiresIn of ["1e400", "1e300", "-1", "0.5"]) {
    it(`after expires_in ${expiresIn}: a TokenFieldError, nothing cached, the next call works`, SETTLES_WITHIN, async () => {
      const endpoint = await switchableTokenEndpoint();
      const s2s = new ZoomServerToServer("account", "client-id", "client-secret", {
        authorizationServer: endpoint.origin,
        timeoutMs: TIMEOUT_MS,
      });
      endpoint.answer(`{"access_token":"odd","expires_in":${expiresIn}}`);
      expect(await rejection(s2s.getAccessToken())).toMatchObject({ name: "TokenFieldError", field: "expires_in" });
      endpoint.behave();
      expect(await s2s.getAccessToken()).toMatch(/^access-/);
      expect(await s2s.getAccessToken()).toMatch(/^access-/);
    });
  }
});

describe("UserTokenSource recovers", () => {
  async function sourceOver(origin: string) {
    const zoom = new Zoom("client-id", "client-secret", "https://app.example/callback", {
      authorizationServer: origin,
      timeoutMs: TIMEOUT_MS,
    });
    const stored: UserTokenSnapshot[] = [];
    const source = createUserTokenSource({
      zoom,
      // Expired already: every call refreshes.
      tokens: new ZoomTokens(
        { access_token: "access-0", refresh_token: "refresh-0", expires_in: 1 },
        { receivedAt: new Date(Date.now() - 120_000) },
      ),
      onTokens: (next) => {
        stored.push(next);
      },
    });
    return { source, stored };
  }

  it("after a hung refresh: every waiting caller gets the timeout, the next call refreshes", SETTLES_WITHIN, async () => {
    const endpoint = await switchableTokenEndpoint();
    const { source } = await sourceOver(endpoint.origin);
    endpoint.hang();
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => source.getAccessToken()));
    expect(results.every((result) => result.status === "rejected" && result.reason instanceof OAuth2FetchError)).toBe(true);
    endpoint.behave();
    expect(await source.getAccessToken()).toMatch(/^access-/);
  });

  it("after expires_in 1e400: a TokenFieldError, the tokens unchanged, the next call works", SETTLES_WITHIN, async () => {
    const endpoint = await switchableTokenEndpoint();
    const { source, stored } = await sourceOver(endpoint.origin);
    endpoint.answer('{"access_token":"odd","refresh_token":"refresh-odd","expires_in":1e400}');
    expect(await rejection(source.getAccessToken())).toBeInstanceOf(TokenFieldError);
    expect(stored).toEqual([]);
    expect(source.snapshot().refreshToken).toBe("refresh-0");
    endpoint.behave();
    expect(await source.getAccessToken()).toMatch(/^access-/);
  });

  it('after "refresh_token": "" the working refresh token is kept, and the snapshot loads back', SETTLES_WITHIN, async () => {
    const endpoint = await switchableTokenEndpoint();
    const { source, stored } = await sourceOver(endpoint.origin);
    endpoint.answer('{"access_token":"access-a","refresh_token":"","expires_in":1}');
    expect(await source.getAccessToken()).toBe("access-a");
    expect(stored.at(-1)?.refreshToken).toBe("refresh-0");
    const reloaded = createUserTokenSource({
      zoom: new Zoom("client-id", "client-secret", "https://app.example/callback", { authorizationServer: endpoint.origin }),
      snapshot: JSON.parse(JSON.stringify(source.snapshot())),
      onTokens: () => {},
    });
    expect(reloaded.snapshot().refreshToken).toBe("refresh-0");
    endpoint.behave();
    expect(await source.getAccessToken()).toMatch(/^access-\d/);
  });

  it("given hand-built tokens with an unrepresentable expires_in, treats them as expired instead of breaking snapshots", SETTLES_WITHIN, async () => {
    const endpoint = await switchableTokenEndpoint();
    const source = createUserTokenSource({
      zoom: new Zoom("client-id", "client-secret", "https://app.example/callback", { authorizationServer: endpoint.origin }),
      tokens: new ZoomTokens({ access_token: "access-0", refresh_token: "refresh-0", expires_in: 1e300 }),
      onTokens: () => {},
    });
    expect(() => source.snapshot()).not.toThrow();
    expect(await source.getAccessToken()).toMatch(/^access-\d/);
  });
});

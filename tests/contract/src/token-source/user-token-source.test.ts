import { createZoomClient, unwrap, type ZoomClient } from "@org/zoom-api";
import {
  createUserTokenSource,
  generateCodeVerifier,
  generateState,
  ReauthorizationRequiredError,
  type UserTokenSnapshot,
  Zoom,
} from "@org/zoom-auth";
import { createZoomMock, MOCK_CLIENT_ID, MOCK_CLIENT_SECRET } from "@org/zoom-mock";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

// One clock for the mock (token expiry), the OAuth client (time of receipt) and the source (now).
let now = Date.parse("2026-11-28T09:00:00Z");
const clock = () => now;
const advanceSeconds = (seconds: number) => {
  now += seconds * 1000;
};
const ACCESS_TOKEN_SECONDS = 3599;

const zoomMock = createZoomMock({ clock });
const server = setupServer(...zoomMock.handlers);

/** What reached the mock's token endpoint: the grant and refresh token of each request, and its status. */
interface TokenExchange {
  grantType: string | null;
  refreshToken: string | null;
  status: number;
}
const exchanges: Promise<TokenExchange>[] = [];
server.events.on("response:mocked", ({ request, response }) => {
  if (new URL(request.url).pathname !== "/oauth/token") return;
  exchanges.push(
    request
      .clone()
      .text()
      .then((body) => {
        const form = new URLSearchParams(body);
        return { grantType: form.get("grant_type"), refreshToken: form.get("refresh_token"), status: response.status };
      }),
  );
});
async function refreshExchanges(): Promise<TokenExchange[]> {
  return (await Promise.all(exchanges)).filter((exchange) => exchange.grantType === "refresh_token");
}
/** The mock's API requests, as `METHOD pathname`. */
const apiRequests: string[] = [];
server.events.on("request:start", ({ request }) => {
  const { pathname } = new URL(request.url);
  if (pathname.startsWith("/v2/")) apiRequests.push(`${request.method} ${pathname}`);
});

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(() => {
  exchanges.length = 0;
  apiRequests.length = 0;
});
afterEach(() => {
  zoomMock.faults.clear();
  zoomMock.assertNoViolations();
});
afterAll(() => server.close());

/** Signs Ada in on the mock and builds what an app keeps for her: a token source and a typed client over it. */
async function signedInApp() {
  const zoom = new Zoom(MOCK_CLIENT_ID, MOCK_CLIENT_SECRET, "http://localhost:3000/login/zoom/callback", { clock });
  const codeVerifier = generateCodeVerifier();
  const callback = await zoomMock.approve(zoom.createAuthorizationURL(generateState(), codeVerifier));
  const tokens = await zoom.validateAuthorizationCode(callback.searchParams.get("code") ?? "", codeVerifier);
  const stored: UserTokenSnapshot[] = [];
  const source = createUserTokenSource({
    zoom,
    tokens,
    onTokens: (next) => {
      stored.push(next);
    },
    clock,
  });
  const client = createZoomClient({
    baseUrl: `${source.snapshot().apiUrl}/v2`,
    getAccessToken: () => source.getAccessToken(),
    maxRetries: 0,
  });
  exchanges.length = 0;
  apiRequests.length = 0;
  return { zoom, source, client, stored, initial: source.snapshot() };
}

/** Ten API calls at once, as a busy app makes them. */
function tenConcurrentCalls(client: ZoomClient) {
  return Promise.all(Array.from({ length: 10 }, () => unwrap(client.GET("/users/me"))));
}

describe("user token source against the Zoom mock", () => {
  it("after expiry, ten concurrent API calls through the typed client cause one refresh at the mock", async () => {
    const { source, client, stored, initial } = await signedInApp();
    advanceSeconds(ACCESS_TOKEN_SECONDS + 1);
    expect(zoomMock.state.verifyAccessToken(initial.accessToken)).toEqual({ ok: false, reason: "expired" });

    const users = await tenConcurrentCalls(client);

    expect(users.map((user) => user.email)).toEqual(Array(10).fill("ada@example.com"));
    expect(apiRequests).toEqual(Array(10).fill("GET /v2/users/me"));
    expect(await refreshExchanges()).toEqual([{ grantType: "refresh_token", refreshToken: initial.refreshToken, status: 200 }]);
    expect(stored).toEqual([source.snapshot()]);
    expect(zoomMock.state.verifyAccessToken(source.snapshot().accessToken)).toMatchObject({ ok: true });
  });

  it("never sends a refresh token the mock has rotated out, over many refreshes", async () => {
    const { source, client, stored, initial } = await signedInApp();
    for (let hour = 0; hour < 5; hour++) {
      advanceSeconds(ACCESS_TOKEN_SECONDS + 1);
      await tenConcurrentCalls(client);
    }

    const refreshes = await refreshExchanges();
    // Each refresh used the refresh token the previous one issued (and that onTokens stored), once.
    expect(refreshes.map((exchange) => exchange.refreshToken)).toEqual([
      initial.refreshToken,
      ...stored.slice(0, -1).map((snapshot) => snapshot.refreshToken),
    ]);
    expect(refreshes.every((exchange) => exchange.status === 200)).toBe(true);
    for (const exchange of refreshes) {
      expect(zoomMock.state.refreshTokens.get(exchange.refreshToken ?? "")?.rotatedAt).not.toBeNull();
    }
    // What the app stored last is the one refresh token the mock still accepts.
    const current = source.snapshot();
    expect(stored.at(-1)).toEqual(current);
    expect(zoomMock.state.refreshTokens.get(current.refreshToken)).toMatchObject({ rotatedAt: null, revokedAt: null });
  });

  it("two app processes sharing Ada's stored tokens, with load and a lock, refresh once between them", async () => {
    const { zoom, initial } = await signedInApp();
    // The shared database row, and a lock on it, as two server processes would have.
    let row: UserTokenSnapshot = initial;
    let lockTail: Promise<unknown> = Promise.resolve();
    const lock = <T>(critical: () => Promise<T>): Promise<T> => {
      const run = lockTail.then(critical);
      lockTail = run.catch(() => undefined);
      return run;
    };
    const processes = [0, 1].map(() => {
      const source = createUserTokenSource({
        zoom,
        snapshot: row,
        onTokens: (next) => {
          row = next;
        },
        load: () => row,
        lock,
        clock,
      });
      return createZoomClient({ baseUrl: `${initial.apiUrl}/v2`, getAccessToken: () => source.getAccessToken(), maxRetries: 0 });
    });
    advanceSeconds(ACCESS_TOKEN_SECONDS + 1);

    const users = await Promise.all(processes.flatMap((client) => [unwrap(client.GET("/users/me")), unwrap(client.GET("/users/me"))]));

    expect(users.map((user) => user.email)).toEqual(Array(4).fill("ada@example.com"));
    expect(await refreshExchanges()).toEqual([{ grantType: "refresh_token", refreshToken: initial.refreshToken, status: 200 }]);
    expect(zoomMock.state.refreshTokens.get(row.refreshToken)).toMatchObject({ rotatedAt: null, revokedAt: null });
  });

  it("with onUnauthorized, a grant revoked at Zoom ends the call with ReauthorizationRequiredError", async () => {
    const { source, initial } = await signedInApp();
    const client = createZoomClient({
      baseUrl: `${initial.apiUrl}/v2`,
      getAccessToken: () => source.getAccessToken(),
      onUnauthorized: () => source.invalidate(),
      maxRetries: 0,
    });
    // The user removed the app, say: the access token is refused early, and so is the refresh token.
    zoomMock.state.revokeGrant(zoomMock.state.findAccessToken(initial.accessToken)?.grantId ?? "");

    await expect(client.GET("/users/me")).rejects.toBeInstanceOf(ReauthorizationRequiredError);
    expect(apiRequests).toEqual(["GET /v2/users/me"]);
    expect(await refreshExchanges()).toEqual([{ grantType: "refresh_token", refreshToken: initial.refreshToken, status: 400 }]);
  });

  it("keeps the API working when the token endpoint's connection fails while the access token is still valid", async () => {
    const { source, client, initial } = await signedInApp();
    // Inside the refresh margin (60 s), not yet expired: the source tries to refresh.
    advanceSeconds(ACCESS_TOKEN_SECONDS - 30);
    zoomMock.faults.inject({ route: "token", kind: "network" });

    expect((await unwrap(client.GET("/users/me"))).email).toBe("ada@example.com");
    expect(source.snapshot()).toEqual(initial);
    expect(zoomMock.faults.pending).toHaveLength(0);

    // The next call tries again with the same refresh token, and the mock accepts it.
    expect((await unwrap(client.GET("/users/me"))).email).toBe("ada@example.com");
    expect((await refreshExchanges()).map((exchange) => [exchange.refreshToken, exchange.status])).toEqual([
      [initial.refreshToken, 200],
    ]);
    expect(source.snapshot().refreshToken).not.toBe(initial.refreshToken);
  });

  it("after the user's grant is revoked, API calls fail with ReauthorizationRequiredError, and the source stops asking", async () => {
    const { zoom, client, initial } = await signedInApp();
    await zoom.revokeToken(initial.accessToken);
    advanceSeconds(ACCESS_TOKEN_SECONDS + 1);

    const error = await client.GET("/users/me").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReauthorizationRequiredError);
    expect((error as ReauthorizationRequiredError).cause).toMatchObject({ code: "invalid_grant" });
    await expect(client.GET("/users/me")).rejects.toBe(error);

    expect((await refreshExchanges()).map((exchange) => exchange.status)).toEqual([400]);
    expect(apiRequests).toEqual([]);
  });
});

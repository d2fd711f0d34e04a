import { createZoomClient, unwrap, ZoomApiError, type ZoomClient, ZoomScopeError } from "@org/zoom-api";
import { requiredScopes, scopeCheck } from "@org/zoom-api/scopes";
import { Zoom } from "@org/zoom-auth";
import { createZoomMock, MOCK_CLIENT_ID, MOCK_CLIENT_SECRET, zoomApiSpec } from "@org/zoom-mock";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

// Scopes from the spec, in code: the client's table, its opt-in check and the mock's enforcement agree.
// The mock enforces scopes by default, as Zoom does; the app here holds two granular user-level scopes.

const zoomMock = createZoomMock({ defaultAppScopes: ["user:read:user", "meeting:read:list_meetings"] });
const server = setupServer(...zoomMock.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => zoomMock.assertNoViolations());
afterAll(() => server.close());

async function signIn(clientId = MOCK_CLIENT_ID, clientSecret = MOCK_CLIENT_SECRET) {
  const zoom = new Zoom(clientId, clientSecret, "http://localhost:3000/callback");
  const url = zoom.createAuthorizationURL("state", "v".repeat(43));
  const code = (await zoomMock.approve(url)).searchParams.get("code") ?? "";
  return zoom.validateAuthorizationCode(code, "v".repeat(43));
}

describe("scopes against the mock", () => {
  it("the mock answers Zoom's 4711 to a call the token's scopes do not allow", async () => {
    const client = createZoomClient({ tokens: await signIn(), maxRetries: 0 });
    expect((await unwrap(client.GET("/users/me"))).email).toBe(zoomMock.defaultUser.email);
    const error = await unwrap(client.GET("/users")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZoomApiError);
    expect(error).toMatchObject({ status: 400, code: 4711 });
    expect((error as Error).message).toContain("does not contain scopes:[user:read:list_users:admin]");
  });

  it("the client's check refuses the same call before it is sent, naming the alternatives", async () => {
    let apiRequests = 0;
    const count = () => {
      apiRequests++;
    };
    server.events.on("request:start", count);
    try {
      const client = createZoomClient({ tokens: await signIn(), checkScopes: scopeCheck() });
      apiRequests = 0;
      const error = await client.GET("/users").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ZoomScopeError);
      expect((error as ZoomScopeError).required).toEqual(requiredScopes("GET", "/users"));
      expect(apiRequests).toBe(0);
    } finally {
      server.events.removeListener("request:start", count);
    }
  });

  it("a token's scopes reach the client: the `scope` of the token response the mock issued", async () => {
    expect((await signIn()).scopes()).toEqual(["user:read:user", "meeting:read:list_meetings"]);
  });

  // For each operation: a token with none of its scopes, and tokens with each one of its classic and granular alternatives.
  const operations = [
    { method: "GET", path: "/users/me", call: (client: ZoomClient) => client.GET("/users/me") },
    { method: "GET", path: "/groups", call: (client: ZoomClient) => client.GET("/groups") },
    { method: "GET", path: "/contacts/groups", call: (client: ZoomClient) => client.GET("/contacts/groups") },
    {
      method: "GET",
      path: "/users/{userId}/meetings",
      call: (client: ZoomClient) => client.GET("/users/{userId}/meetings", { params: { path: { userId: "me" } } }),
    },
  ] as const;
  const rows = operations.flatMap((operation) => {
    const { classic, granular } = requiredScopes(operation.method, operation.path);
    return [
      { ...operation, scope: "tsp:read", allowed: false },
      ...[...classic, ...granular].map((scope) => ({ ...operation, scope, allowed: true })),
    ];
  });
  let apps = 0;

  it.each(rows)("$method $path, token with $scope: the client's checkScopes and the mock agree (allowed: $allowed)", async ({ call, scope, allowed }) => {
    const clientId = `scopes-app-${++apps}`;
    zoomMock.registerApp({ clientId, clientSecret: "secret", scopes: [scope] });
    const tokens = await signIn(clientId, "secret");

    const checked = await call(createZoomClient({ tokens, checkScopes: scopeCheck(), maxRetries: 0 })).then(
      () => "sent",
      (error: unknown) => (error instanceof ZoomScopeError ? "refused before sending" : error),
    );
    const answered = await call(createZoomClient({ tokens, maxRetries: 0 }));
    const refusedByMock = answered.response.status === 400 && (answered.error as { code?: number } | undefined)?.code === 4711;

    expect(checked).toBe(allowed ? "sent" : "refused before sending");
    expect(refusedByMock).toBe(!allowed);
  });

  it("the client's table holds the x-scopes of every operation the mock serves", () => {
    let operations = 0;
    for (const [path, item] of Object.entries(zoomApiSpec?.paths ?? {})) {
      for (const method of ["get", "post", "put", "patch", "delete"] as const) {
        const declared = item[method]?.["x-scopes"] as { macro?: string[]; granular?: string[] } | undefined;
        if (declared === undefined) continue;
        operations++;
        expect(requiredScopes(method, path as never)).toEqual({
          classic: (declared.macro ?? []).map((s) => s.trim()),
          granular: (declared.granular ?? []).map((s) => s.trim()),
        });
      }
    }
    expect(operations).toBe(255);
  });
});

import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createZoomMock } from "../create-zoom-mock.js";

const enforcing = createZoomMock({ enforceScopes: true });
const lenient = createZoomMock();
const server = setupServer(...enforcing.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

function tokenWith(scopes: string[]): string {
  const grant = enforcing.state.createGrant({ kind: "authorization_code", clientId: "mock-client-id", userId: enforcing.defaultUser.id, accountId: "mock-account-id", scopes });
  return enforcing.state.issueAccessToken(grant).token;
}

async function call(path: string, token: string) {
  const response = await fetch(`https://api.zoom.us/v2${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("the mock's scope enforcement (enforceScopes: true)", () => {
  it("answers Zoom's 400 code 4711, listing the granular scopes, to a token without any of the operation's scopes", async () => {
    expect(await call("/users/me", tokenWith(["meeting:read"]))).toEqual({
      status: 400,
      body: { code: 4711, message: "Invalid access token, does not contain scopes:[user:read:user, user:read:user:admin]." },
    });
    enforcing.assertNoViolations();
  });

  it("lets a call through with any one classic or granular alternative", async () => {
    expect((await call("/users/me", tokenWith(["user:read"]))).status).toBe(200);
    expect((await call("/users/me", tokenWith(["user:read:user"]))).status).toBe(200);
  });

  it("checks the token before the scopes: an unknown token is still 401 code 124", async () => {
    expect(await call("/users/me", "not-a-token")).toMatchObject({ status: 401, body: { code: 124 } });
  });

});

describe("without enforceScopes", () => {
  const lenientServer = setupServer(...lenient.handlers);
  beforeAll(() => {
    server.close();
    lenientServer.listen({ onUnhandledRequest: "error" });
  });
  afterAll(() => lenientServer.close());

  it("lets a token without the operation's scopes through", async () => {
    const grant = lenient.state.createGrant({ kind: "authorization_code", clientId: "mock-client-id", userId: lenient.defaultUser.id, accountId: "mock-account-id", scopes: [] });
    expect((await call("/users/me", lenient.state.issueAccessToken(grant).token)).status).toBe(200);
  });
});

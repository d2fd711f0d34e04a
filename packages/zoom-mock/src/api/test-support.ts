import { setupServer } from "msw/node";
import { afterAll, beforeAll } from "vitest";
import type { ZoomMock } from "../create-zoom-mock.js";

/** Calls the mock's REST API as the mock's default user. */
export interface MockApiCaller {
  /** Sends `body` as JSON when given; the response is returned unread. */
  request(method: string, path: string, body?: unknown): Promise<Response>;
}

/**
 * Test support: serves `zoom`'s handlers through msw for the tests of one file (from `beforeAll`
 * to `afterAll`) and issues an access token for the default user to call the API with. The token is
 * one an admin-managed app gets: the default app's user-level and account-level scopes, so the scope
 * check lets every operation through and the tests exercise the operations themselves.
 */
export function serveMockApi(zoom: ZoomMock): MockApiCaller {
  const server = setupServer(...zoom.handlers);
  let token = "";
  beforeAll(() => {
    server.listen({ onUnhandledRequest: "error" });
    const { clientId, accountId, scopes, appTokenScopes } = zoom.defaultApp;
    const grant = zoom.state.createGrant({ kind: "authorization_code", clientId, userId: zoom.defaultUser.id, accountId, scopes: [...scopes, ...appTokenScopes] });
    token = zoom.state.issueAccessToken(grant).token;
  });
  afterAll(() => server.close());
  return {
    request(method, path, body) {
      const headers: Record<string, string> = { authorization: `Bearer ${token}` };
      if (body !== undefined) headers["content-type"] = "application/json";
      return fetch(`https://api.zoom.us/v2${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    },
  };
}

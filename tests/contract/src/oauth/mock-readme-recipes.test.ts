import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { ZoomServerToServer, type ZoomTokens } from "@org/zoom-auth";
import { createZoomMock, DEFAULT_ACCOUNT_ID, MOCK_CLIENT_ID, MOCK_CLIENT_SECRET } from "@org/zoom-mock";
import { startZoomMockServer } from "@org/zoom-mock/server";
import { setupServer } from "msw/node";
import { describe, expect, it } from "vitest";

// The recipes of packages/zoom-mock/README.md ("Seeded data"), run as written.
describe("the zoom-mock README's recipes", () => {
  it("Server-to-Server OAuth against the mock server, with ZoomTokens reaching apiUrl()", async () => {
    const server = await startZoomMockServer();
    try {
      const s2s = new ZoomServerToServer(DEFAULT_ACCOUNT_ID, MOCK_CLIENT_ID, MOCK_CLIENT_SECRET, { authorizationServer: server.url });
      const tokens: ZoomTokens = await s2s.getTokens();
      expect(tokens.apiUrl()).toBe(server.url);
      const me = await fetch(`${tokens.apiUrl()}/v2/users/me`, { headers: { Authorization: `Bearer ${tokens.accessToken()}` } });
      expect([me.status, ((await me.json()) as { id: string }).id]).toEqual([200, "mock-user-ada"]);
      server.mock.assertNoViolations();
    } finally {
      await server.close();
    }
  });

  it("onUnhandledRequest that lets the app's own loopback server through and fails anything else", async () => {
    const app = createServer((_request, response) => response.end("from the app"));
    await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
    const zoomMock = createZoomMock();
    const server = setupServer(...zoomMock.handlers);
    server.listen({
      onUnhandledRequest(request, print) {
        const { hostname } = new URL(request.url);
        if (hostname === "127.0.0.1" || hostname === "localhost" || hostname === "[::1]") return;
        print.error();
      },
    });
    try {
      const { port } = app.address() as AddressInfo;
      expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe("from the app");
      await expect(fetch("https://unmocked.example.com/")).rejects.toThrow(TypeError);
    } finally {
      server.close();
      await new Promise<void>((resolve) => app.close(() => resolve()));
    }
  });
});

import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createZoomClient } from "./create-zoom-client.js";
import { ZoomNetworkError, ZoomTimeoutError } from "./zoom-network-error.js";

// The same transport against Node's real fetch (undici) and a real loopback server, where MSW's
// interceptor cannot paper over how bodies, signals and connections behave.

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function serve(handler: (request: IncomingMessage, body: string, response: ServerResponse) => void) {
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => {
      body += chunk.toString();
    });
    request.on("end", () => handler(request, body, response));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`;
}

describe("transport over real HTTP", () => {
  it("answers with the response's own URL and redirect flag, the body read in full", async () => {
    const baseUrl = await serve((_request, _body, response) => {
      response.writeHead(200, { "Content-Type": "application/json" }).end('{"id":"me","email":"ada@example.com"}');
    });
    const client = createZoomClient({ baseUrl, accessToken: "t" });
    const { data, response } = await client.GET("/users/me");
    expect(data?.email).toBe("ada@example.com");
    expect(response.url).toBe(`${baseUrl}/users/me`);
    expect(response.redirected).toBe(false);
  });

  it("re-sends the same body, with a fresh token, after a 429 and a 503", async () => {
    const received: { authorization: string | undefined; body: string }[] = [];
    const baseUrl = await serve((request, body, response) => {
      received.push({ authorization: request.headers.authorization, body });
      if (received.length === 1) response.writeHead(429, { "Retry-After": "0" }).end('{"code":429,"message":"slow"}');
      else if (received.length === 2) response.writeHead(503).end("<html>unavailable</html>");
      else response.writeHead(201, { "Content-Type": "application/json" }).end('{"id":"new-user"}');
    });
    let issued = 0;
    const client = createZoomClient({
      baseUrl,
      getAccessToken: () => `token-${++issued}`,
      retryNonIdempotent: true,
      testing: { sleep: async () => {} },
    });
    const body = { action: "create" as const, user_info: { email: "bob@example.com", type: 1 as const } };
    const { data, response } = await client.POST("/users", { body });
    expect(response.status).toBe(201);
    expect(data?.id).toBe("new-user");
    expect(received).toEqual([1, 2, 3].map((n) => ({ authorization: `Bearer token-${n}`, body: JSON.stringify(body) })));
  });

  it("times out an attempt whose server never answers, then throws ZoomTimeoutError", async () => {
    const baseUrl = await serve(() => {});
    // Attempts are counted as sent, not as received: on a loaded machine a 20 ms attempt may time out
    // before the server has even read it.
    let attempts = 0;
    const client = createZoomClient({
      baseUrl,
      accessToken: "t",
      timeoutMs: 20,
      maxRetries: 1,
      testing: { sleep: async () => {} },
      fetch: (input, init) => {
        attempts++;
        return globalThis.fetch(input, init);
      },
    });
    await expect(client.GET("/users/me")).rejects.toBeInstanceOf(ZoomTimeoutError);
    expect(attempts).toBe(2);
  });

  it("stops a streamed body when the call's signal aborts after the headers, as fetch does", async () => {
    // The server sends the headers and the first chunk of a file, then goes quiet.
    const baseUrl = await serve((_request, _body, response) => {
      response.writeHead(200, { "Content-Type": "application/octet-stream" });
      response.write("first chunk");
    });
    const client = createZoomClient({ baseUrl, accessToken: "t" });
    const controller = new AbortController();
    const { data } = await client.GET("/users/me", { parseAs: "stream", signal: controller.signal });
    const reader = (data as unknown as ReadableStream<Uint8Array>).getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe("first chunk");
    const reason = new Error("the user closed the page");
    controller.abort(reason);
    await expect(reader.read()).rejects.toBe(reason);
  });

  it("throws ZoomNetworkError when nothing listens", async () => {
    const baseUrl = await serve(() => {});
    const closed = servers.pop()!;
    await new Promise((resolve) => closed.close(resolve));
    const client = createZoomClient({ baseUrl, accessToken: "t", maxRetries: 0 });
    const error = await client.GET("/users/me").catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ZoomNetworkError);
    expect(error).not.toBeInstanceOf(ZoomTimeoutError);
  });
});

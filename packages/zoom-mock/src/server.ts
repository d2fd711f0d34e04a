import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createServer as createMiddlewareApp } from "@mswjs/http-middleware";
import { createZoomMock, type ZoomMock } from "./create-zoom-mock.js";

/** Options of {@link startZoomMockServer}. */
export interface ZoomMockServerOptions {
  /** The mock to serve (default: a fresh `createZoomMock()`). */
  mock?: ZoomMock;
  /** TCP port; `0` (default) picks a free one. */
  port?: number;
  /** Interface to listen on (default `127.0.0.1`: loopback only). */
  host?: string;
  /**
   * Report this server as `api_url` in token responses (default `true`), so a client that follows
   * `api_url` calls the mock's REST API at `${url}/v2` instead of Zoom's.
   */
  advertiseApiUrl?: boolean;
}

/** A running mock server. */
export interface ZoomMockServer {
  /** The origin, e.g. `http://127.0.0.1:53011`; OAuth at `${url}/oauth/...`, REST API at `${url}/v2/...`. */
  readonly url: string;
  /** The mock behind it, to inspect state, inject faults or check violations. */
  readonly mock: ZoomMock;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

type RequestListener = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * Serves a Zoom mock's handlers over real HTTP (through `@mswjs/http-middleware`), for browsers,
 * other processes and the demo app. The handlers match on path, so they answer on this origin exactly
 * as they do for `https://zoom.us` under `setupServer`.
 *
 * @example
 * ```ts
 * const server = await startZoomMockServer();
 * const zoom = new Zoom(MOCK_CLIENT_ID, MOCK_CLIENT_SECRET, redirectURI, { authorizationServer: server.url });
 * await server.close();
 * ```
 */
export async function startZoomMockServer(options: ZoomMockServerOptions = {}): Promise<ZoomMockServer> {
  const mock = options.mock ?? createZoomMock();
  const host = options.host ?? "127.0.0.1";
  // http-middleware is CommonJS and sees msw's CJS types while our handlers carry the ESM ones; the
  // objects are the same at run time, so the parameter type is bridged here.
  const middlewareApp = createMiddlewareApp(...(mock.handlers as unknown as Parameters<typeof createMiddlewareApp>)) as unknown as RequestListener;
  const server = createHttpServer((request, response) => {
    // A network fault (msw's Response.error()) arrives with status 0, which HTTP cannot express: drop the
    // connection instead, which is what a client sees when the network fails.
    const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
    response.end = ((...args: unknown[]) => {
      if (response.statusCode === 0) {
        response.socket?.destroy();
        return response;
      }
      return end(...args);
    }) as ServerResponse["end"];
    middlewareApp(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostInUrl = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${hostInUrl}:${address.port}`;
  if (options.advertiseApiUrl ?? true) mock.state.apiUrl = url;
  return {
    url,
    mock,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

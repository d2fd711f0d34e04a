import { createServer as createHttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createZoomMock, type ZoomMock } from "./create-zoom-mock.js";
import { createHandlersListener } from "./http/handlers-listener.js";

/** The path of the server's health check: `GET` answers 200 `{"status":"ok"}` while it serves. */
export const HEALTH_PATH = "/health";

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

/**
 * Serves a Zoom mock's handlers over real HTTP (`node:http` with msw's own request handling), for
 * browsers, other processes and other languages. The handlers match on path, so they answer on this
 * origin exactly as they do for `https://zoom.us` under `setupServer`. Faults act on the socket: a
 * `"network"` fault resets the connection, a `"delay"` holds it without writing a byte.
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
  const listener = createHandlersListener(mock.handlers, {
    routes: { [HEALTH_PATH]: () => Response.json({ status: "ok" }) },
  });
  const server = createHttpServer(listener);
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

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Zoom } from "@org/zoom-auth";
import { createZoomMock, MOCK_CLIENT_ID, MOCK_CLIENT_SECRET } from "@org/zoom-mock";
import { startZoomMockServer } from "@org/zoom-mock/server";
import { createApp } from "./app.js";
import { CALLBACK_PATH, parseConfig } from "./config.js";
import { connectSessions } from "./connect-sessions.js";

/** The embedded mock Zoom, as the demo started it (tests inspect its state and inject faults). */
export type EmbeddedZoomMock = ReturnType<typeof createZoomMock>;

/** Options of {@link startDemo}. */
export interface StartDemoOptions {
  /** Where settings come from (default `process.env`). See `config.ts`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Where the per-request log lines go (default `console.log`). */
  log?: (line: string) => void;
  /** Mock mode: the mock Zoom to serve (default a fresh `createZoomMock()`); tests pass one with a clock. */
  mock?: EmbeddedZoomMock;
  /** Current time in milliseconds for the app and its Zoom client (token expiry); default `Date.now`. */
  clock?: () => number;
}

/** A running demo. */
export interface RunningDemo {
  mode: "mock" | "real";
  /** The URL to open in a browser, e.g. `http://localhost:3000/`. */
  url: string;
  /** What to tell the person starting it: the URL, the mode, and in mock mode who they sign in as. */
  banner: string[];
  /** Mock mode only: the mock Zoom and the URL of its HTTP server. */
  mock: { zoom: EmbeddedZoomMock; url: string } | null;
  /** Stops the app and, in mock mode, the mock Zoom. */
  close(): Promise<void>;
}

/**
 * Starts the demo: the app on `PORT`, and with no Zoom credentials in `env` the mock Zoom on a free
 * loopback port, with the app registered there under `MOCK_CLIENT_ID`.
 *
 * @throws {ConfigError} for a partial or invalid configuration (before anything listens).
 */
export async function startDemo(options: StartDemoOptions = {}): Promise<RunningDemo> {
  const config = parseConfig(options.env ?? process.env);
  const log = options.log ?? ((line: string) => console.log(line));
  const server = createServer();
  // Memory, or a Redis connection that the demo's close() closes.
  const withSessions = (zoom: Zoom) => connectSessions(config.redisUrl, { zoom, clock: options.clock });

  if (config.zoom.kind === "real") {
    const { clientId, clientSecret, redirectURI } = config.zoom;
    await listen(server, config.port, config.host);
    const appOrigin = new URL(redirectURI.origin);
    const zoom = new Zoom(clientId, clientSecret, redirectURI.href, options.clock ? { clock: options.clock } : {});
    const { sessions, close: closeSessions } = await withSessions(zoom).catch(async (error: unknown) => {
      await closeServer(server);
      throw error;
    });
    server.on(
      "request",
      createApp({
        zoom,
        appOrigin,
        // Zoom says in each token response which regional API serves the user (api.zoom.us, eu01api.zoom.us...).
        apiBaseUrl: (apiUrl) => `${(apiUrl ?? "https://api.zoom.us").replace(/\/+$/, "")}/v2`,
        modeNote: "Real mode: this app talks to Zoom with your Marketplace app's credentials.",
        log,
        sessions,
        ...(options.clock ? { clock: options.clock } : {}),
      }),
    );
    const url = `${appOrigin.origin}/`;
    return {
      mode: "real",
      url,
      banner: [
        "Sign in with Zoom: REAL Zoom mode (ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET and ZOOM_REDIRECT_URI are set).",
        `Listening on ${config.host}:${(server.address() as AddressInfo).port}; open ${url}`,
        `Zoom must have ${redirectURI.href} registered as the app's redirect URL.`,
        `Sessions and Zoom grants are kept ${sessions.description}.`,
      ],
      mock: null,
      close: async () => {
        await closeServer(server);
        await closeSessions();
      },
    };
  }

  const mock = options.mock ?? createZoomMock();
  const mockServer = await startZoomMockServer({ mock, port: 0, host: "127.0.0.1" });
  try {
    await listen(server, config.port, config.host);
  } catch (error) {
    await mockServer.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const appOrigin = new URL(`http://localhost:${port}`);
  const redirectURI = new URL(CALLBACK_PATH, appOrigin).href;
  // Re-registering the seeded app with this exact redirect URI makes the mock check it the way Zoom does.
  mock.registerApp({
    clientId: MOCK_CLIENT_ID,
    clientSecret: MOCK_CLIENT_SECRET,
    name: "Sign in with Zoom (demo)",
    redirectUris: [redirectURI],
  });
  const mockOrigin = mockServer.url.replace(/\/+$/, "");
  const zoom = new Zoom(MOCK_CLIENT_ID, MOCK_CLIENT_SECRET, redirectURI, {
    authorizationServer: mockOrigin,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  let connected: Awaited<ReturnType<typeof connectSessions>>;
  try {
    connected = await withSessions(zoom);
  } catch (error) {
    await closeServer(server);
    await mockServer.close();
    throw error;
  }
  const { sessions, close: closeSessions } = connected;
  server.on(
    "request",
    createApp({
      zoom,
      appOrigin,
      apiBaseUrl: () => `${mockOrigin}/v2`,
      modeNote: `Mock mode: Zoom is simulated on this machine at ${mockOrigin}; no Zoom account or network needed.`,
      canonicalizeLoginHost: true,
      log,
      sessions,
      ...(options.clock ? { clock: options.clock } : {}),
    }),
  );
  const url = `${appOrigin.origin}/`;
  const user = mock.defaultUser;
  return {
    mode: "mock",
    url,
    banner: [
      "Sign in with Zoom: MOCK mode (no ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET, ZOOM_REDIRECT_URI set).",
      `Mock Zoom running at ${mockOrigin}; you will sign in as ${user.display_name} <${user.email}>.`,
      `Sessions and Zoom grants are kept ${sessions.description}.`,
      `Open ${url}`,
    ],
    mock: { zoom: mock, url: mockOrigin },
    close: async () => {
      await closeServer(server);
      await mockServer.close();
      await closeSessions();
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}

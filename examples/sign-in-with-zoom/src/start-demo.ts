import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Zoom } from "@org/zoom-auth";
import { createZoomMock, MOCK_CLIENT_ID, MOCK_CLIENT_SECRET } from "@org/zoom-mock";
import { startZoomMockServer } from "@org/zoom-mock/server";
import { createApp, type RequestListener } from "./app.js";
import { CALLBACK_PATH, parseConfig } from "./config.js";
import { connectSessions } from "./connect-sessions.js";
import { LiveEvents } from "./live-events.js";
import { createMeetingsApp, isMeetingsRoute, type MeetingsAppOptions, WEBHOOK_PATH } from "./meetings-app.js";

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
    // Zoom says in each token response which regional API serves the user (api.zoom.us, eu01api.zoom.us...).
    const apiBaseUrl = (apiUrl: string | null) => `${(apiUrl ?? "https://api.zoom.us").replace(/\/+$/, "")}/v2`;
    const modeNote = "Real mode: this app talks to Zoom with your Marketplace app's credentials.";
    server.on(
      "request",
      withMeetings(
        createApp({ zoom, appOrigin, apiBaseUrl, modeNote, log, sessions, ...(options.clock ? { clock: options.clock } : {}) }),
        {
          sessions,
          appOrigin,
          apiBaseUrl,
          modeNote,
          events: new LiveEvents(),
          webhookSecretToken: config.webhookSecretToken,
          ...(options.clock ? { clock: options.clock } : {}),
        },
      ),
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

  // Zoom gives an endpoint 3 s; the demo's own machine may be busy (tests, a build), so its mock waits longer.
  const mock = options.mock ?? createZoomMock({ webhooks: { timeoutMs: 30_000 } });
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
  const apiBaseUrl = () => `${mockOrigin}/v2`;
  const modeNote = `Mock mode: Zoom is simulated on this machine at ${mockOrigin}; no Zoom account or network needed.`;
  // The mock sends its events to this app as Zoom would, signed with a secret made for this run.
  const webhookSecretToken = crypto.randomUUID();
  const mockApi = mock.api;
  server.on(
    "request",
    withMeetings(
      createApp({ zoom, appOrigin, apiBaseUrl, modeNote, canonicalizeLoginHost: true, log, sessions, ...(options.clock ? { clock: options.clock } : {}) }),
      {
        sessions,
        appOrigin,
        apiBaseUrl,
        modeNote,
        events: new LiveEvents(),
        webhookSecretToken,
        // Here Zoom is the mock: its events are stamped with its clock, so they are checked against it.
        clock: options.clock ?? mock.state.now,
        // "Start" plays the host: the meeting starts and they join it, and Zoom (the mock) says so.
        startMeeting: (meetingId) => {
          const meeting = mockApi.startMeeting(meetingId);
          const host = mock.state.users.get(meeting.host_id);
          mockApi.joinMeeting(meetingId, { name: host?.display_name ?? "Host", ...(host ? { user_email: host.email, user_id: host.id } : {}) });
        },
      },
    ),
  );
  try {
    await mock.webhooks.subscribe({ url: `http://127.0.0.1:${port}${WEBHOOK_PATH}`, secretToken: webhookSecretToken });
  } catch (error) {
    await closeServer(server);
    await mockServer.close();
    throw error;
  }
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

/** The sign-in app, with the meetings routes (list, schedule, delete, start, Zoom's events) in front. */
function withMeetings(signIn: RequestListener, options: MeetingsAppOptions): RequestListener {
  const meetings = createMeetingsApp(options);
  return (request, response) => {
    const url = URL.canParse(request.url ?? "/", options.appOrigin) ? new URL(request.url ?? "/", options.appOrigin) : new URL("/", options.appOrigin);
    if (isMeetingsRoute(url.pathname)) meetings(request, response, url);
    else signIn(request, response);
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

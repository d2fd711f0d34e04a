/** The three variables that switch the demo from the embedded mock Zoom to real Zoom. */
export const ZOOM_VARIABLES = ["ZOOM_CLIENT_ID", "ZOOM_CLIENT_SECRET", "ZOOM_REDIRECT_URI"] as const;

/** Which Zoom the demo talks to. */
export type ZoomMode =
  | { kind: "mock" }
  | { kind: "real"; clientId: string; clientSecret: string; redirectURI: URL };

/** Everything the demo reads from its environment, checked. */
export interface DemoConfig {
  /** TCP port the app listens on (0 = any free port). */
  port: number;
  /** Address the app listens on. */
  host: string;
  zoom: ZoomMode;
  /**
   * `REDIS_URL`: keep sessions and Zoom grants in this Redis, shared by every instance of the app
   * (`null`: in this process's memory).
   */
  redisUrl: string | null;
  /** `ZOOM_WEBHOOK_SECRET_TOKEN`: real mode receives Zoom's events only with it (mock mode makes its own). */
  webhookSecretToken: string | null;
}

/** The environment is missing something or holds a value the demo cannot use. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

/** The redirect URI's path: the callback route of `app.ts`. */
export const CALLBACK_PATH = "/login/zoom/callback";

/**
 * Reads the demo's settings from environment variables.
 *
 * With none of {@link ZOOM_VARIABLES} set the demo runs against the embedded mock; with all three it runs
 * against real Zoom. One or two of them is almost certainly a mistake, so it is an error naming the
 * missing ones rather than a silent fall back to the mock.
 *
 * @throws {ConfigError} on a partial Zoom configuration, a bad `PORT`, or a redirect URI that is not an
 *   absolute http(s) URL ending in {@link CALLBACK_PATH}.
 */
export function parseConfig(env: Readonly<Record<string, string | undefined>>): DemoConfig {
  const port = parsePort(env.PORT);
  const host = env.HOST?.trim() || "127.0.0.1";
  const redisUrl = parseRedisUrl(env.REDIS_URL);

  const webhookSecretToken = env.ZOOM_WEBHOOK_SECRET_TOKEN?.trim() || null;
  const present = ZOOM_VARIABLES.filter((name) => (env[name] ?? "").trim() !== "");
  if (present.length === 0) return { port, host, zoom: { kind: "mock" }, redisUrl, webhookSecretToken };
  if (present.length < ZOOM_VARIABLES.length) {
    const missing = ZOOM_VARIABLES.filter((name) => !present.includes(name));
    throw new ConfigError(
      `Real Zoom mode needs all of ${ZOOM_VARIABLES.join(", ")}; missing: ${missing.join(", ")}. ` +
        "Unset all three to run against the embedded mock Zoom.",
    );
  }

  const redirectURI = parseRedirectURI((env.ZOOM_REDIRECT_URI ?? "").trim());
  return {
    port,
    host,
    redisUrl,
    webhookSecretToken,
    zoom: {
      kind: "real",
      clientId: (env.ZOOM_CLIENT_ID ?? "").trim(),
      clientSecret: (env.ZOOM_CLIENT_SECRET ?? "").trim(),
      redirectURI,
    },
  };
}

function parseRedisUrl(raw: string | undefined): string | null {
  const value = raw?.trim() ?? "";
  if (value === "") return null;
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    // Named below without the value, which may hold a password.
  }
  if (url === null || (url.protocol !== "redis:" && url.protocol !== "rediss:")) {
    throw new ConfigError("REDIS_URL must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379.");
  }
  return value;
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === "") return 3000;
  const port = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isInteger(port) || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, got ${JSON.stringify(raw)}.`);
  }
  return port;
}

function parseRedirectURI(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`ZOOM_REDIRECT_URI must be an absolute URL, got ${JSON.stringify(raw)}.`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new ConfigError(`ZOOM_REDIRECT_URI must be an http(s) URL, got protocol ${url.protocol}`);
  }
  if (url.pathname !== CALLBACK_PATH) {
    throw new ConfigError(
      `ZOOM_REDIRECT_URI must end in ${CALLBACK_PATH} (this app's callback route), got path ${url.pathname}.`,
    );
  }
  return url;
}

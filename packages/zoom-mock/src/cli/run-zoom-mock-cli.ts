import { readFile } from "node:fs/promises";
import { createZoomMock, MOCK_CLIENT_ID, MOCK_CLIENT_SECRET, type ZoomMock } from "../create-zoom-mock.js";
import { HEALTH_PATH, startZoomMockServer, type ZoomMockServer } from "../server.js";
import { cliHelp, parseCliOptions, ZoomMockCliUsageError } from "./cli-options.js";
import type { SpecViolation } from "../validation/spec-validator.js";
import { formatViolation } from "../violations.js";
import { createSeededZoomMock, parseSeed, ZoomMockSeedError } from "./seed-file.js";

/** The signals that stop the server. */
export const STOP_SIGNALS = ["SIGINT", "SIGTERM"] as const;

/** What the command touches outside itself, so tests can run it in-process. */
export interface ZoomMockCliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<string>;
  /** Where stop signals arrive (`process` for the real command). */
  signals: {
    once(signal: (typeof STOP_SIGNALS)[number], listener: () => void): unknown;
    off(signal: (typeof STOP_SIGNALS)[number], listener: () => void): unknown;
  };
}

/** The real process's streams, file system and signals. */
export const processIo: ZoomMockCliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFile(path, "utf8"),
  signals: process,
};

async function loadSeededMock(seedPath: string | null, io: ZoomMockCliIo): Promise<ZoomMock> {
  // Each violation is a line on stderr, so a client in any language sees what it got wrong (messages
  // name fields, never values).
  const options = { onViolation: (violation: SpecViolation) => io.stderr(`zoom-mock: spec violation: ${formatViolation(violation)}\n`) };
  if (seedPath === null) return createZoomMock(options);
  let text: string;
  try {
    text = await io.readFile(seedPath);
  } catch (error) {
    throw new ZoomMockSeedError(`${seedPath}: cannot read the seed file (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ZoomMockSeedError(`${seedPath}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  return createSeededZoomMock(parseSeed(json, seedPath), options, seedPath);
}

/**
 * What the command prints once it listens: where to send requests and with which credentials. The
 * default app's secret is the published mock constant; a seeded app's secret is the seed author's and
 * is not printed.
 */
export function describeServer(server: ZoomMockServer): string {
  const { url, mock } = server;
  const lines = [
    `zoom-mock listening on ${url}`,
    `  OAuth:          ${url}/oauth/authorize, ${url}/oauth/token, ${url}/oauth/revoke`,
    `  REST API:       ${url}/v2`,
    `  health:         ${url}${HEALTH_PATH}`,
    `  client id:      ${MOCK_CLIENT_ID}`,
    `  client secret:  ${MOCK_CLIENT_SECRET}`,
    `  S2S account id: ${mock.defaultApp.accountId}`,
  ];
  const otherApps = [...mock.state.apps.values()].filter((app) => app !== mock.defaultApp);
  for (const app of otherApps) {
    lines.push(`  app:            ${app.clientId} (${app.clientSecret === null ? "public client, PKCE" : "secret from the seed file"})`);
  }
  lines.push("  users:");
  for (const user of mock.state.users.values()) {
    const marker = user.id === mock.defaultUser.id ? " (consents by default; `me` on S2S tokens)" : "";
    lines.push(`    ${user.id}  ${user.email}  ${user.first_name} ${user.last_name}${marker}`);
  }
  lines.push("Stop with Ctrl+C (SIGINT) or SIGTERM.");
  return `${lines.join("\n")}\n`;
}

/**
 * Runs `zoom-mock`: starts the server from the options, prints {@link describeServer}, and resolves with
 * the exit code once a stop signal has closed it (0), or at once for `--help` (0) and bad input (2).
 */
export async function runZoomMockCli(argv: readonly string[], io: ZoomMockCliIo = processIo): Promise<number> {
  let server: ZoomMockServer;
  let subscription: { url: string; secretToken: string } | null = null;
  try {
    const options = parseCliOptions(argv);
    if (options.help) {
      io.stdout(cliHelp());
      return 0;
    }
    const mock = await loadSeededMock(options.seed, io);
    server = await startZoomMockServer({ mock, port: options.port, host: options.host });
    if (options.webhookUrl !== null && options.webhookSecret !== null) subscription = { url: options.webhookUrl, secretToken: options.webhookSecret };
  } catch (error) {
    if (error instanceof ZoomMockCliUsageError) {
      io.stderr(`zoom-mock: ${error.message}\n\n${cliHelp()}`);
      return 2;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (error instanceof ZoomMockSeedError || code === "EADDRINUSE" || code === "EACCES" || code === "EADDRNOTAVAIL" || code === "ENOTFOUND") {
      io.stderr(`zoom-mock: ${error instanceof Error ? error.message : String(error)}\n`);
      return 2;
    }
    throw error;
  }
  if (subscription !== null) {
    try {
      await server.mock.webhooks.subscribe({ url: subscription.url, secretToken: subscription.secretToken });
    } catch (error) {
      // The endpoint did not answer the handshake as Zoom requires: say so and stop (never print the secret).
      io.stderr(`zoom-mock: ${subscription.url}: ${error instanceof Error ? error.message : String(error)}\n`);
      await server.close();
      return 2;
    }
  }
  io.stdout(describeServer(server));
  if (subscription !== null) io.stdout(`  webhooks:       every event, signed, to ${subscription.url}\n`);
  const signal = await new Promise<string>((resolve) => {
    const listeners = STOP_SIGNALS.map((name) => {
      const listener = () => {
        for (const [other, registered] of listeners) io.signals.off(other, registered);
        resolve(name);
      };
      io.signals.once(name, listener);
      return [name, listener] as const;
    });
  });
  await server.close();
  io.stdout(`zoom-mock stopped (${signal}).\n`);
  return 0;
}

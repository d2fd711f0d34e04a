import { parseArgs } from "node:util";

/** The options of the `zoom-mock` command, parsed and checked. */
export interface ZoomMockCliOptions {
  port: number;
  host: string;
  /** Path of a seed file, or `null`. */
  seed: string | null;
  /** Where to send webhook events (http or https), or `null`. */
  webhookUrl: string | null;
  /** The secret token the events are signed with; required with `webhookUrl`. */
  webhookSecret: string | null;
  help: boolean;
}

/** A command line `zoom-mock` cannot run with; the message says which option and why. */
export class ZoomMockCliUsageError extends Error {
  override readonly name = "ZoomMockCliUsageError";
}

/** One option of the command: how it is written, documented and read. A new flag is one more row. */
interface CliOptionRow<K extends keyof ZoomMockCliOptions> {
  key: K;
  flag: string;
  short?: string;
  /** The value's placeholder in `--help` (`null` for a switch). */
  value: string | null;
  help: string;
  default: ZoomMockCliOptions[K];
  /** Turns the raw text into the option's value; throws a message (without the flag) when it cannot. */
  parse?: (text: string) => ZoomMockCliOptions[K];
}

type AnyRow = { [K in keyof ZoomMockCliOptions]: CliOptionRow<K> }[keyof ZoomMockCliOptions];

function parsePort(text: string): number {
  const port = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error("must be a port number from 0 to 65535 (0 picks a free one)");
  return port;
}

/** Every option of `zoom-mock`, in the order `--help` lists them. */
export const CLI_OPTIONS: readonly AnyRow[] = [
  { key: "port", flag: "port", short: "p", value: "<port>", help: "TCP port to listen on; 0 picks a free one", default: 4010, parse: parsePort },
  {
    key: "host",
    flag: "host",
    value: "<address>",
    help: "interface to listen on; 0.0.0.0 exposes the mock to your network",
    default: "127.0.0.1",
    parse: (text) => {
      if (text.trim() === "") throw new Error("must not be empty");
      return text;
    },
  },
  { key: "seed", flag: "seed", short: "s", value: "<file>", help: "JSON seed file: users, apps and meetings (see the README)", default: null, parse: (text) => text },
  {
    key: "webhookUrl",
    flag: "webhook-url",
    value: "<url>",
    help: "send Zoom's webhook events here, signed (after the endpoint.url_validation handshake)",
    default: null,
    parse: (text) => {
      if (!URL.canParse(text) || !["http:", "https:"].includes(new URL(text).protocol)) throw new Error("must be an http or https URL");
      return text;
    },
  },
  {
    key: "webhookSecret",
    flag: "webhook-secret",
    value: "<token>",
    help: "the app's secret token that signs the events (required with --webhook-url)",
    default: null,
    parse: (text) => {
      if (text === "") throw new Error("must not be empty");
      return text;
    },
  },
  { key: "help", flag: "help", short: "h", value: null, help: "show this help", default: false },
];

/** Reads `argv` (without `node` and the script) against {@link CLI_OPTIONS}. */
export function parseCliOptions(argv: readonly string[]): ZoomMockCliOptions {
  const config: Record<string, { type: "string" | "boolean"; short?: string }> = {};
  for (const row of CLI_OPTIONS) config[row.flag] = { type: row.value === null ? "boolean" : "string", ...(row.short ? { short: row.short } : {}) };
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ args: [...argv], options: config, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new ZoomMockCliUsageError(error instanceof Error ? error.message : String(error));
  }
  const options: Record<string, unknown> = {};
  for (const row of CLI_OPTIONS) {
    const raw = values[row.flag];
    if (raw === undefined) options[row.key] = row.default;
    else if (typeof raw === "boolean" || row.parse === undefined) options[row.key] = raw;
    else {
      try {
        options[row.key] = row.parse(raw);
      } catch (error) {
        throw new ZoomMockCliUsageError(`--${row.flag} ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  if ((options.webhookUrl === null) !== (options.webhookSecret === null)) {
    throw new ZoomMockCliUsageError("--webhook-url and --webhook-secret go together: events are signed with the secret");
  }
  return options as unknown as ZoomMockCliOptions;
}

/** The `--help` text, from the same table. */
export function cliHelp(): string {
  const lines = ["Usage: zoom-mock [options]", "", "Serves a mock of Zoom's OAuth server and REST API over HTTP.", "", "Options:"];
  const labels = CLI_OPTIONS.map((row) => `${row.short ? `-${row.short}, ` : "    "}--${row.flag}${row.value ? ` ${row.value}` : ""}`);
  const width = Math.max(...labels.map((label) => label.length));
  CLI_OPTIONS.forEach((row, i) => {
    const fallback = row.default === null || row.default === false ? "" : ` (default ${String(row.default)})`;
    lines.push(`  ${(labels[i] ?? "").padEnd(width)}  ${row.help}${fallback}`);
  });
  return `${lines.join("\n")}\n`;
}

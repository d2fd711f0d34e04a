import { describe, expect, it } from "vitest";
import { CLI_OPTIONS, cliHelp, parseCliOptions, ZoomMockCliUsageError } from "./cli-options.js";

describe("parseCliOptions", () => {
  it("gives every option its default", () => {
    expect(parseCliOptions([])).toEqual({ port: 4010, host: "127.0.0.1", seed: null, webhookUrl: null, webhookSecret: null, help: false });
  });

  it("reads long and short flags", () => {
    expect(parseCliOptions(["--port", "0", "--host", "::1", "-s", "seed.json"])).toEqual({ port: 0, host: "::1", seed: "seed.json", webhookUrl: null, webhookSecret: null, help: false });
    expect(parseCliOptions(["-p", "8080", "-h"])).toMatchObject({ port: 8080, help: true });
  });

  it("refuses a port that is not one, naming the flag", () => {
    for (const port of ["http", "70000", "-1", "4010.5", ""]) {
      expect(() => parseCliOptions(["--port", port])).toThrow(ZoomMockCliUsageError);
    }
    expect(() => parseCliOptions(["--port", "70000"])).toThrow("--port must be a port number from 0 to 65535");
  });

  it("takes a webhook URL only with its secret, and only an http(s) one", () => {
    expect(parseCliOptions(["--webhook-url", "http://127.0.0.1:3000/zoom", "--webhook-secret", "s"])).toMatchObject({ webhookUrl: "http://127.0.0.1:3000/zoom", webhookSecret: "s" });
    expect(() => parseCliOptions(["--webhook-url", "http://127.0.0.1:3000/zoom"])).toThrow("--webhook-url and --webhook-secret go together");
    expect(() => parseCliOptions(["--webhook-url", "ftp://host/x", "--webhook-secret", "s"])).toThrow("--webhook-url must be an http or https URL");
  });

  it("refuses an unknown flag and a stray argument", () => {
    expect(() => parseCliOptions(["--webhook"])).toThrow(/Unknown option '--webhook'/);
    expect(() => parseCliOptions(["seed.json"])).toThrow(ZoomMockCliUsageError);
  });
});

describe("cliHelp", () => {
  it("documents every row of the option table with its default", () => {
    const help = cliHelp();
    for (const row of CLI_OPTIONS) expect(help).toContain(`--${row.flag}`);
    expect(help).toContain("(default 4010)");
    expect(help).toContain("(default 127.0.0.1)");
  });
});

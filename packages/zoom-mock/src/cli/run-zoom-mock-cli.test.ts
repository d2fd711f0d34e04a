import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { MOCK_CLIENT_ID, MOCK_CLIENT_SECRET } from "../create-zoom-mock.js";
import { basic } from "../test-support/pkce.js";
import { startWebhookEndpoint } from "../test-support/webhook-endpoint.js";
import { runZoomMockCli, type ZoomMockCliIo } from "./run-zoom-mock-cli.js";

/** The command run in-process: its output collected, files from a map, signals from an emitter. */
function fakeIo(files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const signals = new EventEmitter();
  let announce: (text: string) => void = () => {};
  const listening = new Promise<string>((resolve) => {
    announce = resolve;
  });
  const io: ZoomMockCliIo = {
    stdout: (text) => {
      out.push(text);
      if (text.startsWith("zoom-mock listening on ")) announce(text);
    },
    stderr: (text) => err.push(text),
    readFile: async (path) => {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: "ENOENT" });
      return text;
    },
    signals,
  };
  return { io, out, err, signals, listening };
}

const originOf = (banner: string) => /^zoom-mock listening on (\S+)/.exec(banner)?.[1] ?? "";

/** A loopback endpoint that answers Zoom's url_validation with `secret` and hands on each event's name. */
async function webhookEndpoint(secret: string, onEvent: (name: string) => void) {
  return startWebhookEndpoint(secret, { onDelivery: (delivery) => onEvent(delivery.event) });
}

describe("runZoomMockCli", () => {
  it("with --webhook-url and --webhook-secret, validates the endpoint and sends it each event of the model", async () => {
    let created = () => {};
    const meetingCreated = new Promise<void>((resolve) => {
      created = resolve;
    });
    const endpoint = await webhookEndpoint("cli-webhook-secret", (name) => {
      if (name === "meeting.created") created();
    });
    try {
      const { io, out, err, signals, listening } = fakeIo();
      const exit = runZoomMockCli(["--port", "0", "--webhook-url", endpoint.url, "--webhook-secret", "cli-webhook-secret"], io);
      const origin = originOf(await listening);
      expect(out.join("")).toContain(`webhooks:       every event, signed, to ${endpoint.url}`);
      const token = await fetch(`${origin}/oauth/token`, {
        method: "POST",
        headers: { authorization: basic(MOCK_CLIENT_ID, MOCK_CLIENT_SECRET), "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ grant_type: "account_credentials", account_id: "mock-account-id" }),
      });
      const { access_token } = (await token.json()) as { access_token: string };
      const meeting = await fetch(`${origin}/v2/users/me/meetings`, {
        method: "POST",
        headers: { authorization: `Bearer ${access_token}`, "content-type": "application/json" },
        body: JSON.stringify({ topic: "From the command", type: 2, start_time: "2030-01-01T09:00:00Z", duration: 15 }),
      });
      expect(meeting.status).toBe(201);
      await meetingCreated;
      signals.emit("SIGINT");
      expect(await exit).toBe(0);
      expect(out.join("") + err.join("")).not.toContain("cli-webhook-secret");
    } finally {
      endpoint.server.close();
    }
  });

  it("stops with code 2 when the webhook endpoint fails Zoom's handshake, naming the URL and not the secret", async () => {
    const endpoint = await webhookEndpoint("another-secret", () => {});
    try {
      const { io, err } = fakeIo();
      expect(await runZoomMockCli(["--port", "0", "--webhook-url", endpoint.url, "--webhook-secret", "cli-webhook-secret"], io)).toBe(2);
      expect(err.join("")).toContain(`zoom-mock: ${endpoint.url}: `);
      expect(err.join("")).not.toContain("cli-webhook-secret");
    } finally {
      endpoint.server.close();
    }
  });

  it("serves the seeded mock, prints how to reach it, and stops on SIGTERM with code 0", async () => {
    const seed = JSON.stringify({ users: [{ id: "grace", email: "grace@example.com", first_name: "Grace", last_name: "Hopper" }] });
    const { io, out, err, signals, listening } = fakeIo({ "seed.json": seed });
    const exit = runZoomMockCli(["--port", "0", "--seed", "seed.json"], io);
    const banner = await listening;
    const origin = originOf(banner);
    expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(banner).toContain(`client id:      ${MOCK_CLIENT_ID}`);
    expect(banner).toContain(`client secret:  ${MOCK_CLIENT_SECRET}`);
    expect(banner).toContain("S2S account id: mock-account-id");
    expect(banner).toContain("mock-user-ada  ada@example.com  Ada Lovelace");
    expect(banner).toContain("grace  grace@example.com  Grace Hopper");

    expect(await (await fetch(`${origin}/health`)).json()).toEqual({ status: "ok" });
    const token = await fetch(`${origin}/oauth/token`, {
      method: "POST",
      headers: { authorization: basic(MOCK_CLIENT_ID, MOCK_CLIENT_SECRET), "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "account_credentials", account_id: "mock-account-id" }),
    });
    const { access_token } = (await token.json()) as { access_token: string };
    const me = await fetch(`${origin}/v2/users/me`, { headers: { authorization: `Bearer ${access_token}` } });
    expect([me.status, ((await me.json()) as { email: string }).email]).toEqual([200, "ada@example.com"]);

    signals.emit("SIGTERM");
    expect(await exit).toBe(0);
    expect(out.at(-1)).toBe("zoom-mock stopped (SIGTERM).\n");
    expect(signals.listenerCount("SIGINT") + signals.listenerCount("SIGTERM")).toBe(0);
    await expect(fetch(`${origin}/health`)).rejects.toThrow(TypeError);
    expect(err).toEqual([]);
  });

  it("stops on SIGINT too", async () => {
    const { io, signals, listening } = fakeIo();
    const exit = runZoomMockCli(["--port", "0"], io);
    await listening;
    signals.emit("SIGINT");
    expect(await exit).toBe(0);
  });

  it("prints each spec violation on stderr, naming the field, never the value", async () => {
    const { io, err, signals, listening } = fakeIo();
    const exit = runZoomMockCli(["--port", "0"], io);
    const origin = originOf(await listening);
    await fetch(`${origin}/oauth/token`, {
      method: "POST",
      headers: { authorization: basic(MOCK_CLIENT_ID, MOCK_CLIENT_SECRET), "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "authorization_code", code: "secret-code-value" }),
    });
    signals.emit("SIGTERM");
    await exit;
    expect(err).toEqual(["zoom-mock: spec violation: request POST /oauth/token: body must have required property 'redirect_uri'\n"]);
  });

  it("exits 2 with a message for bad options, an unreadable or invalid seed, and a port in use", async () => {
    const bad = fakeIo({ "broken.json": "{", "wrong.json": '{"users":[{"email":1}]}' });
    expect(await runZoomMockCli(["--port", "x"], bad.io)).toBe(2);
    expect(await runZoomMockCli(["--seed", "missing.json", "--port", "0"], bad.io)).toBe(2);
    expect(await runZoomMockCli(["--seed", "broken.json", "--port", "0"], bad.io)).toBe(2);
    expect(await runZoomMockCli(["--seed", "wrong.json", "--port", "0"], bad.io)).toBe(2);
    expect(bad.err[0]).toMatch(/^zoom-mock: --port must be a port number/);
    expect(bad.err[1]).toBe("zoom-mock: missing.json: cannot read the seed file (ENOENT)\n");
    expect(bad.err[2]).toMatch(/^zoom-mock: broken\.json: not valid JSON/);
    expect(bad.err[3]).toBe("zoom-mock: wrong.json: users[0].email must be string\n");

    const first = fakeIo();
    const running = runZoomMockCli(["--port", "0"], first.io);
    const port = new URL(originOf(await first.listening)).port;
    const second = fakeIo();
    expect(await runZoomMockCli(["--port", port], second.io)).toBe(2);
    expect(second.err[0]).toMatch(/EADDRINUSE/);
    first.signals.emit("SIGTERM");
    await running;
  });

  it("prints the help and exits 0", async () => {
    const { io, out } = fakeIo();
    expect(await runZoomMockCli(["--help"], io)).toBe(0);
    expect(out.join("")).toMatch(/^Usage: zoom-mock \[options\]/);
  });
});

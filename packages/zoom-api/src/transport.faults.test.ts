import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { startLoopbackServer, trickle, type LoopbackServer } from "../../oauth-core/test/loopback-server.js";
import { createZoomClient } from "./create-zoom-client.js";
import { paginate } from "./paginate.js";
import { unwrap } from "./unwrap.js";
import { ZoomApiError } from "./zoom-api-error.js";
import type { ZoomClientOptions } from "./zoom-client-options.js";
import { isUnreachableError, ZoomNetworkError, ZoomTimeoutError } from "./zoom-network-error.js";
import { ZoomRedirectError } from "./zoom-redirect-error.js";
import { ZoomResponseBodyError } from "./zoom-response-body-error.js";

// Hostile answers from a real loopback server. Deadlines are short and test timeouts long: these
// tests tell "settled" from "hung", never fast from slow.
const TIMEOUT_MS = 150;
const SETTLES_WITHIN = { timeout: 20_000 };
const TOKEN = "access-token-0123456789abcdef";

const servers: LoopbackServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function serve(handle: Parameters<typeof startLoopbackServer>[0]): Promise<LoopbackServer> {
  const server = await startLoopbackServer(handle);
  servers.push(server);
  return server;
}

function client(server: LoopbackServer, options: Partial<ZoomClientOptions> = {}) {
  return createZoomClient({
    baseUrl: `${server.origin}/v2`,
    accessToken: TOKEN,
    timeoutMs: TIMEOUT_MS,
    testing: { sleep: async () => {} },
    ...options,
  });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the promise to reject");
}

describe("deadlines cover headers and body", () => {
  for (const encoding of ["gzip", "br", "deflate"]) {
    it(`a 200 falsely labelled ${encoding}, never ended: a typed no-answer error`, SETTLES_WITHIN, async () => {
      const server = await serve((_request, response) => {
        response.writeHead(200, { "Content-Type": "application/json", "Content-Encoding": encoding });
        response.write("\x1f");
      });
      const error = await rejection(client(server, { maxRetries: 0 }).GET("/users/me"));
      expect(error).toBeInstanceOf(ZoomNetworkError);
      expect(isUnreachableError(error)).toBe(true);
    });
  }

  it("a body trickled byte by byte for ever: ZoomTimeoutError after every attempt", SETTLES_WITHIN, async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { "Content-Type": "application/json" });
      trickle(response);
    });
    const error = await rejection(client(server, { maxRetries: 1 }).GET("/users/me"));
    expect(error).toBeInstanceOf(ZoomTimeoutError);
    expect(error).toMatchObject({ timedOut: true, kind: "unreachable", timeoutMs: TIMEOUT_MS });
    expect(server.requests).toHaveLength(2);
  });

  it("a connection reset mid-body is a ZoomNetworkError, retried for a GET", SETTLES_WITHIN, async () => {
    const server = await serve((_request, response) => {
      if (server.requests.length <= 2) {
        response.writeHead(200, { "Content-Type": "application/json", "Content-Length": "100" });
        response.write('{"id":');
        setTimeout(() => response.socket?.destroy(), 5);
      } else {
        response.writeHead(200, { "Content-Type": "application/json" }).end('{"id":"me"}');
      }
    });
    const { data } = await client(server, { maxRetries: 2 }).GET("/users/me");
    expect(data?.id).toBe("me");
    expect(server.requests).toHaveLength(3);
  });

  it("a connection reset mid-body, retries exhausted: ZoomNetworkError, not TypeError", SETTLES_WITHIN, async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { "Content-Type": "application/json", "Content-Length": "100" });
      response.write('{"id":');
      setTimeout(() => response.socket?.destroy(), 5);
    });
    const error = await rejection(client(server, { maxRetries: 0 }).GET("/users/me"));
    expect(error).toBeInstanceOf(ZoomNetworkError);
    expect(error).toMatchObject({ timedOut: false });
  });
});

describe("streamed bodies (parseAs: stream)", () => {
  async function readAll(stream: ReadableStream<Uint8Array>): Promise<void> {
    const reader = stream.getReader();
    while (!(await reader.read()).done);
  }

  it("a falsely gzip-labelled streamed body ends when the call's signal aborts", SETTLES_WITHIN, async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { "Content-Encoding": "gzip", Connection: "close" });
      response.end('{"id":"abc"}');
    });
    const controller = new AbortController();
    const reason = new Error("the user left");
    const { data } = await client(server).GET("/users/me", { parseAs: "stream", signal: controller.signal });
    setTimeout(() => controller.abort(reason), 50);
    const error = await rejection(readAll(data as unknown as ReadableStream<Uint8Array>));
    expect(error === reason || error instanceof ZoomNetworkError).toBe(true);
  });

  it("a streamed body that stops moving ends with ZoomTimeoutError after timeoutMs without a byte", SETTLES_WITHIN, async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { "Content-Type": "application/octet-stream" });
      response.write("first chunk");
    });
    const { data } = await client(server).GET("/users/me", { parseAs: "stream" });
    expect(await rejection(readAll(data as unknown as ReadableStream<Uint8Array>))).toBeInstanceOf(ZoomTimeoutError);
  });
});

describe("malformed success bodies", () => {
  it("a body that decodes to nothing under a stale Content-Length: no data, not a SyntaxError", async () => {
    // What undici hands back for a 2-byte body falsely labelled `br`: headers about the wire, an empty body.
    const fetch = async () => new Response("", { status: 200, headers: { "Content-Length": "2", "Content-Encoding": "br" } });
    const { data, response } = await createZoomClient({ accessToken: TOKEN, fetch }).GET("/users/me");
    expect(response.status).toBe(200);
    expect(data).toBeUndefined();
  });

  it("a non-JSON 2xx is a ZoomResponseBodyError with status and a bounded, redacted excerpt", SETTLES_WITHIN, async () => {
    const server = await serve((request, response) => {
      response.writeHead(200, { "Content-Type": "application/json" }).end(`<html>${request.headers.authorization}${"x".repeat(5000)}`);
    });
    const error = await rejection(client(server).GET("/users/me"));
    expect(error).toBeInstanceOf(ZoomResponseBodyError);
    expect(error).toMatchObject({ status: 200, contentType: "application/json" });
    expect((error as ZoomResponseBodyError).bodyExcerpt.length).toBeLessThanOrEqual(200);
    expect(JSON.stringify(error) + inspect(error)).not.toContain(TOKEN);
  });
});

describe("bounded waits", () => {
  const cases: [string, Record<string, string>][] = [
    ["Retry-After: 100000000000000000", { "Retry-After": "100000000000000000" }],
    ["a 20-digit X-RateLimit-Reset on a daily limit", { "X-RateLimit-Reset": "12345678901234567890", "X-RateLimit-Type": "Daily-limit" }],
    ["Retry-After: 1e400 seconds spelled out", { "Retry-After": `1${"0".repeat(400)}` }],
  ];
  for (const [name, headers] of cases) {
    it(`${name}: the 429 is surfaced, never retried at once`, SETTLES_WITHIN, async () => {
      const waits: number[] = [];
      const server = await serve((_request, response) => {
        response.writeHead(429, { "Content-Type": "application/json", ...headers }).end('{"code":429,"message":"slow down"}');
      });
      const sleep = async (ms: number) => {
        waits.push(ms);
      };
      const { response } = await client(server, { testing: { sleep }, maxRetries: 2 }).GET("/users/me");
      expect(response.status).toBe(429);
      expect(server.requests).toHaveLength(1);
      expect(waits).toEqual([]);
    });
  }

  it("paginate stops at maxPages when the server keeps handing out new tokens", SETTLES_WITHIN, async () => {
    let page = 0;
    const server = await serve((_request, response) => {
      page++;
      response.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ users: [], next_page_token: `t${page}` }));
    });
    const pages: unknown[] = [];
    const error = await rejection(
      (async () => {
        for await (const onePage of paginate(client(server), "/users", { maxPages: 5 })) pages.push(onePage);
      })(),
    );
    expect(error).toMatchObject({ name: "ZoomPaginationError", reason: "page_limit", pages: 5 });
    expect(pages).toHaveLength(5);
    expect(server.requests).toHaveLength(5);
  });
});

describe("redirects", () => {
  for (const status of [301, 302, 303, 307, 308]) {
    it(`a ${status} to another origin on a POST: ZoomRedirectError, nothing sent there`, SETTLES_WITHIN, async () => {
      const elsewhere = await serve((_request, response) => response.writeHead(200).end("{}"));
      const server = await serve((_request, response) => {
        response.writeHead(status, { Location: `${elsewhere.origin}/steal` }).end();
      });
      const body = { action: "create" as const, user_info: { email: "bob@example.com", type: 1 as const } };
      const error = await rejection(client(server, { maxRetries: 2 }).POST("/users", { body }));
      expect(error).toBeInstanceOf(ZoomRedirectError);
      expect(error).toMatchObject({ status, locationOrigin: elsewhere.origin });
      expect(elsewhere.requests).toEqual([]);
      expect(server.requests).toHaveLength(1);
    });
  }

  it("a same-origin redirect of a GET is followed, with the token", SETTLES_WITHIN, async () => {
    const server = await serve((request, response) => {
      if (request.url === "/v2/users/me") response.writeHead(302, { Location: "/v2/users/moved" }).end();
      else response.writeHead(200, { "Content-Type": "application/json" }).end('{"id":"moved"}');
    });
    const { data } = await client(server).GET("/users/me");
    expect(data?.id).toBe("moved");
    expect(server.requests.map((request) => request.headers.authorization)).toEqual([`Bearer ${TOKEN}`, `Bearer ${TOKEN}`]);
  });
});

describe("redaction of an echoed token", () => {
  it("a low-level error carrying the echoed request: the cause is a redacted copy (name, message, code)", async () => {
    const echo = `HTTP/1.1 101 x\r\n\r\nGET /v2/users/me\r\nauthorization: Bearer ${TOKEN}`;
    const fetch = async () => {
      throw Object.assign(new TypeError("fetch failed", { cause: Object.assign(new Error(`Parse Error: ${echo}`), { code: "HPE_INVALID", data: echo }) }));
    };
    const error = await rejection(createZoomClient({ accessToken: TOKEN, fetch, maxRetries: 0 }).GET("/users/me"));
    expect(error).toBeInstanceOf(ZoomNetworkError);
    expect((error as Error).cause).toBeInstanceOf(TypeError);
    expect((error as Error).cause).toMatchObject({ message: "fetch failed", cause: { code: "HPE_INVALID" } });
    expect(inspect(error, { depth: 10 }) + JSON.stringify(error)).not.toContain(TOKEN);
  });

  it("a 401 body quoting the bearer token: ZoomApiError message, body and JSON carry none of it", SETTLES_WITHIN, async () => {
    const server = await serve((request, response) => {
      response
        .writeHead(401, { "Content-Type": "application/json", "x-zm-trackingid": `t-${request.headers.authorization}` })
        .end(JSON.stringify({ code: 124, message: `Invalid access token: ${request.headers.authorization}`, echo: encodeURIComponent(TOKEN) }));
    });
    for (const failing of [
      rejection(unwrap(client(server).GET("/users/me"))),
      rejection(client(server, { throwOnError: true }).GET("/users/me")),
    ]) {
      const error = await failing;
      expect(error).toBeInstanceOf(ZoomApiError);
      const shown = [(error as Error).message, (error as Error).stack, JSON.stringify(error), inspect(error, { depth: 10 })].join("\n");
      expect(shown).not.toContain(TOKEN);
      expect(shown).not.toContain(encodeURIComponent(TOKEN));
      expect((error as ZoomApiError).code).toBe(124);
    }
  });

  it("an error body nested 5,000 levels deep: a ZoomApiError, not a RangeError", SETTLES_WITHIN, async () => {
    const server = await serve((_request, response) => {
      response.writeHead(400, { "Content-Type": "application/json" }).end(`${"[".repeat(5000)}1${"]".repeat(5000)}`);
    });
    const error = await rejection(unwrap(client(server).GET("/users/me")));
    expect(error).toBeInstanceOf(ZoomApiError);
    expect(() => JSON.stringify(error)).not.toThrow();
  });
});

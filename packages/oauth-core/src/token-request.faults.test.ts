import { afterEach, describe, expect, it } from "vitest";
import { startLoopbackServer, trickle, type LoopbackServer } from "../test/loopback-server.js";
import { OAuth2FetchError, isUnreachableError, TokenFieldError, UnexpectedResponseError } from "./errors.js";
import { OAuth2Client } from "./oauth2-client.js";
import { readTokenResponse, sendOAuth2Request } from "./token-request.js";

// Whatever the server does, a request ends by its deadline with a typed error. The deadline is short;
// the test timeout is long: a pass says "settled", never "was fast".
const TIMEOUT_MS = 150;
const SETTLES_WITHIN = { timeout: 20_000 };

let server: LoopbackServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

function clientFor(origin: string, options: { fetch?: typeof fetch } = {}): OAuth2Client {
  return new OAuth2Client(
    {
      clientId: "client-id",
      clientSecret: "client-secret-value",
      redirectURI: null,
      authorizationEndpoint: `${origin}/oauth/authorize`,
      tokenEndpoint: `${origin}/oauth/token`,
      revocationEndpoint: `${origin}/oauth/revoke`,
    },
    { timeoutMs: TIMEOUT_MS, ...options },
  );
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the promise to reject");
}

function expectTimedOut(error: unknown): void {
  expect(error).toBeInstanceOf(OAuth2FetchError);
  expect(isUnreachableError(error)).toBe(true);
  expect((error as OAuth2FetchError).timedOut).toBe(true);
  expect((error as Error).message).toContain(`timed out after ${TIMEOUT_MS} ms`);
}

describe("deadlines hold, headers and body together (real loopback server)", () => {
  it("a server that never answers", SETTLES_WITHIN, async () => {
    server = await startLoopbackServer(() => {});
    expectTimedOut(await rejection(clientFor(server.origin).requestTokens("client_credentials")));
  });

  for (const encoding of ["gzip", "br", "deflate"]) {
    it(`a 200 falsely labelled Content-Encoding: ${encoding}, without Content-Length, never ended`, SETTLES_WITHIN, async () => {
      server = await startLoopbackServer((_request, response) => {
        response.writeHead(200, { "Content-Type": "application/json", "Content-Encoding": encoding });
        response.write("\x1f");
      });
      const error = await rejection(clientFor(server.origin).refreshAccessToken("refresh-token-value"));
      expect(error).toBeInstanceOf(OAuth2FetchError);
    });
  }

  it("a body trickled one byte at a time, for ever", SETTLES_WITHIN, async () => {
    server = await startLoopbackServer((_request, response) => {
      response.writeHead(200, { "Content-Type": "application/json" });
      trickle(response);
    });
    expectTimedOut(await rejection(clientFor(server.origin).requestTokens("client_credentials")));
  });

  it("a connection reset in the middle of the body", SETTLES_WITHIN, async () => {
    server = await startLoopbackServer((_request, response) => {
      response.writeHead(200, { "Content-Type": "application/json", "Content-Length": "100" });
      response.write('{"access_token":');
      setTimeout(() => response.socket?.destroy(), 5);
    });
    const error = await rejection(clientFor(server.origin).requestTokens("client_credentials"));
    expect(error).toBeInstanceOf(OAuth2FetchError);
    expect((error as OAuth2FetchError).timedOut).toBe(false);
  });

  it("a custom fetch that ignores the abort signal and never settles", SETTLES_WITHIN, async () => {
    const client = clientFor("https://auth.example", { fetch: () => new Promise<Response>(() => {}) });
    expectTimedOut(await rejection(client.requestTokens("client_credentials")));
  });

  it("a custom fetch whose body never ends and ignores cancellation", SETTLES_WITHIN, async () => {
    const endless = () =>
      Promise.resolve(new Response(new ReadableStream({ pull: () => new Promise<void>(() => {}) }), { status: 200 }));
    const client = clientFor("https://auth.example", { fetch: endless });
    expectTimedOut(await rejection(client.requestTokens("client_credentials")));
  });

  it("a revocation whose answer never ends", SETTLES_WITHIN, async () => {
    server = await startLoopbackServer((_request, response) => {
      response.writeHead(200);
      trickle(response);
    });
    expectTimedOut(await rejection(clientFor(server.origin).revokeToken("access-token-value")));
  });
});

describe("redirects are never followed", () => {
  for (const status of [301, 302, 303, 307, 308]) {
    it(`a ${status} to another origin: typed error, nothing sent there`, SETTLES_WITHIN, async () => {
      const elsewhere = await startLoopbackServer((_request, response) => response.end("{}"));
      try {
        server = await startLoopbackServer((_request, response) => {
          response.writeHead(status, { Location: `${elsewhere.origin}/steal` });
          response.end();
        });
        const error = await rejection(clientFor(server.origin).refreshAccessToken("refresh-token-value"));
        expect(error).toBeInstanceOf(UnexpectedResponseError);
        expect((error as Error).message).toContain("redirects are not followed");
        expect(elsewhere.requests).toEqual([]);
      } finally {
        await elsewhere.close();
      }
    });
  }
});

describe("token responses are validated at receipt", () => {
  async function read(body: string): Promise<unknown> {
    const fetch = () => Promise.resolve(new Response(body, { headers: { "Content-Type": "application/json" } }));
    return sendOAuth2Request(
      {
        url: new URL("https://auth.example/oauth/token"),
        body: new URLSearchParams({ grant_type: "client_credentials" }),
        authentication: { method: "none", clientId: "id" },
        options: { fetch },
      },
      readTokenResponse,
    );
  }

  for (const expiresIn of ["1e400", "1e300", "0", "-5", "1.5", "31536001", '"3600"', "null"]) {
    it(`refuses expires_in ${expiresIn} with a TokenFieldError naming the field`, async () => {
      const error = await rejection(read(`{"access_token":"a","expires_in":${expiresIn}}`));
      expect(error).toBeInstanceOf(TokenFieldError);
      expect(error).toMatchObject({ field: "expires_in" });
      expect((error as Error).message).toContain(`"expires_in"`);
    });
  }

  it("accepts a whole number of seconds from 1 to a year", async () => {
    await expect(read('{"access_token":"a","expires_in":1}')).resolves.toBeDefined();
    await expect(read('{"access_token":"a","expires_in":31536000}')).resolves.toBeDefined();
  });

  it("treats empty strings as missing: an empty refresh_token is dropped, an empty access_token refused", async () => {
    const { data } = (await read('{"access_token":"a","refresh_token":"","scope":""}')) as { data: object };
    expect(data).toEqual({ access_token: "a" });
    expect(await rejection(read('{"access_token":""}'))).toBeInstanceOf(UnexpectedResponseError);
  });

  it("refuses a refresh_token that is not a string", async () => {
    const error = await rejection(read('{"access_token":"a","refresh_token":42}'));
    expect(error).toMatchObject({ name: "TokenFieldError", field: "refresh_token", actual: "number" });
  });
});

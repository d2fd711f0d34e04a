import { describe, expect, it } from "vitest";
import { inspect } from "node:util";
import { OAuth2Client } from "./oauth2-client.js";
import { TOO_DEEP } from "./redaction.js";

// A server that echoes the request back: every secret we sent must come back redacted, in every
// form we sent it, wherever the error shows it.
const CLIENT_SECRET = "client secret/with+symbols&=";
const REFRESH_TOKEN = "refresh-token-0123456789";

function echoingClient(respond: (form: string, authorization: string) => Response): OAuth2Client {
  const fetch = async (_url: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const headers = new Headers(init?.headers);
    return respond(String(init?.body), headers.get("Authorization") ?? "");
  };
  return new OAuth2Client(
    {
      clientId: "client-id",
      clientSecret: CLIENT_SECRET,
      redirectURI: null,
      authorizationEndpoint: "https://auth.example/authorize",
      tokenEndpoint: "https://auth.example/token",
    },
    { fetch: fetch as typeof globalThis.fetch },
  );
}

async function failure(client: OAuth2Client): Promise<Error> {
  try {
    await client.refreshAccessToken(REFRESH_TOKEN);
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a failure");
}

function everythingShown(error: Error): string {
  return [error.message, error.stack, JSON.stringify(error), inspect(error, { depth: 10 })].join("\n");
}

function expectNoSecret(error: Error): void {
  const shown = everythingShown(error);
  const forms = [CLIENT_SECRET, encodeURIComponent(CLIENT_SECRET), new URLSearchParams({ s: CLIENT_SECRET }).toString().slice(2)];
  for (const form of [...forms, REFRESH_TOKEN, Buffer.from(`client-id:${encodeURIComponent(CLIENT_SECRET)}`).toString("base64")]) {
    expect(shown).not.toContain(form);
  }
  expect(shown).not.toMatch(/Basic [A-Za-z0-9+/=]{8,}/);
}

describe("redaction of what a server echoes", () => {
  it("the whole form, echoed as an HTML page", async () => {
    const error = await failure(echoingClient((form) => new Response(`<p>${form}</p>`, { status: 500 })));
    expectNoSecret(error);
  });

  it("a secret glued to word characters", async () => {
    const error = await failure(
      echoingClient(() => new Response(`bad token_${REFRESH_TOKEN}_x`, { status: 502, headers: { "Content-Type": "text/plain" } })),
    );
    expectNoSecret(error);
  });

  it("the Basic credentials header echoed", async () => {
    const error = await failure(echoingClient((_form, authorization) => new Response(`you sent ${authorization}`, { status: 400 })));
    expectNoSecret(error);
  });

  it("the Basic credentials without their scheme, in an OAuth error description", async () => {
    const error = await failure(
      echoingClient((_form, authorization) =>
        Response.json({ error: "invalid_client", error_description: authorization.slice(6) }, { status: 401 }),
      ),
    );
    expect(error.name).toBe("OAuth2RequestError");
    expectNoSecret(error);
  });

  it("a secret echoed in a response header the error keeps", async () => {
    const error = await failure(
      echoingClient((form) => new Response("?", { status: 500, headers: { "Content-Type": `text/plain; echo=${form}` } })),
    );
    expectNoSecret(error);
  });

  it("a client secret echoed in its form-encoded form inside JSON", async () => {
    const encoded = new URLSearchParams({ s: CLIENT_SECRET }).toString().slice(2);
    const error = await failure(echoingClient(() => Response.json({ message: `got ${encoded}` }, { status: 400 })));
    expect(error.name).toBe("UnexpectedErrorResponseBodyError");
    expectNoSecret(error);
  });
});

describe("redaction cannot overflow the stack", () => {
  for (const [name, status] of [["an error", 400], ["a success", 200]] as const) {
    it(`${name} body nested 5,000 levels deep is a typed error`, async () => {
      const deep = `${"[".repeat(5000)}"${REFRESH_TOKEN}"${"]".repeat(5000)}`;
      const error = await failure(echoingClient(() => new Response(deep, { status })));
      expect(["UnexpectedErrorResponseBodyError", "UnexpectedResponseError"]).toContain(error.name);
      expectNoSecret(error);
      if (status === 400) expect(JSON.stringify(error)).toContain(TOO_DEEP);
    });
  }

  it("an OAuth error whose extra field is nested deeply", async () => {
    const deep = `{"error":"invalid_grant","x":${'{"a":'.repeat(3000)}1${"}".repeat(3000)}}`;
    const error = await failure(echoingClient(() => new Response(deep, { status: 400 })));
    expect(error).toMatchObject({ name: "OAuth2RequestError", code: "invalid_grant" });
  });
});

import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { OAuth2Client } from "./oauth2-client.js";
import { createS256CodeChallenge } from "./pkce.js";
import { createFakeFetch, jsonResponse, textResponse } from "../test/fake-fetch.js";
import { OAuth2Tokens } from "./tokens.js";

// Distinctive values, so that a leak of any of them is unmistakable.
const CLIENT_SECRET = "client-secret-s3cr3t";
const CODE = "auth-code-c0de";
const VERIFIER = "verifier-v3r1f13r-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const REFRESH_TOKEN = "refresh-token-r3fr3sh";
const ACCESS_TOKEN = "access-token-4cc3ss";
const NEW_REFRESH_TOKEN = "new-refresh-token-n3w";
const SECRETS = [CLIENT_SECRET, CODE, VERIFIER, REFRESH_TOKEN, ACCESS_TOKEN, NEW_REFRESH_TOKEN];

function clientAnswering(respond: () => Response | Promise<Response>): OAuth2Client {
  return new OAuth2Client(
    {
      clientId: "client-id",
      clientSecret: CLIENT_SECRET,
      redirectURI: "https://app.example/callback",
      authorizationEndpoint: "https://auth.example/authorize",
      tokenEndpoint: "https://auth.example/token",
      revocationEndpoint: "https://auth.example/revoke",
    },
    { fetch: createFakeFetch(respond).fetch },
  );
}

async function errorOf(action: () => unknown): Promise<Error> {
  try {
    await action();
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`expected an Error, got ${typeof error}`);
  }
  throw new Error("expected the action to fail");
}

function everyRendering(error: Error): string {
  return [
    JSON.stringify(error),
    String(error),
    error.message,
    error.stack ?? "",
    // inspect shows every own property. An OAuth2FetchError's cause is what the caller's
    // fetch threw: kept as is (it is the caller's own object), so it is left out here.
    error.cause === undefined ? inspect(error, { depth: 10 }) : "",
  ].join("\n");
}

const exchange = (client: OAuth2Client) => client.validateAuthorizationCode(CODE, VERIFIER);
const refresh = (client: OAuth2Client) => client.refreshAccessToken(REFRESH_TOKEN);
const revoke = (client: OAuth2Client) => client.revokeToken(ACCESS_TOKEN);

describe("no secret, code, verifier or token in any error", () => {
  it.each([
    ["a 200 whose access_token is not a string", exchange, () => jsonResponse({ access_token: [ACCESS_TOKEN], refresh_token: NEW_REFRESH_TOKEN })],
    ["a 200 form-encoded instead of JSON", exchange, () => textResponse(`access_token=${ACCESS_TOKEN}&refresh_token=${NEW_REFRESH_TOKEN}`, 200, "application/x-www-form-urlencoded")],
    ["a 200 JSON without access_token", refresh, () => jsonResponse({ token: ACCESS_TOKEN, id_token: NEW_REFRESH_TOKEN })],
    ["a 200 truncated JSON", exchange, () => textResponse(`{"access_token":"${ACCESS_TOKEN}","refresh_token":"${NEW_REFRESH_TOKEN}`, 200, "application/json")],
    ["an OAuth error echoing the request", exchange, () => jsonResponse({ error: "invalid_grant", reason: `Code ${CODE} is invalid`, error_description: `verifier ${VERIFIER} does not match`, code: CODE }, 400)],
    ["an OAuth error echoing the client secret", refresh, () => jsonResponse({ error: "invalid_client", reason: `bad secret ${CLIENT_SECRET} for ${REFRESH_TOKEN}` }, 401)],
    ["a JSON error body that is not an OAuth error", refresh, () => jsonResponse({ message: `refresh ${REFRESH_TOKEN} failed`, refresh_token: NEW_REFRESH_TOKEN }, 500)],
    ["an HTML error page echoing the form", exchange, () => textResponse(`<p>code=${CODE}&code_verifier=${VERIFIER}</p>`, 502)],
    ["a revocation error echoing the token", revoke, () => textResponse(`cannot revoke ${ACCESS_TOKEN}`, 503, "text/plain")],
    ["a network failure whose message echoes the body", exchange, () => Promise.reject(new Error(`could not send code=${CODE}&code_verifier=${VERIFIER}`))],
  ])("%s", async (_case, call, respond) => {
    const error = await errorOf(() => call(clientAnswering(respond)));
    const rendered = everyRendering(error);
    for (const secret of SECRETS) {
      expect(rendered).not.toContain(secret);
    }
    expect(rendered).toContain("[REDACTED]");
  });

  it("token accessors name the field, never its value", async () => {
    const tokens = new OAuth2Tokens({ refresh_token: { value: REFRESH_TOKEN }, expires_in: ACCESS_TOKEN });
    for (const accessor of [() => tokens.refreshToken(), () => tokens.accessTokenExpiresAt()]) {
      const rendered = everyRendering(await errorOf(accessor));
      for (const secret of SECRETS) expect(rendered).not.toContain(secret);
    }
  });

  it("argument checks never echo the argument", async () => {
    const client = clientAnswering(() => jsonResponse({}));
    const failures = [
      () => createS256CodeChallenge(`${CODE} not a verifier`),
      () => client.validateAuthorizationCode(CODE, `${VERIFIER}!`),
      () => client.createAuthorizationURLWithPKCE("state", VERIFIER, [`${ACCESS_TOKEN} scope`]),
    ];
    for (const failure of failures) {
      const rendered = everyRendering(await errorOf(failure));
      for (const secret of SECRETS) expect(rendered).not.toContain(secret);
    }
  });
});

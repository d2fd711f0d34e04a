import { Zoom } from "@org/zoom-auth";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anyAnswer } from "./answers.js";
import { checkProperty, expectDocumented, expectNoSecret, PROPERTY_TIMEOUT_MS, recovers, settle, TIMEOUT_MS, tick, useServers } from "./checks.js";
import { CLIENT_ID, CLIENT_SECRET, CODE, CODE_VERIFIER, healthyZoom, REFRESH_TOKEN, TOKEN_SECRETS } from "./zoom-servers.js";

// The documented errors of the token endpoint functions (README of @org/zoom-auth).
const TOKEN_ERRORS = [
  "OAuth2RequestError",
  "OAuth2FetchError",
  "UnexpectedResponseError",
  "UnexpectedErrorResponseBodyError",
  "TokenFieldError",
];

const servers = useServers(healthyZoom);

function zoomOver(origin: string): Zoom {
  return new Zoom(CLIENT_ID, CLIENT_SECRET, "https://app.example/callback", { authorizationServer: origin, timeoutMs: TIMEOUT_MS });
}

type Call = (zoom: Zoom) => Promise<unknown>;

const calls: [string, Call, readonly string[]][] = [
  ["validateAuthorizationCode", (zoom) => zoom.validateAuthorizationCode(CODE, CODE_VERIFIER), TOKEN_ERRORS],
  ["refreshAccessToken", (zoom) => zoom.refreshAccessToken(REFRESH_TOKEN), TOKEN_ERRORS],
  ["revokeToken", (zoom) => zoom.revokeToken(REFRESH_TOKEN), TOKEN_ERRORS.filter((name) => name !== "TokenFieldError")],
];

describe("token endpoint functions under any answer", () => {
  for (const [name, call, documented] of calls) {
    it(`${name}: settles, documented errors, no secret, nothing sent elsewhere, the next call succeeds`, { timeout: PROPERTY_TIMEOUT_MS }, async () => {
      const { server, elsewhere, misbehave, behave, reset } = servers.get();
      const zoom = zoomOver(server.origin);
      await checkProperty(
        `zoom-auth ${name}`,
        fc.asyncProperty(anyAnswer, async (answer) => {
          reset();
          misbehave(answer);
          const outcome = await settle(call(zoom), TIMEOUT_MS);
          if (!outcome.ok) {
            expectDocumented(outcome.error, documented);
            expectNoSecret(outcome.error, TOKEN_SECRETS);
          }
          expect(elsewhere.requests).toEqual([]);
          behave();
          await recovers(() => call(zoom), TIMEOUT_MS);
          await tick();
          expect(servers.unhandled).toEqual([]);
        }),
      );
    });
  }
});

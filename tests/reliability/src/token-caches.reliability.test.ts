import { createUserTokenSource, type UserTokenSnapshot, Zoom, ZoomServerToServer, ZoomTokens } from "@org/zoom-auth";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anyAnswer } from "./answers.js";
import { checkProperty, expectDocumented, expectNoSecret, PROPERTY_TIMEOUT_MS, recovers, settle, TIMEOUT_MS, tick, useServers } from "./checks.js";
import { ACCOUNT_ID, CLIENT_ID, CLIENT_SECRET, healthyZoom, REFRESH_TOKEN, TOKEN_SECRETS } from "./zoom-servers.js";

const TOKEN_ERRORS = ["OAuth2RequestError", "OAuth2FetchError", "UnexpectedResponseError", "UnexpectedErrorResponseBodyError", "TokenFieldError"];
const SOURCE_ERRORS = [...TOKEN_ERRORS, "ReauthorizationRequiredError", "TokenPersistenceError", "TokenLoadError"];

/** Concurrent callers per run: they must all share one request and see the same outcome. */
const CALLERS = 5;

const servers = useServers(healthyZoom);

describe("token caches under any answer", () => {
  it("ZoomServerToServer.getAccessToken: settles for every caller, documented errors, no secret, recovers", { timeout: PROPERTY_TIMEOUT_MS }, async () => {
    const { server, misbehave, behave, reset } = servers.get();
    // Counted at fetch, not on the wire: undici itself sends a request again after a 421.
    let fetches = 0;
    const fetch: typeof globalThis.fetch = (input, init) => {
      fetches++;
      return globalThis.fetch(input, init);
    };
    const s2s = new ZoomServerToServer(ACCOUNT_ID, CLIENT_ID, CLIENT_SECRET, {
      authorizationServer: server.origin,
      timeoutMs: TIMEOUT_MS,
      fetch,
    });
    await checkProperty(
      "zoom-auth ZoomServerToServer.getAccessToken",
      fc.asyncProperty(anyAnswer, async (answer) => {
        reset();
        misbehave(answer);
        // Each run starts uncached, so that each one meets the hostile answer.
        s2s.invalidate();
        fetches = 0;
        const outcomes = await Promise.all(Array.from({ length: CALLERS }, () => settle(s2s.getAccessToken(), TIMEOUT_MS)));
        expect(fetches).toBe(1);
        for (const outcome of outcomes) {
          expect(outcome.ok).toBe(outcomes[0]?.ok);
          if (!outcome.ok) {
            expectDocumented(outcome.error, TOKEN_ERRORS);
            expectNoSecret(outcome.error, TOKEN_SECRETS);
          }
        }
        behave();
        await recovers(() => s2s.getAccessToken(), TIMEOUT_MS);
        await tick();
        expect(servers.unhandled).toEqual([]);
      }),
    );
  });

  it("UserTokenSource.getAccessToken: settles, documented errors, no secret, snapshot loads back, recovers", { timeout: PROPERTY_TIMEOUT_MS }, async () => {
    const { server, misbehave, behave, reset } = servers.get();
    const zoom = new Zoom(CLIENT_ID, CLIENT_SECRET, "https://app.example/callback", { authorizationServer: server.origin, timeoutMs: TIMEOUT_MS });
    await checkProperty(
      "zoom-auth UserTokenSource.getAccessToken",
      fc.asyncProperty(anyAnswer, async (answer) => {
        reset();
        misbehave(answer);
        const stored: UserTokenSnapshot[] = [];
        const source = createUserTokenSource({
          zoom,
          // Expired: the first call refreshes, against the hostile answer.
          tokens: new ZoomTokens(
            { access_token: "access-old", refresh_token: REFRESH_TOKEN, expires_in: 3599 },
            { receivedAt: new Date(Date.now() - 7_200_000) },
          ),
          onTokens: (next) => {
            stored.push(next);
          },
        });
        const outcomes = await Promise.all(Array.from({ length: CALLERS }, () => settle(source.getAccessToken(), TIMEOUT_MS)));
        for (const outcome of outcomes) {
          if (!outcome.ok) {
            expectDocumented(outcome.error, SOURCE_ERRORS);
            expectNoSecret(outcome.error, TOKEN_SECRETS);
          }
        }
        // Whatever happened, what the source holds can be stored and loaded back.
        for (const snapshot of [source.snapshot(), ...stored]) {
          createUserTokenSource({ zoom, snapshot: JSON.parse(JSON.stringify(snapshot)), onTokens: () => {} });
        }
        behave();
        const dead = outcomes.some((outcome) => !outcome.ok && (outcome.error as Error).name === "ReauthorizationRequiredError");
        if (dead) {
          // A refused refresh token is final, by design: every later call says so without a request.
          const next = await settle(source.getAccessToken(), TIMEOUT_MS);
          expect(next.ok ? "resolved" : (next.error as Error).name).toBe("ReauthorizationRequiredError");
        } else {
          await recovers(() => source.getAccessToken(), TIMEOUT_MS);
        }
        await tick();
        expect(servers.unhandled).toEqual([]);
      }),
    );
  });
});

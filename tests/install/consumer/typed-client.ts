// A strict TypeScript user of the published packages. src/install.test.ts copies this file to
// `.mts` and `.cts` and type-checks it, with TypeScript 5.9 and with 7, under moduleResolution NodeNext (ESM and CommonJS), and as
// `.ts` under Bundler. It is never run; each `@ts-expect-error` must meet a real error, or tsc fails.
import { createZoomClient, type paths, unwrap, ZoomApiError, type ZoomClient, ZoomScopeError } from "@org/zoom-api";
import { type RequiredScopes, requiredScopes, scopeCheck } from "@org/zoom-api/scopes";
import { generateCodeVerifier, generateState, OAuth2RequestError, Zoom, type ZoomTokens } from "@org/zoom-auth";
import { createZoomMock } from "@org/zoom-mock";
import { startZoomMockServer, type ZoomMockServer } from "@org/zoom-mock/server";
import { createWebhookHandler, toNodeHandler, type ZoomWebhookEvent } from "@org/zoom-webhooks";
import { setupServer } from "msw/node";

/** The mock's handlers fit the user's own msw server. */
export function startMockZoom(): { zoom: ReturnType<typeof createZoomMock>; close: () => void } {
  const zoom = createZoomMock({ strict: true });
  const server = setupServer(...zoom.handlers);
  server.listen({ onUnhandledRequest: "error" });
  return { zoom, close: () => server.close() };
}

/** The subpath export `@org/zoom-mock/server` resolves with its types in every module mode. */
export function startHttpMock(): Promise<ZoomMockServer> {
  return startZoomMockServer({ port: 0, host: "127.0.0.1" });
}

/** The provider, pointed at a local authorization server (as the demo does) with a timeout. */
export function zoomProvider(authorizationServer: string): Zoom {
  return new Zoom("client-id", "client-secret", "http://localhost:3000/login/zoom/callback", {
    authorizationServer,
    timeoutMs: 10_000,
    fetch: (input, init) => globalThis.fetch(input, init),
  });
}

/** The sign-in URL as the Zoom guide builds it, scopes optional. */
export function signInURL(zoom: Zoom): { url: URL; state: string; codeVerifier: string } {
  const state: string = generateState();
  const codeVerifier: string = generateCodeVerifier();
  return { url: zoom.createAuthorizationURL(state, codeVerifier), state, codeVerifier };
}

/** Exchanges a code, telling Zoom's OAuth errors apart from the rest. */
export async function exchange(zoom: Zoom, code: string, codeVerifier: string): Promise<ZoomTokens | string> {
  try {
    return await zoom.validateAuthorizationCode(code, codeVerifier);
  } catch (error) {
    if (error instanceof OAuth2RequestError) return error.code;
    throw error;
  }
}

/** Reads the signed-in user's email with the typed client: `data` and `error` are typed by path. */
export async function signedInEmail(tokens: ZoomTokens): Promise<string> {
  const client: ZoomClient = createZoomClient({
    baseUrl: new URL("/v2", tokens.apiUrl()).href,
    getAccessToken: () => tokens.accessToken(),
  });
  const { data, error } = await client.GET("/users/me");
  if (error !== undefined) {
    const message: string = error.message;
    throw new Error(message);
  }
  const email: string = data.email;
  return email;
}

/** Wrong calls the compiler must reject: each is a type error, so each expect-error is used. */
export async function compileTimeChecks(client: ZoomClient): Promise<void> {
  // @ts-expect-error an unknown path is a compile error
  await client.GET("/users/not-a-zoom-path", {});

  // @ts-expect-error a missing path parameter is a compile error
  await client.GET("/users/{userId}", { params: { path: {} } });

  // @ts-expect-error leaving out the params of a path that has parameters is a compile error
  await client.GET("/meetings/{meetingId}");

  // @ts-expect-error a path parameter of the wrong type is a compile error
  await client.GET("/meetings/{meetingId}", { params: { path: { meetingId: { id: 1 } } } });

  const user = await unwrap(client.GET("/users/{userId}", { params: { path: { userId: "me" } } }));
  const id: string = user.id;
  void id;

  try {
    await unwrap(client.GET("/users/me"));
  } catch (error) {
    if (error instanceof ZoomApiError) {
      const status: number = error.status;
      void status;
    }
  }
}

/** The scope table and check, from their subpath: the scopes a call lacks, typed, before it is sent. */
export async function missingScopes(tokens: ZoomTokens): Promise<RequiredScopes | null> {
  const client = createZoomClient({ tokens, checkScopes: scopeCheck() });
  try {
    await client.GET("/users/me");
    return null;
  } catch (error) {
    if (error instanceof ZoomScopeError) return error.required;
    throw error;
  }
}

/** `requiredScopes` takes only the spec's paths. */
export function usersMeScopes(): readonly string[] {
  // @ts-expect-error a path outside the spec is a compile error
  requiredScopes("GET", "/users/not-a-zoom-path");
  return requiredScopes("GET", "/users/me").granular;
}

/** The generated `paths` type is public, for users who write their own helpers. */
export type UserMe = paths["/users/me"]["get"];

/** Webhook events are typed by name, in the router's listeners and in a switch over the union. */
export function webhookEndpoint(secretToken: string, seen: string[]) {
  const handler = createWebhookHandler({
    secretToken,
    on: { "meeting.participant_joined": (e) => void seen.push(e.payload.object.participant.user_name) },
  });
  return { handler, node: toNodeHandler(handler) };
}

export function describeEvent(event: ZoomWebhookEvent): string {
  switch (event.event) {
    case "recording.completed":
      return `${event.payload.object.recording_files.length} files, token ${event.download_token.length} chars`;
    case "meeting.started":
      return event.payload.object.topic;
    default:
      return event.event;
  }
}

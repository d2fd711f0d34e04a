import { generateCodeVerifier, generateState, Zoom, type ZoomTokens } from "@org/zoom-auth";
import {
  createZoomMock,
  DEFAULT_APP_SCOPES,
  DEFAULT_APP_TOKEN_SCOPES,
  MOCK_CLIENT_ID,
  MOCK_CLIENT_SECRET,
  type ZoomMock,
  type ZoomMockApi,
  type ZoomMockOptions,
} from "@org/zoom-mock";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll } from "vitest";
import { recordServedRequests } from "./served-requests-log.js";

/** The redirect URI of the guide's examples (a loopback one, which the mock's default app accepts). */
export const REDIRECT_URI = "http://localhost:3000/login/zoom/callback";

/** Zoom's API base, as the guide writes it. */
export const API_BASE = "https://api.zoom.us/v2";

/**
 * Fields the generated request types currently mark required because the spec gives them a default
 * (openapi-typescript's default-non-nullable); sending Zoom's defaults explicitly is valid either way.
 */
export const GENERATED_DEFAULTS = { default_password: false, pre_schedule: false } as const;

/**
 * The scopes of the app the operation tests sign in to. They call every operation of the spec as the
 * account's owner, so the app is an admin-managed one: the owner grants it the mock's user-level and
 * account-level scopes.
 */
export const ADMIN_MANAGED_APP_SCOPES: readonly string[] = [...DEFAULT_APP_SCOPES, ...DEFAULT_APP_TOKEN_SCOPES];

/** A mock of Zoom behind msw for one test file, with its REST API side. */
export interface ZoomApiMock {
  zoom: ZoomMock;
  api: ZoomMockApi;
  /** Every request msw saw, as `METHOD pathname`, since the last test started. */
  requests: string[];
}

/**
 * Starts one Zoom mock behind msw for a test file. After each test the mock's spec violations are
 * asserted, so a request or a mock response that breaks specs/zoom-api.yaml fails the test that
 * caused it; faults and simulated rate limits are dropped.
 */
export function useZoomApiMock(options: ZoomMockOptions = {}): ZoomApiMock {
  const zoom = createZoomMock(options);
  const server = setupServer(...zoom.handlers);
  const fixture: ZoomApiMock = { zoom, api: zoom.api, requests: [] };
  server.events.on("request:start", ({ request }) => {
    fixture.requests.push(`${request.method} ${new URL(request.url).pathname}`);
  });
  const flushResponseLog = recordServedRequests(server, zoom);
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterEach(() => {
    fixture.requests.length = 0;
    zoom.faults.clear();
    fixture.api.model.rateLimits.clear();
    zoom.assertNoViolations();
  });
  afterAll(async () => {
    server.close();
    await flushResponseLog();
  });
  return fixture;
}

/** The guide's OAuth client, for the mock's default app. */
export function zoomAuth(): Zoom {
  return new Zoom(MOCK_CLIENT_ID, MOCK_CLIENT_SECRET, REDIRECT_URI);
}

/** Signs in as the guide does (authorization URL, consent on the mock, code exchange) and returns the tokens. */
export async function signIn(zoom: ZoomMock, options: { userId?: string } = {}): Promise<ZoomTokens> {
  const client = zoomAuth();
  const state = generateState();
  const codeVerifier = generateCodeVerifier();
  const callback = await zoom.approve(client.createAuthorizationURL(state, codeVerifier, []), options);
  const code = callback.searchParams.get("code");
  if (code === null) throw new Error("the mock's consent did not redirect with a code");
  return client.validateAuthorizationCode(code, codeVerifier);
}

/** A raw call to the API with a bearer token and, when given, a JSON body. */
export function callApi(accessToken: string, method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { Authorization: `Bearer ${accessToken}` };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  return fetch(`${API_BASE}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}

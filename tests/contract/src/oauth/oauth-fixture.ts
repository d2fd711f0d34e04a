import { createZoomMock, MOCK_CLIENT_ID, MOCK_CLIENT_SECRET, type ZoomMock, type ZoomMockOptions } from "@org/zoom-mock";
import { generateCodeVerifier, generateState, Zoom, type ZoomOptions } from "@org/zoom-auth";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll } from "vitest";

/** The redirect URI of the guide's examples. */
export const REDIRECT_URI = "https://app.example.com/login/zoom/callback";

/**
 * One Zoom mock behind msw for a test file. After each test the mock's spec violations are asserted
 * (so a request or response that breaks specs/zoom-oauth.yaml fails the test that caused it) and
 * pending faults are dropped.
 */
export function useZoomOAuthMock(options: ZoomMockOptions = {}): ZoomMock {
  const zoom = createZoomMock({ redirectUris: [REDIRECT_URI], ...options });
  const server = setupServer(...zoom.handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterEach(() => {
    zoom.faults.clear();
    zoom.assertNoViolations();
  });
  afterAll(() => server.close());
  return zoom;
}

/** The guide's client, with the mock app's credentials. */
export function zoomClient(options: ZoomOptions = {}, redirectURI = REDIRECT_URI): Zoom {
  return new Zoom(MOCK_CLIENT_ID, MOCK_CLIENT_SECRET, redirectURI, options);
}

/** Runs the guide's sign-in up to the callback: authorization URL, consent on the mock, the callback's code. */
export async function consent(zoom: ZoomMock, client: Zoom): Promise<{ code: string; codeVerifier: string; state: string }> {
  const state = generateState();
  const codeVerifier = generateCodeVerifier();
  const url = client.createAuthorizationURL(state, codeVerifier);
  const callback = await zoom.approve(url);
  return { code: callback.searchParams.get("code") ?? "", codeVerifier, state: callback.searchParams.get("state") ?? "" };
}

// An ESM user of the published packages: sign in with Zoom and read the signed-in user with the typed
// API client, first against @org/zoom-mock's msw handlers in-process, then against its real HTTP server
// (@org/zoom-mock/server). Run inside a fresh npm project by src/install.test.ts.
import assert from "node:assert/strict";
import { createZoomClient, ZoomScopeError } from "@org/zoom-api";
import { scopeCheck } from "@org/zoom-api/scopes";
import { generateCodeVerifier, generateState, Zoom } from "@org/zoom-auth";
import { createZoomMock, ZoomMockState } from "@org/zoom-mock";
import { startZoomMockServer } from "@org/zoom-mock/server";
import { setupServer } from "msw/node";

const clientId = "install-test-client";
const clientSecret = "install-test-secret";
const redirectURI = "http://localhost:3000/login/zoom/callback";

/** The whole flow of the Zoom guide; returns the email GET /users/me answers. */
async function signIn(zoomMock, zoomOptions) {
  zoomMock.registerApp({ clientId, clientSecret, redirectUris: [redirectURI] });
  const zoom = new Zoom(clientId, clientSecret, redirectURI, zoomOptions);
  const state = generateState();
  const codeVerifier = generateCodeVerifier();
  const url = zoom.createAuthorizationURL(state, codeVerifier, ["user:read:user"]);

  // The user clicks "Allow" on Zoom's consent page; Zoom redirects back with a code.
  const callback = await zoomMock.approve(url);
  assert.equal(callback.searchParams.get("state"), state);
  const code = callback.searchParams.get("code");
  assert.ok(code, "the redirect carries an authorization code");

  const tokens = await zoom.validateAuthorizationCode(code, codeVerifier);
  const client = createZoomClient({
    baseUrl: new URL("/v2", tokens.apiUrl()).href,
    accessToken: tokens.accessToken(),
  });
  const { data, error } = await client.GET("/users/me");
  assert.equal(error, undefined);
  assert.equal(data.email, zoomMock.defaultUser.email);
  return data.email;
}

const inProcess = createZoomMock();
const mswServer = setupServer(...inProcess.handlers);
mswServer.listen({ onUnhandledRequest: "error" });
let signedInAs;
try {
  signedInAs = await signIn(inProcess, {});
} finally {
  mswServer.close();
}

const httpServer = await startZoomMockServer();
let signedInOverHttp;
// Both entry points load one copy of the mock: the server's state is an instance of the main entry's class.
const oneCopyOfTheMock = httpServer.mock.state instanceof ZoomMockState;
try {
  signedInOverHttp = await signIn(httpServer.mock, { authorizationServer: httpServer.url });
} finally {
  await httpServer.close();
}

// The scope check of @org/zoom-api/scopes throws the main entry's ZoomScopeError (refused before sending).
const refused = await createZoomClient({ accessToken: "unused", checkScopes: scopeCheck(["meeting:read"]) })
  .GET("/users/me")
  .catch((error) => error);
const oneCopyOfTheScopeError = refused instanceof ZoomScopeError;

console.log(JSON.stringify({ moduleSystem: "esm", signedInAs, signedInOverHttp, oneCopyOfTheMock, oneCopyOfTheScopeError }));

// A CommonJS user of the published packages: the same flows as sign-in.mjs, through `require`.
const assert = require("node:assert/strict");
const { createZoomClient, ZoomScopeError } = require("@org/zoom-api");
const { scopeCheck } = require("@org/zoom-api/scopes");
const { generateCodeVerifier, generateState, Zoom } = require("@org/zoom-auth");
const { createZoomMock, ZoomMockState } = require("@org/zoom-mock");
const { startZoomMockServer } = require("@org/zoom-mock/server");
const { setupServer } = require("msw/node");

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

async function main() {
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

  console.log(JSON.stringify({ moduleSystem: "cjs", signedInAs, signedInOverHttp, oneCopyOfTheMock, oneCopyOfTheScopeError }));
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

// A CommonJS user of the published packages: the same sign-in flow as sign-in.mjs, through `require`.
const assert = require("node:assert/strict");
const { createZoomClient } = require("@org/zoom-api");
const { generateCodeVerifier, generateState, Zoom } = require("@org/zoom-auth");
const { createZoomMock } = require("@org/zoom-mock");
const { setupServer } = require("msw/node");

const clientId = "install-test-client";
const clientSecret = "install-test-secret";
const redirectURI = "http://localhost:3000/login/zoom/callback";

async function main() {
  const zoomMock = createZoomMock();
  zoomMock.registerApp({ clientId, clientSecret, redirectUris: [redirectURI] });
  const server = setupServer(...zoomMock.handlers);
  server.listen({ onUnhandledRequest: "error" });

  try {
    const zoom = new Zoom(clientId, clientSecret, redirectURI);
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

    console.log(JSON.stringify({ moduleSystem: "cjs", signedInAs: data.email }));
  } finally {
    server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

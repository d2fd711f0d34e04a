// A Node.js TypeScript user whose compiler knows no DOM (lib ES2023 + @types/node only), as many server
// projects are set up. @org/zoom-auth and @org/zoom-api must type-check there too; @org/zoom-mock is left
// out because msw's own types need the DOM lib. Copied to `.mts` and `.cts`, checked under NodeNext.
import { createZoomClient, unwrap } from "@org/zoom-api";
import { generateCodeVerifier, generateState, Zoom } from "@org/zoom-auth";

/** Sign in and read the user's email, on Node's own fetch types. */
export async function signedInEmail(code: string, codeVerifier: string): Promise<string> {
  const zoom = new Zoom("client-id", "client-secret", "http://localhost:3000/login/zoom/callback", { timeoutMs: 5000 });
  const url: URL = zoom.createAuthorizationURL(generateState(), generateCodeVerifier(), ["user:read:user"]);
  void url;
  const tokens = await zoom.validateAuthorizationCode(code, codeVerifier);
  const client = createZoomClient({
    baseUrl: new URL("/v2", tokens.apiUrl()).href,
    accessToken: tokens.accessToken(),
    fetch: (request) => globalThis.fetch(request),
  });
  const user = await unwrap(client.GET("/users/me"));
  return user.email;
}

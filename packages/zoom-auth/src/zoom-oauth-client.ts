import { OAuth2Client, type OAuth2ClientOptions } from "@org/oauth-core";
import { parseAuthorizationServer, ZOOM_AUTHORIZATION_SERVER } from "./authorization-server.js";
import { ZoomTokens } from "./zoom-tokens.js";

/**
 * The one place that builds the generic `OAuth2Client` for Zoom: Zoom's endpoints under an authorization
 * server origin, and token responses read as {@link ZoomTokens}. `Zoom`, `ZoomServerToServer` and
 * `ZoomClientCredentials` all take their client from here.
 *
 * @internal Not exported from the package.
 */

/** What {@link createZoomOAuth2Client} returns: the client, and what the caller may need besides. */
export interface ZoomOAuth2Client {
  client: OAuth2Client<ZoomTokens>;
  /** The authorization server's origin, checked and normalised (e.g. `https://zoom.us`). */
  origin: string;
  /** The request options the client was given (`fetch`, `timeoutMs`, `signal`, `userAgent`, `clock`). */
  clientOptions: OAuth2ClientOptions;
}

/** Throws a `TypeError` naming `name` unless `value` is a non-empty string. */
export function assertNonEmptyString(value: unknown, name: string): asserts value is string {
  if (typeof value !== "string" || value === "") {
    throw new TypeError(`${name} must be a non-empty string`);
  }
}

/**
 * Builds Zoom's OAuth client.
 * @param credentials - The app's client id and secret (`null` for a public client), and its redirect URI
 *   (`null` where no redirect happens: app tokens, the device flow).
 * @param options - `authorizationServer` (default `https://zoom.us`) and the request options.
 * @throws {TypeError} When `authorizationServer` is not an http(s) origin.
 */
export function createZoomOAuth2Client(
  credentials: { clientId: string; clientSecret: string | null; redirectURI: string | null },
  options: OAuth2ClientOptions & { authorizationServer?: string | undefined },
): ZoomOAuth2Client {
  const { authorizationServer = ZOOM_AUTHORIZATION_SERVER, ...clientOptions } = options;
  const origin = parseAuthorizationServer(authorizationServer);
  const client = new OAuth2Client<ZoomTokens>(
    {
      ...credentials,
      authorizationEndpoint: `${origin}/oauth/authorize`,
      tokenEndpoint: `${origin}/oauth/token`,
      revocationEndpoint: `${origin}/oauth/revoke`,
    },
    clientOptions,
    (data, receivedAt) => new ZoomTokens(data, { receivedAt }),
  );
  return { client, origin, clientOptions };
}

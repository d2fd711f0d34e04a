import { decodeBase64, encodeBase64 } from "./base64url.js";

/**
 * How a client proves its identity at the token endpoint.
 *
 * - `client_secret_basic`: HTTP Basic with the form-encoded id and secret (RFC 6749 section 2.3.1).
 * - `none`: a public client (RFC 6749 section 2.1): `client_id` goes in the form body and
 *   no `Authorization` header is sent. PKCE protects the code exchange instead.
 */
export type ClientAuthentication =
  | { readonly method: "client_secret_basic"; readonly clientId: string; readonly clientSecret: string }
  | { readonly method: "none"; readonly clientId: string };

/** A client id and secret, as decoded from an `Authorization: Basic` header. */
export interface BasicCredentials {
  /** The client id. */
  clientId: string;
  /** The client secret. */
  clientSecret: string;
}

// RFC 6749 section 2.3.1 asks for the application/x-www-form-urlencoded algorithm (its
// appendix B), which is what URLSearchParams serialises: space as "+", and everything but
// ALPHA / DIGIT / "*" / "-" / "." / "_" percent-encoded. Without it an id containing ":"
// could not be told apart from the separator.
function formEncode(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice("v=".length);
}

function formDecode(value: string): string {
  return new URLSearchParams(`v=${value}`).get("v") ?? "";
}

/**
 * Builds the `Authorization` header value for `client_secret_basic`:
 * `Basic base64(urlencode(client_id) ":" urlencode(client_secret))`.
 *
 * @param clientId - The client id.
 * @param clientSecret - The client secret.
 * @returns The header value, starting with `Basic `.
 */
export function encodeBasicCredentials(clientId: string, clientSecret: string): string {
  const credentials = `${formEncode(clientId)}:${formEncode(clientSecret)}`;
  return `Basic ${encodeBase64(new TextEncoder().encode(credentials))}`;
}

/**
 * Reads an `Authorization: Basic` header value built by {@link encodeBasicCredentials}
 * (useful on the server side, for example in a mock authorization server).
 *
 * @param header - The header value.
 * @returns The credentials, or `null` when the header is not well-formed Basic credentials.
 */
export function decodeBasicCredentials(header: string): BasicCredentials | null {
  const match = /^Basic +([A-Za-z0-9+/]+={0,2})$/i.exec(header.trim());
  if (!match?.[1]) return null;
  let decoded: string;
  try {
    decoded = new TextDecoder("utf-8", { fatal: true }).decode(decodeBase64(match[1]));
  } catch {
    return null;
  }
  const separator = decoded.indexOf(":");
  if (separator === -1) return null;
  return {
    clientId: formDecode(decoded.slice(0, separator)),
    clientSecret: formDecode(decoded.slice(separator + 1)),
  };
}

/**
 * Applies client authentication to a token endpoint request: sets the `Authorization`
 * header for `client_secret_basic`, or adds `client_id` to the body for a public client.
 *
 * @param authentication - How the client authenticates.
 * @param headers - The request headers (modified).
 * @param body - The form body (modified).
 */
export function applyClientAuthentication(
  authentication: ClientAuthentication,
  headers: Headers,
  body: URLSearchParams,
): void {
  if (authentication.method === "client_secret_basic") {
    headers.set(
      "Authorization",
      encodeBasicCredentials(authentication.clientId, authentication.clientSecret),
    );
  } else {
    body.set("client_id", authentication.clientId);
  }
}

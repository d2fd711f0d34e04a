import { encodeBase64url } from "./base64url.js";

// 32 bytes = 256 bits of entropy, which base64url-encodes to exactly 43 characters: the
// minimum length RFC 7636 allows for a code verifier.
const RANDOM_BYTES = 32;

function randomBase64url(): string {
  const bytes = new Uint8Array(RANDOM_BYTES);
  crypto.getRandomValues(bytes);
  return encodeBase64url(bytes);
}

/**
 * Generates an OAuth `state` value: 32 bytes from `crypto.getRandomValues`, base64url
 * without padding (43 characters).
 *
 * Store it (for example in an HTTP-only cookie) before redirecting, and compare it with the
 * `state` of the callback to reject forged callbacks.
 *
 * @returns A fresh, unguessable state value.
 */
export function generateState(): string {
  return randomBase64url();
}

/**
 * Generates a PKCE code verifier (RFC 7636 section 4.1): 32 bytes from
 * `crypto.getRandomValues`, base64url without padding (43 characters).
 *
 * @returns A fresh code verifier. Keep it secret until the code exchange.
 */
export function generateCodeVerifier(): string {
  return randomBase64url();
}

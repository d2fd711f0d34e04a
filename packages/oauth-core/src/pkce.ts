import { encodeBase64url } from "./base64url.js";
import { sha256 } from "./sha256.js";

// RFC 7636 section 4.1: code-verifier = 43*128unreserved
const CODE_VERIFIER_PATTERN = /^[A-Za-z0-9\-._~]{43,128}$/;

/**
 * Checks that `codeVerifier` has the form RFC 7636 section 4.1 requires: 43 to 128
 * characters from `A-Z a-z 0-9 - . _ ~`.
 *
 * @param codeVerifier - The value to check.
 * @throws {TypeError} When it does not. The message gives the length, never the value.
 */
export function assertCodeVerifier(codeVerifier: unknown): asserts codeVerifier is string {
  if (typeof codeVerifier !== "string") {
    throw new TypeError(`codeVerifier must be a string, got ${typeof codeVerifier}`);
  }
  if (!CODE_VERIFIER_PATTERN.test(codeVerifier)) {
    throw new TypeError(
      `codeVerifier must be 43 to 128 characters of A-Z a-z 0-9 - . _ ~ (RFC 7636 section 4.1); ` +
        `got ${codeVerifier.length} characters${codeVerifier.length === 0 ? "" : " that do not match"}. ` +
        "Use generateCodeVerifier() to create one.",
    );
  }
}

/**
 * Computes the PKCE `S256` code challenge for a code verifier:
 * `BASE64URL(SHA256(ASCII(code_verifier)))` (RFC 7636 section 4.2).
 *
 * Synchronous, so that building an authorization URL stays synchronous.
 *
 * @example
 * ```ts
 * const codeVerifier = generateCodeVerifier();
 * url.searchParams.set("code_challenge", createS256CodeChallenge(codeVerifier));
 * url.searchParams.set("code_challenge_method", "S256");
 * ```
 *
 * @param codeVerifier - A verifier from {@link generateCodeVerifier} (43 to 128 unreserved characters).
 * @returns The base64url (unpadded) challenge, 43 characters long.
 * @throws {TypeError} When `codeVerifier` is not a valid RFC 7636 verifier.
 */
export function createS256CodeChallenge(codeVerifier: string): string {
  assertCodeVerifier(codeVerifier);
  return encodeBase64url(sha256(new TextEncoder().encode(codeVerifier)));
}

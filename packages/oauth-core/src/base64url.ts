/**
 * Encodes bytes as standard base64 (RFC 4648 section 4), with padding.
 *
 * @param bytes - The bytes to encode.
 * @returns The base64 text.
 */
export function encodeBase64(bytes: Uint8Array): string {
  // btoa takes a "binary string" (one char per byte). Build it in a loop, not with
  // String.fromCharCode(...bytes), which overflows the call stack on large inputs.
  let binary = "";
  for (const byte of bytes) {
    binary += String.fromCharCode(byte);
  }
  return btoa(binary);
}

/**
 * Encodes bytes as base64url without padding (RFC 4648 section 5), the form PKCE and
 * OAuth state values use.
 *
 * @param bytes - The bytes to encode.
 * @returns The base64url text, without `=` padding.
 */
export function encodeBase64url(bytes: Uint8Array): string {
  return encodeBase64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/**
 * Decodes standard base64 (with or without padding) into bytes.
 *
 * @param text - The base64 text.
 * @returns The decoded bytes.
 * @throws {TypeError} When `text` is not valid base64.
 */
export function decodeBase64(text: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) {
    throw new TypeError("Invalid base64: unexpected character");
  }
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    throw new TypeError("Invalid base64: wrong length or padding");
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) {
    bytes[i] = binary.charCodeAt(i);
  }
  return bytes;
}

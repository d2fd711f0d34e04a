const encoder = new TextEncoder();

function hex(bytes: ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** Hex HMAC-SHA256 of `message` keyed with `secretToken` (Web Crypto). */
export async function hmacHex(secretToken: string, message: string): Promise<string> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(secretToken), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return hex(await crypto.subtle.sign("HMAC", key, encoder.encode(message)));
}

/**
 * The headers Zoom sends with an event: `x-zm-request-timestamp` (unix seconds) and `x-zm-signature`,
 * `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{body}` with the app's secret token.
 */
export async function signedHeaders(secretToken: string, body: string, nowMs: number): Promise<Headers> {
  const timestamp = String(Math.floor(nowMs / 1000));
  return new Headers({
    "content-type": "application/json; charset=utf-8",
    "x-zm-request-timestamp": timestamp,
    "x-zm-signature": `v0=${await hmacHex(secretToken, `v0:${timestamp}:${body}`)}`,
  });
}

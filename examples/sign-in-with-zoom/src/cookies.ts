/** Attributes of a `Set-Cookie` header that this app uses. */
export interface CookieOptions {
  path: string;
  /** Seconds; 0 deletes the cookie; omitted = a browser-session cookie. */
  maxAge?: number;
  httpOnly: boolean;
  secure: boolean;
  sameSite: "Lax" | "Strict";
}

// RFC 6265 token characters for names; values are restricted to what base64url and our ids use, so that
// nothing needs quoting or escaping and a value can never smuggle in another attribute.
const NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const VALUE = /^[A-Za-z0-9._~-]*$/;

/**
 * Builds one `Set-Cookie` header value.
 *
 * @throws {TypeError} when the name or value holds characters a cookie cannot carry unquoted.
 */
export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  if (!NAME.test(name)) throw new TypeError(`Cookie name ${JSON.stringify(name)} is not a valid token.`);
  // The value is a secret (state, verifier, session id): say what is wrong without echoing it.
  if (!VALUE.test(value)) throw new TypeError(`Cookie ${name} has a value with characters outside base64url.`);
  const parts = [`${name}=${value}`, `Path=${options.path}`];
  if (options.maxAge !== undefined) parts.push(`Max-Age=${Math.max(0, Math.floor(options.maxAge))}`);
  if (options.httpOnly) parts.push("HttpOnly");
  if (options.secure) parts.push("Secure");
  parts.push(`SameSite=${options.sameSite}`);
  return parts.join("; ");
}

/** A `Set-Cookie` value that deletes the cookie set with the same name and path. */
export function expireCookie(name: string, options: Omit<CookieOptions, "maxAge">): string {
  return serializeCookie(name, "", { ...options, maxAge: 0 });
}

/**
 * Parses a `Cookie` request header. The first occurrence of a name wins (browsers send the most
 * specific path first). Malformed pairs are skipped, not fatal: the header comes from the client.
 */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const pair of header.split(";")) {
    const eq = pair.indexOf("=");
    if (eq <= 0) continue;
    const name = pair.slice(0, eq).trim();
    let value = pair.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    if (name !== "" && !cookies.has(name)) cookies.set(name, value);
  }
  return cookies;
}

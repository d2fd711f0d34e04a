import type { ZoomMockState, MockApp } from "../state.js";

/** Form-decoding of RFC 6749 section 2.3.1: `+` is a space, then percent-decoding. */
function formDecode(text: string): string | null {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return null;
  }
}

/**
 * Finds the app making a token or revoke call: a confidential client by its Basic credentials, a public
 * client by `client_id` in the body (and no Authorization header). `null` means "answer invalid_client".
 */
export function authenticateClient(state: ZoomMockState, authorization: string | null, form: URLSearchParams): MockApp | null {
  if (authorization === null) {
    const clientId = form.get("client_id");
    const app = clientId === null ? undefined : state.apps.get(clientId);
    return app && app.clientSecret === null ? app : null;
  }
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(authorization.trim());
  if (!match?.[1]) return null;
  let decoded: string;
  try {
    decoded = atob(match[1]);
  } catch {
    return null;
  }
  const separator = decoded.indexOf(":");
  if (separator < 0) return null;
  const clientId = formDecode(decoded.slice(0, separator));
  const clientSecret = formDecode(decoded.slice(separator + 1));
  if (clientId === null || clientSecret === null) return null;
  const app = state.apps.get(clientId);
  if (!app || app.clientSecret === null || app.clientSecret !== clientSecret) return null;
  const bodyClientId = form.get("client_id");
  return bodyClientId === null || bodyClientId === clientId ? app : null;
}

/** Zoom's authorization server. */
export const ZOOM_AUTHORIZATION_SERVER = "https://zoom.us";

/**
 * Checks that `value` is an http(s) origin (scheme, host, optional port; no path, query,
 * fragment or credentials) and returns it normalised, for example `https://zoom.us`.
 *
 * @param value - The authorization server, for example a local mock's `http://127.0.0.1:4000`.
 * @returns The origin, without a trailing slash.
 * @throws {TypeError} When it is not such an origin.
 */
export function parseAuthorizationServer(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(`authorizationServer must be an absolute http(s) origin such as ${ZOOM_AUTHORIZATION_SERVER}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new TypeError(`authorizationServer must use http or https, got ${url.protocol}`);
  }
  if (url.pathname !== "/" || url.search !== "" || url.hash !== "" || url.username !== "" || url.password !== "") {
    throw new TypeError(
      `authorizationServer must be an origin only (no path, query, fragment or credentials), such as ${ZOOM_AUTHORIZATION_SERVER}`,
    );
  }
  return url.origin;
}

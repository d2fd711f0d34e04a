import { ZoomClientOptionsError } from "./zoom-client-options.js";

/**
 * The parts of `@org/zoom-auth`'s `ZoomTokens` the client reads (this package does not depend on it):
 * the access token, Zoom's `api_url` and the granted scopes.
 */
export interface ZoomTokenResponse {
  accessToken(): string;
  hasApiUrl(): boolean;
  apiUrl(): string;
  hasScopes(): boolean;
  scopes(): string[];
}

/**
 * A token source: `@org/zoom-auth`'s `createUserTokenSource()` (whose `snapshot()` carries `apiUrl` and
 * `scopes`), `ZoomServerToServer`, `ZoomClientCredentials`, or your own.
 */
export interface ZoomTokenSource {
  /** An access token that is valid now; asked before every attempt. */
  getAccessToken(): string | Promise<string>;
  /** Forgets the current access token after a 401, so that the next call gets a fresh one. */
  invalidate?(): void;
  /** The current tokens' `apiUrl` and `scopes` (a user token source has it). */
  snapshot?(): { readonly apiUrl: string | null; readonly scopes: readonly string[] };
}

/** The options of {@link createZoomClient} that take tokens from `@org/zoom-auth`. */
export interface ZoomClientTokenOptions {
  /**
   * Tokens or a token source: the client takes its access token from it and, when it names an `api_url`
   * (the user's region, e.g. `https://eu01api.zoom.us`), uses `${api_url}/v2` as its base. Without
   * `api_url` the base is `https://api.zoom.us/v2`. A token source's `invalidate` becomes `onUnauthorized`.
   * Instead of `accessToken`, `getAccessToken` and `baseUrl`. The base is read once, when the client is
   * created (a user's region does not change between refreshes); the token, at every attempt.
   *
   * The `api_url` must be an `https` origin under `zoom.us`, or one of `trustedApiOrigins`: a token
   * response cannot send API calls, and the bearer token, to any other host.
   */
  tokens?: ZoomTokenResponse | ZoomTokenSource | undefined;
  /**
   * Origins besides `https://*.zoom.us` that an `api_url` may name, exactly (scheme, host and port), for a
   * local mock: `["http://127.0.0.1:4010"]`.
   */
  trustedApiOrigins?: readonly string[] | undefined;
}

/** What {@link applyTokenOptions} makes of the token options. */
export interface AppliedTokenOptions<O> {
  /** The options with `tokens` turned into `baseUrl`, `accessToken` or `getAccessToken`, and `onUnauthorized`. */
  options: O;
  /** The scopes the token holds now, or `null` when the tokens do not say. */
  grantedScopes: (() => readonly string[] | null) | null;
}

/** The default API origin, when a token names no `api_url`. */
const DEFAULT_API_ORIGIN = "https://api.zoom.us";

function isTokenResponse(value: object): value is ZoomTokenResponse {
  const candidate = value as Partial<Record<keyof ZoomTokenResponse, unknown>>;
  return typeof candidate.accessToken === "function" && typeof candidate.hasApiUrl === "function" && typeof candidate.apiUrl === "function";
}

function isTokenSource(value: object): value is ZoomTokenSource {
  return typeof (value as { getAccessToken?: unknown }).getAccessToken === "function";
}

function parseTrustedOrigins(value: readonly string[] | undefined): Set<string> {
  if (value === undefined) return new Set();
  if (!Array.isArray(value)) throw new ZoomClientOptionsError("trustedApiOrigins", "must be an array of origins");
  const origins = new Set<string>();
  for (const entry of value) {
    if (typeof entry !== "string" || !URL.canParse(entry)) {
      throw new ZoomClientOptionsError("trustedApiOrigins", `holds ${JSON.stringify(entry)}, which is not an absolute URL`);
    }
    const url = new URL(entry);
    if (url.protocol !== "https:" && url.protocol !== "http:") {
      throw new ZoomClientOptionsError("trustedApiOrigins", `holds ${JSON.stringify(entry)}: only http and https origins`);
    }
    if (`${url.origin}/` !== url.href) {
      throw new ZoomClientOptionsError("trustedApiOrigins", `holds ${JSON.stringify(entry)}: give an origin only, such as http://127.0.0.1:4010`);
    }
    origins.add(url.origin);
  }
  return origins;
}

/**
 * Checks Zoom's `api_url` and returns its origin. Only `https` hosts under `zoom.us` (`api.zoom.us`,
 * `eu01api.zoom.us`, ...) and the trusted origins pass: the bearer token goes wherever this points.
 * @throws {ZoomClientOptionsError} naming the refused value (an `api_url` is not a secret).
 */
export function checkApiUrl(apiUrl: string, trusted: ReadonlySet<string>): string {
  const refuse = (why: string): never => {
    throw new ZoomClientOptionsError("tokens", `names api_url ${JSON.stringify(apiUrl)}, which ${why}; add its origin to trustedApiOrigins only if you run it (a mock, say)`);
  };
  if (typeof apiUrl !== "string" || !URL.canParse(apiUrl)) return refuse("is not an absolute URL");
  const url = new URL(apiUrl);
  if (url.username !== "" || url.password !== "" || url.search !== "" || url.hash !== "" || (url.pathname !== "/" && url.pathname !== "")) {
    return refuse("is not a bare origin");
  }
  if (trusted.has(url.origin)) return url.origin;
  if (url.protocol !== "https:") return refuse("does not use https");
  const host = url.hostname.toLowerCase();
  if (host !== "zoom.us" && !host.endsWith(".zoom.us")) return refuse("is not a host under zoom.us");
  return url.origin;
}

/**
 * Turns `tokens` into the client's plain options: `baseUrl` from `api_url`, the access token or the
 * source's `getAccessToken`, and the source's `invalidate` as `onUnauthorized`.
 * @throws {ZoomClientOptionsError} when `tokens` is not tokens or a source, is combined with
 *   `accessToken`, `getAccessToken` or `baseUrl`, or names an `api_url` that is not allowed.
 */
export function applyTokenOptions<
  O extends ZoomClientTokenOptions & {
    baseUrl?: string | undefined;
    accessToken?: string | undefined;
    getAccessToken?: (() => string | Promise<string>) | undefined;
    onUnauthorized?: (() => void | Promise<void>) | undefined;
  },
>(options: O): AppliedTokenOptions<O> {
  if (typeof options !== "object" || options === null) return { options, grantedScopes: null };
  const { tokens, trustedApiOrigins, ...rest } = options;
  const trusted = parseTrustedOrigins(trustedApiOrigins);
  if (tokens === undefined) {
    if (trustedApiOrigins !== undefined) throw new ZoomClientOptionsError("trustedApiOrigins", "only applies with tokens");
    return { options: rest as O, grantedScopes: null };
  }
  for (const conflicting of ["accessToken", "getAccessToken", "baseUrl"] as const) {
    if (rest[conflicting] !== undefined) {
      throw new ZoomClientOptionsError(conflicting, "and tokens are both set: tokens already gives the access token and the API base");
    }
  }
  if (tokens === null || typeof tokens !== "object") {
    throw new ZoomClientOptionsError("tokens", "must be a ZoomTokens or a token source with getAccessToken()");
  }
  if (isTokenResponse(tokens)) {
    const origin = tokens.hasApiUrl() ? checkApiUrl(tokens.apiUrl(), trusted) : DEFAULT_API_ORIGIN;
    const scopes = tokens.hasScopes() ? tokens.scopes() : null;
    return {
      options: { ...rest, baseUrl: `${origin}/v2`, accessToken: tokens.accessToken() } as O,
      grantedScopes: scopes === null ? null : () => scopes,
    };
  }
  if (isTokenSource(tokens)) {
    const snapshot = typeof tokens.snapshot === "function" ? () => (tokens.snapshot as NonNullable<ZoomTokenSource["snapshot"]>).call(tokens) : null;
    const apiUrl = snapshot?.().apiUrl ?? null;
    const origin = apiUrl === null ? DEFAULT_API_ORIGIN : checkApiUrl(apiUrl, trusted);
    const invalidate = typeof tokens.invalidate === "function" ? () => tokens.invalidate?.() : undefined;
    return {
      options: {
        ...rest,
        baseUrl: `${origin}/v2`,
        getAccessToken: () => tokens.getAccessToken(),
        ...(rest.onUnauthorized === undefined && invalidate !== undefined ? { onUnauthorized: invalidate } : {}),
      } as O,
      // Read at each call: a refresh may change the scopes.
      grantedScopes: snapshot === null ? null : () => snapshot().scopes,
    };
  }
  throw new ZoomClientOptionsError("tokens", "must be a ZoomTokens or a token source with getAccessToken()");
}

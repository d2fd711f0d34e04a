import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createZoomClient, unwrap } from "@org/zoom-api";
import { generateCodeVerifier, generateState, type UserTokenSource, type Zoom, type ZoomTokens } from "@org/zoom-auth";
import { CALLBACK_PATH } from "./config.js";
import { expireCookie, parseCookies, serializeCookie } from "./cookies.js";
import { describeFailure, type Failure } from "./failures.js";
import { errorPage, type Profile, signedInPage, signedOutPage } from "./pages.js";
import { createMemoryUserSessions, type UserSessions } from "./user-sessions.js";

/** The parts of the Zoom provider the app uses (a fake can stand in for it in tests). */
export type ZoomProvider = Pick<
  Zoom,
  "createAuthorizationURL" | "validateAuthorizationCode" | "refreshAccessToken" | "revokeToken"
>;

/** Options of {@link createApp}. */
export interface AppOptions {
  zoom: ZoomProvider;
  /** Public origin of this app (scheme, host, port), as the browser sees it: the redirect URI's origin. */
  appOrigin: URL;
  /** Base URL of Zoom's REST API (ending in `/v2`) for the `api_url` of a user's tokens (`null`: none sent). */
  apiBaseUrl: (apiUrl: string | null) => string;
  /** One sentence for the pages' footer saying which Zoom this is (mock or real). */
  modeNote: string;
  /** Redirect `GET /login` to {@link appOrigin} when the browser came in on another host name (mock mode:
   * 127.0.0.1 vs localhost), so that the state cookies land on the host the callback returns to. */
  canonicalizeLoginHost?: boolean;
  /**
   * Signed-in browsers and their grants (default: in this process's memory). Each session's token source
   * refreshes when the token nears expiry (once however many requests arrive then), keeps tokens that
   * still work when a refresh fails, and drops them only when Zoom refuses the refresh token.
   */
  sessions?: UserSessions;
  /** Where request lines go (default `console.log`). */
  log?: (line: string) => void;
  /** Current time in milliseconds (default `Date.now`). */
  clock?: () => number;
  /** The fetch the REST API client uses (default: `globalThis.fetch`, looked up at call time). */
  fetch?: typeof fetch;
}

/** The session cookie's name for an app served at `appOrigin`. */
export function sessionCookieName(appOrigin: URL): string {
  // `__Host-` makes the browser refuse the cookie unless it is Secure, host-only and Path=/.
  return appOrigin.protocol === "https:" ? "__Host-zoom_demo_session" : "zoom_demo_session";
}

/** A `node:http` request listener. */
export type RequestListener = (request: IncomingMessage, response: ServerResponse) => void;

/** Name of the cookie holding the OAuth `state` between `/login` and the callback. */
export const STATE_COOKIE = "zoom_oauth_state";
/** Name of the cookie holding the PKCE code verifier between `/login` and the callback. */
export const VERIFIER_COOKIE = "zoom_code_verifier";
/** How long a sign-in may take between `/login` and the callback, in seconds. */
export const LOGIN_COOKIE_MAX_AGE_SECONDS = 10 * 60;

const SECURITY_HEADERS: Record<string, string> = {
  "cache-control": "no-store",
  // The pages load nothing but the user's picture; forms post only to this app.
  "content-security-policy":
    "default-src 'none'; style-src 'unsafe-inline'; img-src https: http: data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  // The callback URL carries the authorization code: never send it on as a Referer.
  "referrer-policy": "no-referrer",
};

interface Reply {
  status: number;
  headers?: Record<string, string>;
  cookies?: string[];
  html?: string;
  /** What went wrong, for the log line: a class name and a code, never a message or a value. */
  failure?: string;
}

/**
 * Builds the demo's request listener: the whole "Sign in with Zoom" flow of the provider guide
 * (state + PKCE cookies, constant-time state check, code exchange, server-side session, `/users/me`,
 * revoke on sign-out), with an error page for every way it can fail.
 */
export function createApp(options: AppOptions): RequestListener {
  const log = options.log ?? ((line: string) => console.log(line));
  const clock = options.clock ?? Date.now;
  const sessions = options.sessions ?? createMemoryUserSessions({ zoom: options.zoom, clock });
  const secure = options.appOrigin.protocol === "https:";
  const sessionCookie = sessionCookieName(options.appOrigin);
  const loginCookie = { path: "/login", httpOnly: true, secure, sameSite: "Lax" } as const;
  const sessionCookieOptions = { path: "/", httpOnly: true, secure, sameSite: "Lax" } as const;

  const clearSessionCookie = () => expireCookie(sessionCookie, sessionCookieOptions);
  const clearLoginCookies = () => [
    expireCookie(STATE_COOKIE, loginCookie),
    expireCookie(VERIFIER_COOKIE, loginCookie),
  ];
  const problemReply = (failure: Failure, cookies: string[] = []): Reply => ({
    status: failure.status,
    html: errorPage(failure.problem),
    cookies,
    failure: failure.logLabel,
  });

  async function home(request: IncomingMessage): Promise<Reply> {
    const sessionId = parseCookies(request.headers.cookie).get(sessionCookie);
    const session = await sessions.get(sessionId);
    if (sessionId === undefined || session === undefined) {
      // A stale cookie (server restarted, session expired) is removed rather than sent forever.
      const cookies = sessionId === undefined ? [] : [clearSessionCookie()];
      return { status: 200, html: signedOutPage(options.modeNote), cookies };
    }

    try {
      const profile = await fetchProfile(session);
      return { status: 200, html: signedInPage(profile, options.modeNote) };
    } catch (error) {
      const failure = describeFailure(error, "profile");
      // A sign-in Zoom no longer accepts (the user removed the app, say) will not start working again.
      if (failure.endsSession) {
        await sessions.delete(sessionId);
        return problemReply(failure, [clearSessionCookie()]);
      }
      return problemReply(failure);
    }
  }

  async function fetchProfile(tokens: UserTokenSource): Promise<Profile> {
    const client = createZoomClient({
      baseUrl: options.apiBaseUrl(tokens.snapshot().apiUrl),
      getAccessToken: () => tokens.getAccessToken(),
      // A token refused early: refresh, and ask once more.
      onUnauthorized: () => tokens.invalidate(),
      fetch: options.fetch,
    });
    const me = unwrap(await client.GET("/users/me"));
    const displayName =
      me.display_name?.trim() || [me.first_name, me.last_name].filter(Boolean).join(" ") || me.email || "Zoom user";
    return {
      displayName,
      email: me.email ?? "",
      pictureUrl: pictureUrlOrNull(me.pic_url),
    };
  }

  function login(request: IncomingMessage): Reply {
    if (options.canonicalizeLoginHost && request.headers.host !== options.appOrigin.host) {
      return { status: 302, headers: { location: new URL("/login", options.appOrigin).href } };
    }
    const state = generateState();
    const codeVerifier = generateCodeVerifier();
    const url = options.zoom.createAuthorizationURL(state, codeVerifier);
    return {
      status: 302,
      headers: { location: url.href },
      cookies: [
        serializeCookie(STATE_COOKIE, state, { ...loginCookie, maxAge: LOGIN_COOKIE_MAX_AGE_SECONDS }),
        serializeCookie(VERIFIER_COOKIE, codeVerifier, { ...loginCookie, maxAge: LOGIN_COOKIE_MAX_AGE_SECONDS }),
      ],
    };
  }

  async function callback(request: IncomingMessage, url: URL): Promise<Reply> {
    // The state and verifier are single use whatever happens next.
    const cookiesOut = clearLoginCookies();
    const cookies = parseCookies(request.headers.cookie);
    const expectedState = cookies.get(STATE_COOKIE);
    const codeVerifier = cookies.get(VERIFIER_COOKIE);
    const state = url.searchParams.get("state");
    const error = url.searchParams.get("error");
    const code = url.searchParams.get("code");

    if (error !== null) {
      return problemReply(describeFailure({ authorizationError: error }, "callback"), cookiesOut);
    }
    if (code === null || state === null) {
      return problemReply(describeFailure("incomplete-callback", "callback"), cookiesOut);
    }
    if (expectedState === undefined || codeVerifier === undefined) {
      return problemReply(describeFailure("missing-login-cookies", "callback"), cookiesOut);
    }
    if (!sameSecret(state, expectedState)) {
      return problemReply(describeFailure("state-mismatch", "callback"), cookiesOut);
    }

    let tokens: ZoomTokens;
    try {
      tokens = await options.zoom.validateAuthorizationCode(code, codeVerifier);
    } catch (error) {
      return problemReply(describeFailure(error, "exchange"), cookiesOut);
    }
    // A fresh id on every sign-in, so an id planted before sign-in is never promoted (session fixation).
    await sessions.delete(parseCookies(request.headers.cookie).get(sessionCookie));
    const sessionId = await sessions.create(tokens);
    cookiesOut.push(serializeCookie(sessionCookie, sessionId, sessionCookieOptions));
    return { status: 302, headers: { location: "/" }, cookies: cookiesOut };
  }

  async function logout(request: IncomingMessage): Promise<Reply> {
    if (!isSameOriginPost(request, options.appOrigin)) {
      return problemReply(describeFailure("cross-site-post", "logout"));
    }
    const sessionId = parseCookies(request.headers.cookie).get(sessionCookie);
    const session = await sessions.get(sessionId);
    await sessions.delete(sessionId);
    const cookies = sessionId === undefined ? [] : [clearSessionCookie()];
    if (session === undefined) return { status: 303, headers: { location: "/" }, cookies };
    try {
      await options.zoom.revokeToken(session.snapshot().accessToken);
    } catch (error) {
      // Signed out here either way; the page says that Zoom may still consider the token valid.
      return problemReply(describeFailure(error, "revoke"), cookies);
    }
    return { status: 303, headers: { location: "/" }, cookies };
  }

  async function route(request: IncomingMessage, url: URL): Promise<Reply> {
    const method = request.method ?? "GET";
    const allow = (methods: string): Reply => ({
      ...problemReply(describeFailure("method-not-allowed", "route")),
      headers: { allow: methods },
    });
    switch (url.pathname) {
      case "/":
        return method === "GET" || method === "HEAD" ? home(request) : allow("GET, HEAD");
      case "/login":
        return method === "GET" || method === "HEAD" ? login(request) : allow("GET, HEAD");
      case CALLBACK_PATH:
        // GET only: a HEAD (a link checker, a prefetch) must not spend the one-time code.
        return method === "GET" ? callback(request, url) : allow("GET");
      case "/logout":
        return method === "POST" ? logout(request) : allow("POST");
      default:
        return problemReply(describeFailure("not-found", "route"));
    }
  }

  return (request, response) => {
    const started = performance.now();
    // Only the path is logged: the callback's query string holds the authorization code and state.
    let url: URL;
    try {
      url = new URL(request.url ?? "/", options.appOrigin);
    } catch {
      url = new URL("/", options.appOrigin);
    }
    // Nothing reads request bodies; drain them so the connection can be reused.
    request.resume();
    route(request, url)
      .catch((error: unknown): Reply => problemReply(describeFailure(error, "route")))
      .then((reply) => {
        send(response, request.method === "HEAD", reply);
        const elapsed = Math.round(performance.now() - started);
        const note = reply.failure ? ` ${reply.failure}` : "";
        log(`${new Date(clock()).toISOString()} ${request.method} ${url.pathname} ${reply.status} ${elapsed}ms${note}`);
      })
      .catch(() => {
        // Only sending itself can fail here (the client went away): nothing left to answer.
        response.destroy();
      });
  };
}

function send(response: ServerResponse, head: boolean, reply: Reply): void {
  const headers: Record<string, string | string[]> = { ...SECURITY_HEADERS, ...reply.headers };
  if (reply.cookies && reply.cookies.length > 0) headers["set-cookie"] = reply.cookies;
  if (reply.html !== undefined) headers["content-type"] = "text/html; charset=utf-8";
  response.writeHead(reply.status, headers);
  response.end(head ? undefined : reply.html);
}

/** Compares two secrets in time that does not depend on where they first differ. */
export function sameSecret(received: string, expected: string): boolean {
  const a = Buffer.from(received, "utf8");
  const b = Buffer.from(expected, "utf8");
  // timingSafeEqual needs equal lengths; a length difference reveals only the length, which is public.
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * CSRF check for state-changing requests. Browsers send `Sec-Fetch-Site` (all current ones) or at least
 * `Origin` on a POST; a request with neither is refused rather than trusted.
 */
export function isSameOriginPost(request: IncomingMessage, appOrigin: URL): boolean {
  const fetchSite = request.headers["sec-fetch-site"];
  if (typeof fetchSite === "string") return fetchSite === "same-origin";
  const origin = request.headers.origin;
  return typeof origin === "string" && origin === appOrigin.origin;
}

// Zoom serves pictures over https; the mock inlines an initials avatar as a data: image so the demo
// needs no network. Anything else (javascript:, other schemes) is not a picture.
function pictureUrlOrNull(value: unknown): string | null {
  if (typeof value !== "string" || !URL.canParse(value)) return null;
  const url = new URL(value);
  if (url.protocol === "https:" || url.protocol === "http:") return url.href;
  return url.protocol === "data:" && /^image\/(png|jpeg|gif|webp|svg\+xml)[;,]/.test(url.pathname) ? url.href : null;
}

import type { Problem } from "./pages.js";

/** Where in the flow something failed; it decides the wording of the page. */
export type Stage = "callback" | "exchange" | "profile" | "meetings" | "revoke" | "logout" | "route";

/** Failures the app detects itself, before or without calling Zoom. */
export type AppFailure = (typeof APP_FAILURES)[number];

const APP_FAILURES = [
  "incomplete-callback",
  "missing-login-cookies",
  "state-mismatch",
  "cross-site-post",
  "method-not-allowed",
  "not-found",
] as const;

/** Zoom sent the browser back with `?error=...` instead of a code. */
export interface AuthorizationErrorResponse {
  authorizationError: string;
}

/** How the app answers a failure: HTTP status, the page's words, a secret-free log label. */
export interface Failure {
  status: number;
  problem: Problem;
  /** e.g. `error=OAuth2RequestError:invalid_grant`: a class name and a code, never a message. */
  logLabel: string;
  /** The session's tokens are dead (revoked, expired): drop the session. */
  endsSession: boolean;
}

const DOING: Record<Stage, string> = {
  callback: "finishing the sign-in",
  exchange: "exchanging the sign-in code for tokens",
  profile: "loading your profile",
  meetings: "working on your meetings",
  revoke: "revoking your token",
  logout: "signing you out",
  route: "answering this request",
};

/**
 * Maps anything that can go wrong to what the person sees. Errors are told apart by their `name` (the
 * agreed error classes of `@org/oauth-core`, `@org/zoom-auth` and `@org/zoom-api` each set their own),
 * and only their codes and statuses are used: an error's message is never shown or logged, so nothing
 * a library put in it can leak.
 */
export function describeFailure(cause: unknown, stage: Stage): Failure {
  if (isAppFailure(cause)) return describeAppFailure(cause);
  if (isRecord(cause) && typeof cause.authorizationError === "string") {
    return describeAuthorizationError(cause.authorizationError);
  }

  const name = isRecord(cause) && typeof cause.name === "string" ? cause.name : "UnknownError";
  const code = isRecord(cause) ? safeCode(cause.code) : null;
  const status = isRecord(cause) && typeof cause.status === "number" ? cause.status : null;
  const logLabel = `error=${safeCode(name) ?? "UnknownError"}${code === null ? "" : `:${code}`}${
    status === null ? "" : ` status=${status}`
  }`;
  const fail = (httpStatus: number, title: string, detail: string, endsSession = false): Failure => ({
    status: httpStatus,
    problem: { title, detail },
    logLabel,
    endsSession,
  });

  // A 5xx is Zoom's trouble, not a verdict on the request, even when its body reads like an OAuth error.
  const zoomTrouble = (): Failure =>
    fail(
      502,
      stage === "revoke" ? "Signed out here, but Zoom had a problem" : "Zoom had a problem",
      `Zoom answered HTTP ${status ?? "with an unexpected response"} while ${DOING[stage]}. ` +
        (stage === "revoke"
          ? "The token may stay valid at Zoom until it expires within the hour."
          : "This is usually temporary: try again in a moment."),
    );

  switch (name) {
    case "OAuth2RequestError":
      if (status !== null && status >= 500) return zoomTrouble();
      if (stage === "exchange" && code === "invalid_grant") {
        return fail(
          400,
          "The sign-in code has expired or was already used",
          "Zoom refused to exchange the authorization code (invalid_grant): a code works only once and only " +
            "for a few minutes. Start the sign-in again.",
        );
      }
      if (code === "invalid_client") {
        return fail(
          502,
          "Zoom did not accept this app's credentials",
          "Zoom answered invalid_client while " +
            `${DOING[stage]}: check ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET against the app in Zoom's Marketplace.`,
        );
      }
      return fail(
        502,
        stage === "revoke" ? "Signed out here, but Zoom refused the revocation" : "Zoom refused the request",
        `Zoom answered with the OAuth error "${code ?? "unknown"}" while ${DOING[stage]}.`,
      );
    case "ReauthorizationRequiredError":
      // The token source met invalid_grant: the refresh token was revoked, or the user removed the app.
      return fail(
        401,
        "Your Zoom sign-in is no longer valid",
        "Zoom refused to renew this session's tokens (they were revoked, or the app was removed from the Zoom account). Sign in again.",
        true,
      );
    case "OAuth2FetchError":
    case "ZoomNetworkError":
    case "ZoomTimeoutError":
    case "TimeoutError":
    case "AbortError":
      return fail(
        502,
        stage === "revoke" ? "Signed out here, but Zoom could not be reached" : "Zoom could not be reached",
        `The app got no answer from Zoom (network error or timeout) while ${DOING[stage]}. ` +
          (stage === "revoke"
            ? "The token may stay valid at Zoom until it expires within the hour."
            : "Try again in a moment."),
      );
    case "UnexpectedResponseError":
    case "UnexpectedErrorResponseBodyError":
      return zoomTrouble();
    case "ZoomApiError":
      if (status === 401) {
        return fail(
          401,
          "Your Zoom sign-in is no longer valid",
          "Zoom no longer accepts this session's access token (it was revoked or has expired). Sign in again.",
          true,
        );
      }
      return fail(
        502,
        "Zoom could not return your profile",
        `Zoom's API answered HTTP ${status ?? "?"}${code === null ? "" : ` (code ${code})`} while ${DOING[stage]}. ` +
          "Try again in a moment.",
      );
    default:
      return fail(
        500,
        "Something went wrong",
        `The app hit an unexpected error while ${DOING[stage]}. Try again; if it keeps happening, see the server's log.`,
      );
  }
}

function describeAppFailure(failure: AppFailure): Failure {
  const page = (status: number, title: string, detail: string): Failure => ({
    status,
    problem: { title, detail },
    logLabel: `error=${failure}`,
    endsSession: false,
  });
  switch (failure) {
    case "incomplete-callback":
      return page(
        400,
        "This sign-in link is incomplete",
        "The address Zoom sent you back to has no authorization code or no state. Start the sign-in again.",
      );
    case "missing-login-cookies":
      return page(
        400,
        "No sign-in is in progress in this browser",
        "The sign-in took longer than 10 minutes, was already finished, or this browser blocks cookies. Start again.",
      );
    case "state-mismatch":
      return page(
        400,
        "This sign-in response does not belong to this browser",
        "The state Zoom sent back does not match the one this browser started with, so the response was " +
          "rejected: it may come from an old tab or from someone else's link. Start the sign-in again.",
      );
    case "cross-site-post":
      return page(
        403,
        "Sign-out refused",
        "The sign-out request did not come from this app's own page, so it was ignored. Use the Sign out button.",
      );
    case "method-not-allowed":
      return page(405, "Method not allowed", "This address does not answer that kind of request.");
    case "not-found":
      return page(404, "Page not found", "There is nothing at this address.");
  }
}

function describeAuthorizationError(error: string): Failure {
  const code = safeCode(error);
  if (code === "access_denied") {
    return {
      status: 403,
      problem: {
        title: "You did not allow access",
        detail:
          "You chose not to let this app see your Zoom profile, so you are not signed in. " +
          "You can start again whenever you like.",
      },
      logLabel: "error=access_denied",
      endsSession: false,
    };
  }
  return {
    status: 400,
    problem: {
      title: "Zoom could not start the sign-in",
      detail: `Zoom sent you back with the error "${code ?? "unknown"}". Start the sign-in again.`,
    },
    logLabel: `error=authorization:${code ?? "unknown"}`,
    endsSession: false,
  };
}

// Codes are short identifiers; anything else (a value that could carry data) is not repeated.
function safeCode(value: unknown): string | null {
  if (typeof value === "number" && Number.isInteger(value)) return String(value);
  return typeof value === "string" && /^[A-Za-z0-9_.-]{1,64}$/.test(value) ? value : null;
}

function isAppFailure(value: unknown): value is AppFailure {
  return typeof value === "string" && (APP_FAILURES as readonly string[]).includes(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

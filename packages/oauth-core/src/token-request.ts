import { type ClientAuthentication, applyClientAuthentication } from "./client-authentication.js";
import {
  OAuth2FetchError,
  OAuth2RequestError,
  TokenFieldError,
  UnexpectedErrorResponseBodyError,
  UnexpectedResponseError,
} from "./errors.js";
import { startDeadline, readBodyText } from "./deadline.js";
import { collectSecrets, redactJson } from "./redaction.js";

/** The timeout applied when none is given: long enough for a slow network, short enough to fail fast. */
export const DEFAULT_TIMEOUT_MS = 10_000;

// setTimeout fires at once for delays above 2^31 - 1 ms.
const MAX_TIMEOUT_MS = 2_147_483_647;

/** How requests to the authorization server are sent. */
export interface OAuth2ClientOptions {
  /**
   * The fetch function to use. Read at every request (not when the client is created), so a
   * test that patches `globalThis.fetch` afterwards (MSW, for example) is still seen.
   * Defaults to `globalThis.fetch`.
   */
  fetch?: typeof fetch;
  /**
   * Milliseconds each request may take from sending to the last byte of the response body;
   * past it the request ends with an {@link OAuth2FetchError} whose `timedOut` is `true`,
   * whatever the server does. Defaults to 10 000 (10 s).
   */
  timeoutMs?: number;
  /** Aborts every request of this client when it fires. */
  signal?: AbortSignal;
  /** A `User-Agent` header to send. */
  userAgent?: string;
  /** The current time in milliseconds, for token expiry. Defaults to `Date.now`. */
  clock?: () => number;
}

/**
 * Checks options at the earliest point (client construction), so that a mistake fails
 * there and not at the first request.
 *
 * @param options - The options to check.
 * @throws {TypeError} Naming the option that is wrong.
 */
export function assertOAuth2ClientOptions(options: OAuth2ClientOptions): void {
  if (options === null || typeof options !== "object") {
    throw new TypeError("options must be an object");
  }
  // Each option, how to tell a good value, and what the error says it must be. Built here rather than at
  // module level, where its template string would count as a side effect for bundlers.
  const rules: readonly (readonly [keyof OAuth2ClientOptions, (value: unknown) => boolean, string])[] = [
    ["fetch", (value) => typeof value === "function", "a function"],
    [
      "timeoutMs",
      (value) => Number.isInteger(value) && (value as number) > 0 && (value as number) <= MAX_TIMEOUT_MS,
      `a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}`,
    ],
    ["signal", (value) => value instanceof AbortSignal, "an AbortSignal"],
    ["userAgent", (value) => typeof value === "string" && /^[\t\x20-\x7e]+$/.test(value), "a non-empty string of printable ASCII characters"],
    ["clock", (value) => typeof value === "function", "a function returning milliseconds"],
  ];
  for (const [name, isValid, expected] of rules) {
    const value = options[name];
    if (value !== undefined && !isValid(value)) throw new TypeError(`options.${name} must be ${expected}`);
  }
}

/** One form POST to an authorization server endpoint (token, revocation, ...). */
export interface OAuth2EndpointRequest {
  /** The endpoint. */
  url: URL;
  /** The form parameters, without client authentication (added by {@link sendOAuth2Request}). */
  body: URLSearchParams;
  /** How the client authenticates. */
  authentication: ClientAuthentication;
  /** Transport options. */
  options?: OAuth2ClientOptions;
}

/** A 2xx response, read once, handed to a {@link SuccessfulResponseReader}. */
export interface SuccessfulResponse {
  /** The HTTP status (2xx). */
  status: number;
  /** The `Content-Type` header, or `null`. */
  contentType: string | null;
  /** The body text. */
  text: string;
  /** The body parsed as JSON, or `undefined` when it is not JSON. */
  json: unknown;
  /** When the response headers arrived. */
  receivedAt: Date;
  /** Values of the request that must not appear in errors (for {@link UnexpectedResponseError}). */
  secrets: readonly string[];
}

/**
 * Turns a 2xx response into a result, or throws when its body is not what the endpoint
 * promises. The only part of a request that differs between endpoints.
 */
export type SuccessfulResponseReader<T> = (response: SuccessfulResponse) => T;

/** A token endpoint success: the body and when it arrived. */
export interface TokenResponse {
  /** The parsed body: a JSON object with a string `access_token`. */
  data: Record<string, unknown>;
  /** When the response arrived. */
  receivedAt: Date;
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * The longest `expires_in` accepted, in seconds (one year). Zoom's tokens live an hour; a larger
 * value is a broken server, and a cache that believed it would hand out a dead token for ever.
 */
export const MAX_EXPIRES_IN_SECONDS = 31_536_000;

/** Optional string fields of a token response: when present, they must be strings. */
const OPTIONAL_STRING_FIELDS = ["token_type", "refresh_token", "scope", "id_token"] as const;

/**
 * Reads a token response (RFC 6749 section 5.1), validating it at receipt so that no cache
 * ever stores what would break a later call:
 * - the body must be a JSON object with a non-empty string `access_token`;
 * - a field holding an empty string counts as missing (it is dropped from `data`), so an
 *   empty `refresh_token` never replaces a working one;
 * - `expires_in`, when present, must be a whole number of seconds from 1 to
 *   {@link MAX_EXPIRES_IN_SECONDS};
 * - `token_type`, `refresh_token`, `scope` and `id_token`, when present, must be strings.
 *
 * @throws {UnexpectedResponseError} When the body is not a JSON object with a non-empty string `access_token`.
 * @throws {TokenFieldError} When `expires_in` or another known field is unusable (naming the field, never its value).
 */
export const readTokenResponse: SuccessfulResponseReader<TokenResponse> = (response) => {
  const json = response.json;
  if (!isJsonObject(json) || typeof json.access_token !== "string" || json.access_token === "") {
    throw new UnexpectedResponseError(response.status, response.contentType, response.text, {
      expected: 'a JSON object with a non-empty string "access_token"',
      secrets: response.secrets,
    });
  }
  const data: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(json)) {
    if (value !== "") data[name] = value;
  }
  const expiresIn = data.expires_in;
  if (expiresIn !== undefined) {
    if (typeof expiresIn !== "number") throw new TokenFieldError("expires_in", "number", expiresIn);
    if (!Number.isInteger(expiresIn) || expiresIn < 1 || expiresIn > MAX_EXPIRES_IN_SECONDS) {
      throw new TokenFieldError(
        "expires_in",
        "number",
        expiresIn,
        `a whole number of seconds from 1 to ${MAX_EXPIRES_IN_SECONDS}`,
      );
    }
  }
  for (const field of OPTIONAL_STRING_FIELDS) {
    const value = data[field];
    if (value !== undefined && typeof value !== "string") throw new TokenFieldError(field, "string", value);
  }
  return { data, receivedAt: response.receivedAt };
};

/**
 * Accepts any 2xx response: RFC 7009 section 2.2 tells clients to ignore the body of a
 * revocation response (Zoom sends `{"status":"success"}`, which has no `access_token`).
 */
export const ignoreResponseBody: SuccessfulResponseReader<void> = () => undefined;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Sends one form POST to an authorization server endpoint and classifies the answer. Every
 * request of this package goes through here, and errors are classified nowhere else.
 *
 * - Sets `Content-Type: application/x-www-form-urlencoded`, `Accept: application/json`, the
 *   optional `User-Agent`, and client authentication. Never sets `Content-Length` (fetch does).
 * - Ends after `timeoutMs` (headers and body together), or when `options.signal` fires, even
 *   when the server or a custom fetch ignores the abort (the deadline is a timer the client holds, not the abort signal alone).
 * - Reads the body exactly once, as text, then parses it. A body read that fails or runs out
 *   of time is cancelled without waiting (`body.cancel()` on a mocked response never settles
 *   under MSW).
 * - Never follows a redirect: a 3xx is an {@link UnexpectedResponseError}.
 * - 2xx: `readSuccess` decides. 4xx/5xx with a JSON object holding a string `error`:
 *   {@link OAuth2RequestError}. Other JSON error bodies: {@link UnexpectedErrorResponseBodyError}.
 *   Non-JSON error bodies and other statuses: {@link UnexpectedResponseError}.
 *   No answer (network failure, timeout, abort): {@link OAuth2FetchError}.
 *
 * @param request - The endpoint, form body, client authentication and options.
 * @param readSuccess - Turns a 2xx response into the result, e.g. {@link readTokenResponse}.
 * @returns What `readSuccess` returns.
 */
export async function sendOAuth2Request<T>(
  request: OAuth2EndpointRequest,
  readSuccess: SuccessfulResponseReader<T>,
): Promise<T> {
  const options = request.options ?? {};
  const headers = new Headers({
    "Content-Type": "application/x-www-form-urlencoded",
    Accept: "application/json",
  });
  if (options.userAgent !== undefined) headers.set("User-Agent", options.userAgent);
  const body = new URLSearchParams(request.body);
  applyClientAuthentication(request.authentication, headers, body);
  const secrets = collectSecrets(
    body,
    request.authentication.method === "client_secret_basic" ? request.authentication.clientSecret : null,
    headers.get("Authorization")?.replace(/^Basic /, "") ?? null,
  );

  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadline = startDeadline(timeoutMs, options.signal);
  const endpoint = `${request.url.origin}${request.url.pathname}`;
  const noAnswer = (error: unknown, action: string): OAuth2FetchError =>
    new OAuth2FetchError(error, {
      context: deadline.timedOut() ? `Request to ${endpoint} timed out after ${timeoutMs} ms` : `${action} ${endpoint}`,
      secrets,
      timedOut: deadline.timedOut(),
    });

  let response: Response;
  let text: string;
  let receivedAt: Date;
  try {
    // Resolved now, not when the client was created, so that fetch patched later is used.
    const fetchFunction = options.fetch ?? globalThis.fetch;
    try {
      // A URL and init, not a Request: a Request's signal only follows ours through a weak
      // reference on Node 20, and some fetch stand-ins handle Request objects poorly.
      response = await deadline.race(
        Promise.resolve().then(() =>
          fetchFunction(request.url, {
            method: "POST",
            headers,
            body: body.toString(),
            signal: deadline.signal,
            // Never replay a form holding credentials to wherever a redirect points.
            redirect: "manual",
          }),
        ),
      );
    } catch (error) {
      throw noAnswer(error, "Failed to send request to");
    }
    receivedAt = new Date((options.clock ?? Date.now)());
    try {
      text = await readBodyText(response, deadline);
    } catch (error) {
      throw noAnswer(error, "Failed to read the response of");
    }
  } finally {
    deadline.release();
  }
  const contentType = response.headers.get("Content-Type");
  const json = parseJson(text);
  const { status } = response;

  if (status >= 200 && status < 300) {
    return readSuccess({ status, contentType, text, json, receivedAt, secrets });
  }
  if (status >= 400 && status < 600) {
    if (isJsonObject(json) && typeof json.error === "string") {
      throw new OAuth2RequestError(status, redactJson(json, secrets) as Record<string, unknown>);
    }
    if (json !== undefined) {
      throw new UnexpectedErrorResponseBodyError(status, json, { secrets });
    }
    throw new UnexpectedResponseError(status, contentType, text, {
      expected: 'a JSON error body with a string "error"',
      secrets,
    });
  }
  throw new UnexpectedResponseError(status, contentType, text, {
    // A redirect is never followed: it would carry the form, and its credentials, elsewhere.
    expected: status >= 300 && status < 400 ? "a 2xx, 4xx or 5xx status (redirects are not followed)" : "a 2xx, 4xx or 5xx status",
    secrets,
  });
}

import { OAuth2FetchError, type OAuth2ClientOptions, OAuth2RequestError, UnexpectedResponseError } from "@org/oauth-core";
import {
  type ClientAuthentication,
  readTokenResponse,
  sendOAuth2Request,
  type SuccessfulResponseReader,
} from "@org/oauth-core/internal";
import { ZoomTokens } from "./zoom-tokens.js";

/** The `grant_type` of RFC 8628's token request. */
export const DEVICE_CODE_GRANT_TYPE = "urn:ietf:params:oauth:grant-type:device_code";

/** RFC 8628 section 3.2: the wait between polls when the server names none. */
const DEFAULT_INTERVAL_SECONDS = 5;
/** RFC 8628 section 3.5: every `slow_down` adds five seconds to the wait, for good. */
const SLOW_DOWN_STEP_SECONDS = 5;
/** The longest wait after a poll that got no answer (network failure): it doubles up to this. */
const MAX_BACKOFF_MS = 60_000;

/**
 * Waits `ms` milliseconds, or rejects with the signal's reason when it aborts first. The poll's
 * only way to let time pass: tests hand in one that moves a fake clock instead.
 */
export type DeviceFlowSleep = (ms: number, signal: AbortSignal | undefined) => Promise<void>;

/**
 * What `POST /oauth/devicecode` answered: the codes to show the user and how to poll. The device code
 * itself is held privately, so that logging or serialising this object cannot leak it.
 */
export class DeviceAuthorization {
  /** The short code the user types on the verification page, for example `"WDJB-MJHT"`. */
  readonly userCode: string;
  /** The page where the user enters {@link DeviceAuthorization.userCode}. */
  readonly verificationURI: string;
  /** The page with the code already filled in (for a link or a QR code), or `null` when not sent. */
  readonly verificationURIComplete: string | null;
  /** When the codes stop working, or `null` when the server did not say (it then answers `expired_token`). */
  readonly expiresAt: Date | null;
  /** The seconds to wait between polls, as the server first asked (5 when it did not say). */
  readonly interval: number;
  readonly #deviceCode: string;

  /**
   * @param fields - The checked fields of the answer.
   * @internal Made by {@link Zoom.requestDeviceAuthorization}.
   */
  constructor(fields: {
    deviceCode: string;
    userCode: string;
    verificationURI: string;
    verificationURIComplete: string | null;
    expiresAt: Date | null;
    interval: number;
  }) {
    this.#deviceCode = fields.deviceCode;
    this.userCode = fields.userCode;
    this.verificationURI = fields.verificationURI;
    this.verificationURIComplete = fields.verificationURIComplete;
    this.expiresAt = fields.expiresAt;
    this.interval = fields.interval;
  }

  /** The device code the poll sends. A credential: never log or display it. */
  deviceCode(): string {
    return this.#deviceCode;
  }
}

/** Why a device authorization ended without tokens. */
export type DeviceAuthorizationFailure = "access_denied" | "expired_token";

/**
 * The user refused (`access_denied`), or the codes expired before the user approved them
 * (`expired_token`, whether Zoom said so or the poll saw the time pass). Start again with a new
 * {@link Zoom.requestDeviceAuthorization} for `expired_token`; respect the refusal for `access_denied`.
 */
export class DeviceAuthorizationError extends Error {
  override readonly name = "DeviceAuthorizationError";
  /**
   * `access_denied` or `expired_token`: the RFC 8628 error code, as the server sends it (like every
   * `code` in the SDK), also when the poll saw the codes expire before Zoom said so.
   */
  readonly code: DeviceAuthorizationFailure;

  /**
   * @param code - Why the authorization ended.
   * @param options - The server's answer as `cause`, when there was one.
   */
  constructor(code: DeviceAuthorizationFailure, options: { cause?: OAuth2RequestError } = {}) {
    super(
      code === "access_denied"
        ? "The user denied the device authorization"
        : "The device authorization expired before the user approved it",
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.code = code;
  }
}

/** Options of {@link Zoom.pollDeviceAuthorization}. */
export interface PollDeviceAuthorizationOptions {
  /** Stops polling (and any request under way) when it fires; the poll rejects with its reason. */
  signal?: AbortSignal;
  /** Hooks for tests of code that runs the device flow; production code leaves them out. */
  testing?: {
    /** How to wait between polls. Defaults to a timer that ends early when `signal` aborts. */
    sleep?: DeviceFlowSleep;
  };
  /**
   * Called after each poll that got `authorization_pending` or `slow_down`, with the wait before the
   * next one in milliseconds: to show a spinner, or a countdown until `expiresAt`.
   */
  onPending?: (event: { code: "authorization_pending" | "slow_down"; nextPollInMs: number }) => void;
}

/** The parts of a {@link Zoom} client the device flow uses. */
export interface DeviceFlowClient {
  authentication: ClientAuthentication;
  deviceAuthorizationEndpoint: URL;
  tokenEndpoint: URL;
  options: OAuth2ClientOptions;
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function nonEmptyString(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

function positiveNumber(value: unknown): number | null {
  // Some servers send numbers as strings; both readings are accepted.
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof number === "number" && Number.isFinite(number) && number > 0 ? number : null;
}

function readDeviceAuthorization(clock: () => number): SuccessfulResponseReader<DeviceAuthorization> {
  return (response) => {
    const json = isJsonObject(response.json) ? response.json : {};
    const deviceCode = nonEmptyString(json.device_code);
    const userCode = nonEmptyString(json.user_code);
    // `verification_url` is the name some servers used before RFC 8628 settled on `_uri`.
    const verificationURI = nonEmptyString(json.verification_uri) ?? nonEmptyString(json.verification_url);
    if (deviceCode === null || userCode === null || verificationURI === null) {
      throw new UnexpectedResponseError(response.status, response.contentType, response.text, {
        expected: 'a JSON object with string "device_code", "user_code" and "verification_uri"',
        secrets: deviceCode === null ? response.secrets : [...response.secrets, deviceCode],
      });
    }
    const expiresIn = positiveNumber(json.expires_in);
    return new DeviceAuthorization({
      deviceCode,
      userCode,
      verificationURI,
      verificationURIComplete: nonEmptyString(json.verification_uri_complete),
      expiresAt: expiresIn === null ? null : new Date(clock() + expiresIn * 1000),
      interval: positiveNumber(json.interval) ?? DEFAULT_INTERVAL_SECONDS,
    });
  };
}

/**
 * `POST /oauth/devicecode` with the app's credentials (RFC 8628 section 3.1).
 *
 * Zoom's documents show Basic credentials; a secondary source also passes `client_id` in the query.
 * Both are sent: a server that reads either finds the client, and the query holds nothing secret.
 */
export function requestDeviceAuthorization(flow: DeviceFlowClient): Promise<DeviceAuthorization> {
  const url = new URL(flow.deviceAuthorizationEndpoint);
  url.searchParams.set("client_id", flow.authentication.clientId);
  return sendOAuth2Request(
    { url, body: new URLSearchParams(), authentication: flow.authentication, options: flow.options },
    readDeviceAuthorization(flow.options.clock ?? Date.now),
  );
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("The operation was aborted", "AbortError");
}

/** A timer that ends early, with the signal's reason, when `signal` aborts. */
export const abortableSleep: DeviceFlowSleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortReason(signal as AbortSignal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });

/** One poll: the token request of RFC 8628 section 3.4, aborted by the client's or the poll's signal. */
async function requestDeviceTokens(
  flow: DeviceFlowClient,
  authorization: DeviceAuthorization,
  signal: AbortSignal | undefined,
): Promise<ZoomTokens> {
  const signals = [flow.options.signal, signal].filter((s): s is AbortSignal => s !== undefined);
  const body = new URLSearchParams({ grant_type: DEVICE_CODE_GRANT_TYPE, device_code: authorization.deviceCode() });
  const { data, receivedAt } = await sendOAuth2Request(
    {
      url: flow.tokenEndpoint,
      body,
      authentication: flow.authentication,
      options: { ...flow.options, ...(signals.length > 0 ? { signal: AbortSignal.any(signals) } : {}) },
    },
    readTokenResponse,
  );
  return new ZoomTokens(data, { receivedAt });
}

/**
 * Polls the token endpoint until the user approves or denies, or the codes expire (RFC 8628
 * section 3.4 and 3.5): it waits `interval` seconds before each poll, adds five seconds for good
 * after every `slow_down`, and backs off (doubling) after a poll that got no answer.
 */
export async function pollDeviceAuthorization(
  flow: DeviceFlowClient,
  authorization: DeviceAuthorization,
  options: PollDeviceAuthorizationOptions = {},
): Promise<ZoomTokens> {
  if (!(authorization instanceof DeviceAuthorization)) {
    throw new TypeError("authorization must be the DeviceAuthorization returned by requestDeviceAuthorization()");
  }
  const { signal, testing = {}, onPending } = options;
  const { sleep = abortableSleep } = testing;
  if (signal !== undefined && !(signal instanceof AbortSignal)) throw new TypeError("options.signal must be an AbortSignal");
  if (typeof sleep !== "function") throw new TypeError("options.testing.sleep must be a function");
  if (onPending !== undefined && typeof onPending !== "function") throw new TypeError("options.onPending must be a function");
  const clock = flow.options.clock ?? Date.now;
  const expired = (): boolean => authorization.expiresAt !== null && clock() >= authorization.expiresAt.getTime();

  let intervalMs = authorization.interval * 1000;
  let waitMs = intervalMs;
  for (;;) {
    await sleep(waitMs, signal);
    if (signal?.aborted) throw abortReason(signal);
    if (expired()) throw new DeviceAuthorizationError("expired_token");
    waitMs = intervalMs;
    try {
      return await requestDeviceTokens(flow, authorization, signal);
    } catch (error) {
      if (signal?.aborted) throw abortReason(signal);
      if (error instanceof OAuth2FetchError) {
        // No answer (RFC 8628 section 3.5): poll again, waiting longer each time, until the codes expire.
        waitMs = Math.min(Math.max(waitMs, intervalMs) * 2, Math.max(MAX_BACKOFF_MS, intervalMs));
        continue;
      }
      if (!(error instanceof OAuth2RequestError)) throw error;
      const { code } = error;
      if (code === "slow_down") {
        intervalMs += SLOW_DOWN_STEP_SECONDS * 1000;
        waitMs = intervalMs;
      } else if (code !== "authorization_pending") {
        // A server that does not know expired_token says invalid_grant for a device code past its time.
        if (code === "access_denied" || code === "expired_token" || (code === "invalid_grant" && expired())) {
          throw new DeviceAuthorizationError(code === "access_denied" ? code : "expired_token", { cause: error });
        }
        throw error;
      }
      onPending?.({ code, nextPollInMs: waitMs });
    }
  }
}

/**
 * Verifying Zoom webhook requests with Web Crypto (HMAC-SHA256), on any runtime.
 *
 * Zoom signs `v0:{x-zm-request-timestamp}:{raw body}` with the app's secret token and sends
 * `v0=` + hex digest in `x-zm-signature`. The raw body must be verified as received:
 * JSON parsed and serialised again does not give the same bytes.
 */

/** Headers as a `Headers` object (fetch, Workers) or a plain record (Node's `req.headers`). */
export type WebhookHeaders = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

/** Input of {@link verifyWebhook}. */
export interface VerifyWebhookOptions {
  /** The app's webhook secret token. */
  secretToken: string;
  /** The request headers; `x-zm-signature` and `x-zm-request-timestamp` are read. */
  headers: WebhookHeaders;
  /** The body exactly as received, as text or bytes. */
  rawBody: string | Uint8Array;
  /**
   * The current time in ms since the epoch, as everywhere in the SDK (default `Date.now`). Compared
   * in whole seconds, like the timestamp.
   */
  clock?: () => number;
  /**
   * The current time as a fixed `Date`.
   * @deprecated Use `clock` (`() => number`, the one clock shape of the SDK); `now` goes in the next minor release.
   */
  now?: Date;
  /**
   * How far, in whole seconds, the timestamp may be from now (either way); a timestamp exactly
   * this far is accepted. Defaults to 300.
   */
  toleranceSeconds?: number;
  /**
   * Refuses a delivery whose signature was already accepted within the tolerance window (a replay
   * of a captured request), with reason `"replayed"`. Give one guard per app, shared by every
   * call: {@link createMemoryReplayGuard} for one process, or your own over a shared store.
   */
  replayGuard?: WebhookReplayGuard;
}

/**
 * Remembers the signatures of accepted webhook deliveries for as long as their timestamp is
 * within the tolerance window (after that, the timestamp check refuses them anyway).
 */
export interface WebhookReplayGuard {
  /**
   * Records a signature until `expiresAt`, unless it is already recorded and not yet expired.
   * Must be atomic per signature when shared between processes (e.g. Redis `SET key 1 NX PXAT`).
   *
   * @param signature - The delivery's `x-zm-signature`, in lower case.
   * @param expiresAt - When the record may be forgotten.
   * @param now - The current time, as `verifyWebhook` saw it.
   * @returns `true` the first time, `false` for a signature already recorded and not expired.
   */
  remember(signature: string, expiresAt: Date, now: Date): boolean | Promise<boolean>;
}

/** Options of {@link createMemoryReplayGuard}. */
export interface MemoryReplayGuardOptions {
  /**
   * The most signatures held at once (default 100 000). Past it, the oldest record is dropped
   * (and a replay of that delivery would no longer be noticed): a bound on memory, not on safety
   * under Zoom's normal traffic, which stays far below it within a five-minute window.
   */
  maxEntries?: number;
}

/**
 * An in-memory {@link WebhookReplayGuard} for one process. Expired records are swept as new
 * ones arrive; no timer runs.
 *
 * @example
 * ```ts
 * const replayGuard = createMemoryReplayGuard();
 * await verifyWebhook({ secretToken, headers, rawBody, replayGuard });
 * ```
 * @param options - `maxEntries`.
 * @throws {TypeError} When `maxEntries` is not a whole number of at least 1.
 */
export function createMemoryReplayGuard(options: MemoryReplayGuardOptions = {}): WebhookReplayGuard {
  const { maxEntries = 100_000 } = options;
  if (!(Number.isInteger(maxEntries) && maxEntries >= 1)) {
    throw new TypeError("maxEntries must be a whole number of at least 1");
  }
  const expiries = new Map<string, number>();
  let sweepAt = 1024;
  return {
    remember(signature, expiresAt, now) {
      const nowMs = now.getTime();
      const known = expiries.get(signature);
      if (known !== undefined && known > nowMs) return false;
      if (expiries.size >= sweepAt) {
        for (const [key, expiry] of expiries) if (expiry <= nowMs) expiries.delete(key);
        // Sweep again when the map has doubled: amortised constant time per delivery.
        sweepAt = Math.max(1024, expiries.size * 2);
      }
      expiries.delete(signature);
      expiries.set(signature, expiresAt.getTime());
      while (expiries.size > maxEntries) {
        const oldest = expiries.keys().next().value as string;
        expiries.delete(oldest);
      }
      return true;
    },
  };
}

/** Why a webhook request was rejected. */
export type WebhookVerificationFailure =
  | "missing_signature"
  | "malformed_signature"
  | "missing_timestamp"
  | "malformed_timestamp"
  | "timestamp_out_of_tolerance"
  | "signature_mismatch"
  | "replayed";

const FAILURE_MESSAGES: Record<WebhookVerificationFailure, string> = {
  missing_signature: "the x-zm-signature header is missing",
  malformed_signature: 'the x-zm-signature header is not "v0=" followed by 64 hex digits',
  missing_timestamp: "the x-zm-request-timestamp header is missing",
  malformed_timestamp: "the x-zm-request-timestamp header is not a number of seconds",
  timestamp_out_of_tolerance: "the x-zm-request-timestamp is too far from the current time (replayed or clock skew)",
  signature_mismatch: "the signature does not match the body (wrong secret token, or the body was changed)",
  replayed: "this signature was already accepted within the tolerance window (a replayed delivery)",
};

/**
 * A webhook request failed verification. Answer it with 401 and do not process it.
 */
export class WebhookVerificationError extends Error {
  override readonly name = "WebhookVerificationError";
  /**
   * Why the request was refused, one of a fixed set. As everywhere in the SDK, `reason` is never a
   * server's free text (a server's explanation is a `description`).
   */
  readonly reason: WebhookVerificationFailure;

  /** @param reason - What was wrong. */
  constructor(reason: WebhookVerificationFailure) {
    super(`Zoom webhook rejected: ${FAILURE_MESSAGES[reason]}`);
    this.reason = reason;
  }

  /** A JSON form with the name, message and reason. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, reason: this.reason };
  }
}

const encoder = /* @__PURE__ */ new TextEncoder();

function readHeader(headers: WebhookHeaders, name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name) continue;
    if (typeof value === "string") return value;
    // A header sent twice is ambiguous: treat it as absent rather than pick one.
    if (Array.isArray(value) && value.length === 1 && typeof value[0] === "string") return value[0];
    return null;
  }
  return null;
}

function hexToBytes(hex: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) {
    bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  }
  return bytes;
}

function bytesToHex(bytes: ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

function importHmacKey(secretToken: string): Promise<CryptoKey> {
  if (typeof secretToken !== "string" || secretToken === "") {
    throw new TypeError("secretToken must be a non-empty string");
  }
  return crypto.subtle.importKey("raw", encoder.encode(secretToken), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
    "verify",
  ]);
}

function concatBytes(first: Uint8Array, second: Uint8Array): Uint8Array<ArrayBuffer> {
  const result = new Uint8Array(first.length + second.length);
  result.set(first);
  result.set(second, first.length);
  return result;
}

/**
 * Verifies that a request comes from Zoom: checks the timestamp is within the tolerance
 * and the `x-zm-signature` HMAC over `v0:{timestamp}:{raw body}`. The comparison is done
 * by Web Crypto's `verify`, in constant time.
 *
 * @example
 * ```ts
 * const rawBody = await request.text();
 * try {
 *   await verifyWebhook({ secretToken, headers: request.headers, rawBody });
 * } catch (e) {
 *   if (e instanceof WebhookVerificationError) return new Response(null, { status: 401 });
 *   throw e;
 * }
 * const event = JSON.parse(rawBody);
 * ```
 *
 * @param options - The secret token, headers, raw body, and optionally `clock`, `toleranceSeconds` and `replayGuard`.
 * @throws {WebhookVerificationError} When the request is not authentic or is a replay; `reason` says why.
 * @throws {TypeError} When `secretToken` is empty, `toleranceSeconds` is not a whole number of
 *   seconds, `clock` is not a function returning a finite time (or `now` not a valid Date), or
 *   `replayGuard` has no `remember` method.
 */
export async function verifyWebhook(options: VerifyWebhookOptions): Promise<void> {
  const { secretToken, headers, rawBody, clock, toleranceSeconds = 300, replayGuard } = options;
  if (!(Number.isInteger(toleranceSeconds) && toleranceSeconds >= 0)) {
    throw new TypeError("toleranceSeconds must be a whole number of seconds, zero or more");
  }
  // An invalid clock would make every distance NaN, and NaN > tolerance is false: a day-old
  // delivery would pass. Refuse the clock instead.
  if (clock !== undefined && typeof clock !== "function") throw new TypeError("clock must be a function");
  const now = options.now ?? new Date((clock ?? Date.now)());
  if (!(now instanceof Date) || !Number.isFinite(now.getTime())) {
    throw new TypeError(options.now === undefined ? "clock must return a finite number of ms" : "now must be a valid Date");
  }
  if (replayGuard !== undefined && (replayGuard === null || typeof replayGuard.remember !== "function")) {
    throw new TypeError("replayGuard must have a remember(signature, expiresAt, now) method");
  }
  const key = await importHmacKey(secretToken);

  const signature = readHeader(headers, "x-zm-signature");
  if (signature === null) throw new WebhookVerificationError("missing_signature");
  const signatureMatch = /^v0=([0-9a-fA-F]{64})$/.exec(signature.trim());
  if (!signatureMatch?.[1]) throw new WebhookVerificationError("malformed_signature");

  const timestamp = readHeader(headers, "x-zm-request-timestamp");
  if (timestamp === null) throw new WebhookVerificationError("missing_timestamp");
  if (!/^\d{1,12}$/.test(timestamp.trim())) throw new WebhookVerificationError("malformed_timestamp");
  const timestampSeconds = Number(timestamp.trim());
  // Whole seconds on both sides, so that the window's edge is exact.
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (Math.abs(nowSeconds - timestampSeconds) > toleranceSeconds) {
    throw new WebhookVerificationError("timestamp_out_of_tolerance");
  }

  const body = typeof rawBody === "string" ? encoder.encode(rawBody) : rawBody;
  const message = concatBytes(encoder.encode(`v0:${timestamp.trim()}:`), body);
  const valid = await crypto.subtle.verify("HMAC", key, hexToBytes(signatureMatch[1]), message);
  if (!valid) throw new WebhookVerificationError("signature_mismatch");
  // Only after the signature holds, so that forged requests cannot fill the guard.
  if (replayGuard !== undefined) {
    const expiresAt = new Date((timestampSeconds + toleranceSeconds + 1) * 1000);
    if (!(await replayGuard.remember(signature.trim().toLowerCase(), expiresAt, now))) {
      throw new WebhookVerificationError("replayed");
    }
  }
}

/** The answer to Zoom's `endpoint.url_validation` event. */
export interface UrlValidationAnswer {
  /** The `plainToken` Zoom sent. */
  plainToken: string;
  /** Hex HMAC-SHA256 of `plainToken` with the secret token. */
  encryptedToken: string;
}

/**
 * Builds the answer to Zoom's `endpoint.url_validation` event (sent when a webhook URL is
 * saved, then every 72 hours): respond 200 with this object as JSON.
 *
 * @example
 * ```ts
 * if (event.event === "endpoint.url_validation") {
 *   return Response.json(await answerUrlValidation(secretToken, event.payload.plainToken));
 * }
 * ```
 *
 * @param secretToken - The app's webhook secret token.
 * @param plainToken - `payload.plainToken` of the event.
 * @returns `{ plainToken, encryptedToken }`.
 * @throws {TypeError} When either argument is empty.
 */
export async function answerUrlValidation(secretToken: string, plainToken: string): Promise<UrlValidationAnswer> {
  if (typeof plainToken !== "string" || plainToken === "") {
    throw new TypeError("plainToken must be a non-empty string");
  }
  const key = await importHmacKey(secretToken);
  const digest = await crypto.subtle.sign("HMAC", key, encoder.encode(plainToken));
  return { plainToken, encryptedToken: bytesToHex(digest) };
}

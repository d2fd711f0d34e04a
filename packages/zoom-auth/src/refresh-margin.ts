/**
 * The refresh margin every token holder of this package shares (`ZoomServerToServer`,
 * `ZoomClientCredentials`, `createUserTokenSource`): a token is handed out only while it stays valid for
 * the margin, so that it is still valid when the API call it is for arrives.
 *
 * @internal Not exported from the package.
 */

/** The margin when none is given: one minute. */
export const DEFAULT_REFRESH_MARGIN_MS = 60_000;

/**
 * Checks a `refreshMarginMs` option.
 * @param value - The option as given (`undefined` takes the default).
 * @param name - How the error names it, e.g. `"createUserTokenSource: options.refreshMarginMs"`.
 * @returns The margin in milliseconds.
 * @throws {TypeError} When it is not a finite number of milliseconds, zero or more.
 */
export function refreshMarginOption(value: unknown, name = "options.refreshMarginMs"): number {
  if (value === undefined) return DEFAULT_REFRESH_MARGIN_MS;
  if (!(typeof value === "number" && Number.isFinite(value) && value >= 0)) {
    throw new TypeError(`${name} must be a number of milliseconds, zero or more`);
  }
  return value;
}

/**
 * Whether a token that expires at `expiresAtMs` may still be handed out at `nowMs`.
 * @param expiresAtMs - When the access token expires, in ms since the epoch.
 * @param refreshMarginMs - How long before expiry it is replaced.
 * @param nowMs - The current time, from the holder's clock.
 */
export function isFreshFor(expiresAtMs: number, refreshMarginMs: number, nowMs: number): boolean {
  return expiresAtMs - refreshMarginMs > nowMs;
}

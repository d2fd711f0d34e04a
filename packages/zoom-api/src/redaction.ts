/**
 * Keeping the access token out of errors. A server may echo the request (a 401 body quoting the
 * `Authorization` header, a proxy's error page): whatever of a response an error keeps passes
 * through here first, with the token that request carried.
 */

/** What replaces the access token in error messages, bodies and excerpts. */
export const REDACTED = "[REDACTED]";

/** What replaces a value nested deeper than {@link MAX_REDACTION_DEPTH} in an error's body. */
export const TOO_DEEP = "[TOO DEEP]";

/** How deep an error body is copied; deeper values become {@link TOO_DEEP}, so no body can overflow the stack. */
export const MAX_REDACTION_DEPTH = 32;

/** The forms in which a token may come back: as is, percent-encoded, and escaped in a JSON string. */
function tokenForms(token: string): string[] {
  const forms = new Set([token, encodeURIComponent(token), JSON.stringify(token).slice(1, -1)]);
  return [...forms].sort((a, b) => b.length - a.length);
}

/**
 * Tokens at least this long are replaced wherever they appear, even glued to other characters. A
 * shorter one (a test's `"t"`) only where it stands alone, so that it does not shred every word.
 */
const GLUED_TOKEN_MIN_LENGTH = 8;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Replaces every form of the token in a text. */
export function redactText(text: string, token: string | null): string {
  if (token === null || token === "") return text;
  let result = text;
  for (const form of tokenForms(token)) {
    if (form.length >= GLUED_TOKEN_MIN_LENGTH) {
      result = result.split(form).join(REDACTED);
    } else {
      const before = /^\w/.test(form) ? "(?<!\\w)" : "";
      const after = /\w$/.test(form) ? "(?!\\w)" : "";
      result = result.replace(new RegExp(`${before}${escapeRegExp(form)}${after}`, "g"), REDACTED);
    }
  }
  return result;
}

/**
 * Copies a parsed body with every form of the token replaced in its strings (keys included), and
 * values nested deeper than {@link MAX_REDACTION_DEPTH} replaced by {@link TOO_DEEP}.
 */
export function redactValue(value: unknown, token: string | null, depth = 0): unknown {
  if (typeof value === "string") return redactText(value, token);
  if (value === null || typeof value !== "object") return value;
  if (depth >= MAX_REDACTION_DEPTH) return TOO_DEEP;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, token, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) copy[redactText(key, token)] = redactValue(field, token, depth + 1);
  return copy;
}

const sentTokens = new WeakMap<Response, string>();

/** Records which token the request behind a response carried, for errors built from it later. */
export function rememberSentToken(response: Response, token: string): void {
  sentTokens.set(response, token);
}

/** The token the request behind a response carried, or `null` when the response is not the transport's. */
export function sentTokenOf(response: Response): string | null {
  return sentTokens.get(response) ?? null;
}

/**
 * A copy of a low-level error that is safe to keep as `cause`: its name, message and `code`, with the
 * token redacted, and its own cause treated the same (a few levels deep). Everything else is left
 * out: undici's parser errors carry the raw bytes of a malformed answer, which can echo the request's
 * `Authorization` header.
 */
export function sanitizeCause(cause: unknown, token: string | null, depth = 0): unknown {
  if (!(cause instanceof Error)) return typeof cause === "string" ? redactText(cause, token) : undefined;
  // The same standard class, so that `cause instanceof TypeError` (undici's "fetch failed") still holds.
  const Standard = cause instanceof TypeError ? TypeError : cause instanceof RangeError ? RangeError : Error;
  const copy = new Standard(redactText(cause.message, token), {
    cause: depth < 4 && cause.cause !== undefined ? sanitizeCause(cause.cause, token, depth + 1) : undefined,
  });
  copy.name = cause.name;
  const { code } = cause as { code?: unknown };
  if (typeof code === "string" || typeof code === "number") Object.assign(copy, { code });
  copy.stack = `${copy.name}: ${copy.message}`;
  return copy;
}

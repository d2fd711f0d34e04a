/**
 * Keeping secrets out of errors.
 *
 * Error bodies normally carry no tokens, but a server can answer a token request with a
 * 200 whose body is malformed yet still holds a token, or echo request values back in an
 * error description. Anything a response puts into an error passes through here first.
 */

/** What replaces a secret value in error messages, excerpts and data. */
export const REDACTED = "[REDACTED]";

/** Body fields that carry credentials in OAuth requests and responses. */
const SENSITIVE_FIELDS = new Set([
  "access_token",
  "refresh_token",
  "id_token",
  "token",
  "code",
  "code_verifier",
  "client_secret",
  "client_assertion",
  "assertion",
  "device_code",
  "password",
]);

let sensitivePairPattern: RegExp | undefined;

/**
 * `"access_token": "x"`, `access_token=x`, `'code':'x'`, `"token":["x"`: a sensitive name, a
 * separator, a value. Best effort for text that is not valid JSON (valid JSON is redacted
 * by structure with redactJson). Built on first use: a module-level `new RegExp(...)` would count
 * as a side effect and keep this module in every bundle that imports anything from the package.
 */
function sensitivePair(): RegExp {
  sensitivePairPattern ??= new RegExp(
    `\\b(${[...SENSITIVE_FIELDS].join("|")})(["']?\\s*[:=]\\s*[[{]?\\s*["']?)([^"'&,;\\s}\\]<]+)`,
    "gi",
  );
  return sensitivePairPattern;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Secrets at least this long are replaced wherever they appear, even glued to other characters
 * (`token_<secret>_x`). Shorter values (a one-letter test code, say) are replaced only where they
 * stand alone, so that they do not shred every word containing them.
 */
const GLUED_SECRET_MIN_LENGTH = 8;

function standalonePattern(secret: string): RegExp {
  if (secret.length >= GLUED_SECRET_MIN_LENGTH) return new RegExp(escapeRegExp(secret), "g");
  // The check applies only at an edge that is itself a letter or digit, like \b.
  const before = /^\w/.test(secret) ? "(?<!\\w)" : "";
  const after = /\w$/.test(secret) ? "(?!\\w)" : "";
  return new RegExp(`${before}${escapeRegExp(secret)}${after}`, "g");
}

function replaceSecretValues(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    result = result.replace(standalonePattern(secret), REDACTED);
  }
  return result;
}

/**
 * Every form in which a secret value may come back from a server that echoes the request: as
 * is, form-encoded (`+` for spaces), percent-encoded, and escaped inside a JSON string.
 *
 * @param secret - A secret value as sent.
 * @returns The distinct forms, the value itself first.
 */
export function secretForms(secret: string): string[] {
  const forms = new Set([secret]);
  forms.add(new URLSearchParams({ v: secret }).toString().slice(2));
  forms.add(encodeURIComponent(secret));
  forms.add(JSON.stringify(secret).slice(1, -1));
  return [...forms].filter((form) => form !== "");
}

/**
 * The values of one request that must not leak, in every form a server could echo them
 * ({@link secretForms}): the client secret, the `Basic` credentials built from it, and every
 * sensitive form field (code, code_verifier, refresh_token, token, ...).
 *
 * @param body - The form body that was sent.
 * @param clientSecret - The client secret, or `null` for a public client.
 * @param basicCredentials - The base64 part of the `Authorization: Basic` header sent, if any.
 * @returns The secret values, longest first so that overlapping values are fully replaced.
 */
export function collectSecrets(
  body: URLSearchParams,
  clientSecret: string | null,
  basicCredentials: string | null = null,
): string[] {
  const values = new Set<string>();
  if (clientSecret) values.add(clientSecret);
  if (basicCredentials) values.add(basicCredentials);
  for (const [name, value] of body) {
    if (value !== "" && SENSITIVE_FIELDS.has(name.toLowerCase())) values.add(value);
  }
  const secrets = new Set([...values].flatMap(secretForms));
  return [...secrets].sort((a, b) => b.length - a.length);
}

/**
 * Replaces every occurrence of the given secret values, and every value of a sensitive
 * `name=value` or `"name": "value"` pair, in free text.
 *
 * @param text - Text from a response (an error description, a body excerpt, a cause's message).
 * @param secrets - Values known to be secret, from {@link collectSecrets}.
 * @returns The text with secrets replaced by {@link REDACTED}.
 */
export function redactText(text: string, secrets: readonly string[]): string {
  return replaceSecretValues(text, secrets).replace(sensitivePair(), (_match, name: string, separator: string) => {
    return `${name}${separator}${REDACTED}`;
  });
}

function isSensitiveField(name: string, value: unknown): boolean {
  const lowerName = name.toLowerCase();
  // A numeric `code` is an error number (Zoom's 4733, say), not an authorization code.
  if (lowerName === "code" && typeof value === "number") return false;
  return SENSITIVE_FIELDS.has(lowerName);
}

/** How deep {@link redactJson} copies; anything nested deeper becomes {@link TOO_DEEP}. */
export const MAX_REDACTION_DEPTH = 32;

/** What replaces a value nested deeper than {@link MAX_REDACTION_DEPTH} in redacted JSON. */
export const TOO_DEEP = "[TOO DEEP]";

/**
 * Deep-copies a parsed JSON value, replacing sensitive fields (whatever their type, except
 * for a numeric `code`) and known secret values inside strings. Values nested deeper than
 * {@link MAX_REDACTION_DEPTH} are replaced by {@link TOO_DEEP}, so that no body, however
 * deeply nested, can overflow the stack or slip an unchecked value through.
 *
 * @param value - A parsed JSON value.
 * @param secrets - Values known to be secret, from {@link collectSecrets}.
 * @returns A copy that is safe to keep on an error.
 */
export function redactJson(value: unknown, secrets: readonly string[]): unknown {
  return redactJsonAt(value, secrets, 0);
}

function redactJsonAt(value: unknown, secrets: readonly string[], depth: number): unknown {
  if (typeof value === "string") {
    return replaceSecretValues(value, secrets);
  }
  if (value === null || typeof value !== "object") return value;
  if (depth >= MAX_REDACTION_DEPTH) return TOO_DEEP;
  if (Array.isArray(value)) {
    return value.map((item) => redactJsonAt(item, secrets, depth + 1));
  }
  const copy: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(value)) {
    copy[name] = isSensitiveField(name, field) ? REDACTED : redactJsonAt(field, secrets, depth + 1);
  }
  return copy;
}

/**
 * A copy of a low-level error that is safe to keep as `cause`: its name, message and `code`, with
 * secrets redacted, and its own cause treated the same (a few levels deep). Everything else is left
 * out: undici's parser errors carry the raw bytes of a malformed answer, which can echo the request
 * (its `Authorization` header, its form).
 *
 * @param cause - What fetch or a body read threw.
 * @param secrets - Values known to be secret, from {@link collectSecrets}.
 * @returns An error of the same standard class (`TypeError`, `RangeError`, `DOMException` name kept), or `undefined`.
 */
export function sanitizeCause(cause: unknown, secrets: readonly string[], depth = 0): unknown {
  if (!(cause instanceof Error)) return typeof cause === "string" ? redactText(cause, secrets) : undefined;
  // The same standard class, so that `cause instanceof TypeError` (undici's "fetch failed") still holds.
  const Standard = cause instanceof TypeError ? TypeError : cause instanceof RangeError ? RangeError : Error;
  const copy = new Standard(redactText(cause.message, secrets), {
    cause: depth < 4 && cause.cause !== undefined ? sanitizeCause(cause.cause, secrets, depth + 1) : undefined,
  });
  copy.name = cause.name;
  const { code } = cause as { code?: unknown };
  if (typeof code === "string" || typeof code === "number") Object.assign(copy, { code });
  copy.stack = `${copy.name}: ${copy.message}`;
  return copy;
}

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

// `"access_token": "x"`, `access_token=x`, `'code':'x'`, `"token":["x"`: a sensitive name, a
// separator, a value. Best effort for text that is not valid JSON (valid JSON is redacted
// by structure with redactJson).
const SENSITIVE_PAIR_PATTERN = new RegExp(
  `\\b(${[...SENSITIVE_FIELDS].join("|")})(["']?\\s*[:=]\\s*[[{]?\\s*["']?)([^"'&,;\\s}\\]<]+)`,
  "gi",
);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// A secret value is only replaced where it is not glued to other letters or digits, so
// that a short value (a one-letter test code, say) does not shred every word containing
// it. The check applies only at an edge that is itself a letter or digit, like \b.
function standalonePattern(secret: string): RegExp {
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
 * The values of one request that must not leak: the client secret and every sensitive
 * form field (code, code_verifier, refresh_token, token, ...).
 *
 * @param body - The form body that was sent.
 * @param clientSecret - The client secret, or `null` for a public client.
 * @returns The secret values, longest first so that overlapping values are fully replaced.
 */
export function collectSecrets(body: URLSearchParams, clientSecret: string | null): string[] {
  const secrets = new Set<string>();
  if (clientSecret) secrets.add(clientSecret);
  for (const [name, value] of body) {
    if (value !== "" && SENSITIVE_FIELDS.has(name.toLowerCase())) secrets.add(value);
  }
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
  return replaceSecretValues(text, secrets).replace(SENSITIVE_PAIR_PATTERN, (_match, name: string, separator: string) => {
    return `${name}${separator}${REDACTED}`;
  });
}

function isSensitiveField(name: string, value: unknown): boolean {
  const lowerName = name.toLowerCase();
  // A numeric `code` is an error number (Zoom's 4733, say), not an authorization code.
  if (lowerName === "code" && typeof value === "number") return false;
  return SENSITIVE_FIELDS.has(lowerName);
}

/**
 * Deep-copies a parsed JSON value, replacing sensitive fields (whatever their type, except
 * for a numeric `code`) and known secret values inside strings.
 *
 * @param value - A parsed JSON value.
 * @param secrets - Values known to be secret, from {@link collectSecrets}.
 * @returns A copy that is safe to keep on an error.
 */
export function redactJson(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === "string") {
    return replaceSecretValues(value, secrets);
  }
  if (Array.isArray(value)) {
    return value.map((item) => redactJson(item, secrets));
  }
  if (value !== null && typeof value === "object") {
    const copy: Record<string, unknown> = {};
    for (const [name, field] of Object.entries(value)) {
      copy[name] = isSensitiveField(name, field) ? REDACTED : redactJson(field, secrets);
    }
    return copy;
  }
  return value;
}

/**
 * The spellings a `{meetingId}` path value may take for a meeting UUID. Zoom asks callers to
 * double-encode UUIDs that start with `/` or contain `//`, so after the router's one decoding the
 * value may still be encoded once: both the value and its decoded form are tried.
 */
export function uuidCandidates(value: string): string[] {
  try {
    const decoded = decodeURIComponent(value);
    return decoded === value ? [value] : [value, decoded];
  } catch {
    return [value];
  }
}

/** Zoom writes date-times in UTC without milliseconds: `2026-11-28T10:00:00Z`. */
export function zoomDateTime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

/** The UTC calendar date of an instant, `yyyy-mm-dd`. */
export function utcDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The instant of the next UTC midnight after `ms` (when Zoom's daily limits reset). */
export function nextUtcMidnight(ms: number): number {
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 1);
}

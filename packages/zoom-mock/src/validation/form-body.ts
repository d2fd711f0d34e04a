/**
 * Turns `application/x-www-form-urlencoded` data (a form body or a query string) into the object a
 * JSON Schema describes: one string per name, or an array of strings when a name repeats. Numbers and
 * booleans stay strings here; the validator coerces them where the schema asks for another type.
 */
export function parseFormBody(params: URLSearchParams): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const [name, value] of params) {
    const existing = result[name];
    if (existing === undefined) result[name] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else result[name] = [existing, value];
  }
  return result;
}

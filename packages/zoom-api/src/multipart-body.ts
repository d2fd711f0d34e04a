import { defaultBodySerializer } from "openapi-fetch";

/** A value a multipart part can be made from: a file (`Blob`/`File`), or a text field. */
type MultipartValue = Blob | string | number | boolean;

/**
 * Whether `body` is the object body of one of Zoom's `multipart/form-data` operations: a plain object
 * with at least one `Blob` (a `File` is a `Blob`) among its values. Zoom's JSON bodies never hold a
 * `Blob`, so its presence is what tells an upload apart, without knowing the operation.
 */
export function isMultipartObject(body: unknown): body is Record<string, MultipartValue | undefined> {
  if (typeof body !== "object" || body === null || Array.isArray(body) || body instanceof Blob || body instanceof FormData) return false;
  return Object.values(body).some((value) => value instanceof Blob);
}

/**
 * The `FormData` of an upload body: each `Blob` becomes a file part (named after the `File`, or after
 * the field when it is a bare `Blob`), each string, number or boolean a text part; `undefined` fields
 * are left out, as JSON serialization leaves them out.
 * @throws {TypeError} when a field holds something else (an object or an array), naming the field.
 */
export function toMultipartFormData(body: Readonly<Record<string, unknown>>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(body)) {
    if (value === undefined) continue;
    if (value instanceof Blob) form.append(name, value, value instanceof File ? value.name : name);
    else if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") form.append(name, String(value));
    else throw new TypeError(`multipart body field "${name}" must be a Blob, a string, a number or a boolean`);
  }
  return form;
}

/**
 * The client's body serializer: a `FormData` is sent as it is, an upload object (see
 * {@link isMultipartObject}) as `multipart/form-data`, anything else as openapi-fetch sends it (JSON).
 * `fetch` sets the multipart `Content-Type` with its boundary itself.
 */
export function serializeZoomBody(body: unknown, headers?: Headers | Record<string, string>): string | FormData {
  if (isMultipartObject(body)) return toMultipartFormData(body);
  // openapi-fetch's declaration omits the headers argument its implementation reads (for form bodies).
  return (defaultBodySerializer as (body: unknown, headers?: Headers | Record<string, string>) => string | FormData)(body, headers);
}

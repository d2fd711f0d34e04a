import { createZoomApiError } from "./zoom-api-error.js";

/** The shape of what openapi-fetch's methods resolve to. */
export interface ZoomFetchResult {
  /** The parsed 2xx body. */
  readonly data?: unknown;
  /** The parsed non-2xx body. */
  readonly error?: unknown;
  /** The final response (after retries). */
  readonly response: Response;
}

/** The success payload type of an openapi-fetch result. */
export type DataOf<Result> = Result extends { data: infer Data } ? Data : never;

/**
 * Returns a call's `data`, or throws the {@link ZoomApiError} for its non-2xx answer.
 *
 * @example
 * ```ts
 * const me = await unwrap(client.GET("/users/me"));
 * ```
 * @param result - the promise an openapi-fetch method returns, or its settled result.
 * @throws {ZoomApiError} when the response is not 2xx.
 */
export function unwrap<Result extends ZoomFetchResult>(result: Promise<Result>): Promise<DataOf<Result>>;
export function unwrap<Result extends ZoomFetchResult>(result: Result): DataOf<Result>;
export function unwrap<Result extends ZoomFetchResult>(
  result: Result | Promise<Result>,
): DataOf<Result> | Promise<DataOf<Result>> {
  if (isPromiseLike(result)) return Promise.resolve(result).then(unwrapSettled);
  return unwrapSettled(result);
}

function unwrapSettled<Result extends ZoomFetchResult>(result: Result): DataOf<Result> {
  if (!result.response.ok) throw createZoomApiError(result.response, result.error);
  return result.data as DataOf<Result>;
}

function isPromiseLike<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as { then?: unknown }).then === "function";
}

import type { ApiModel } from "./model/api-model.js";
import type { MultipartBody } from "./multipart-body.js";
import type { MockApiUser } from "./model/user-directory.js";

/** Who is calling: the user and account behind the bearer token. */
export interface ApiCaller {
  /** The token's user; `null` for app-only tokens, for which `me` resolves to nobody. */
  userId: string | null;
  accountId: string;
  /** The app the token was issued to. */
  clientId: string;
  scopes: readonly string[];
}

/** A request as an operation sees it: already authenticated and validated against the spec. */
export interface ApiOperationRequest {
  operationId: string;
  /** Path parameters, decoded (`{ userId: "me" }`). */
  path: Readonly<Record<string, string>>;
  query: URLSearchParams;
  /** The parsed JSON body, or `undefined` when there is none. */
  body: unknown;
  /** A `multipart/form-data` body (uploads), or `undefined` for any other. */
  form?: MultipartBody;
  caller: ApiCaller;
}

/** What an operation answers: a status, an optional JSON body and extra headers. */
export interface ApiOperationResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** One operation of the spec: a thin adapter from the request to the model's rules. */
export type ApiOperation = (request: ApiOperationRequest, model: ApiModel) => ApiOperationResult;

/** A 200 with a JSON body. */
export function ok(body: unknown): ApiOperationResult {
  return { status: 200, body };
}

/** A 201 with the created resource. */
export function created(body: unknown): ApiOperationResult {
  return { status: 201, body };
}

/** A 204 with no body (Zoom's answer to PATCH, PUT and DELETE). */
export function noContent(): ApiOperationResult {
  return { status: 204 };
}

/** A path parameter the route template guarantees. */
export function pathParam(request: ApiOperationRequest, name: string): string {
  const value = request.path[name];
  if (value === undefined) throw new TypeError(`operation ${request.operationId}: path parameter ${name} is missing`);
  return value;
}

/** A query parameter as a string, or `undefined` when absent or empty. */
export function queryString(request: ApiOperationRequest, name: string): string | undefined {
  const value = request.query.get(name);
  return value === null || value === "" ? undefined : value;
}

/** A query parameter as an integer (the spec validator has already checked the type). */
export function queryInteger(request: ApiOperationRequest, name: string): number | undefined {
  const value = queryString(request, name);
  return value === undefined ? undefined : Number(value);
}

/** A query parameter as a boolean. */
export function queryBoolean(request: ApiOperationRequest, name: string): boolean | undefined {
  const value = queryString(request, name);
  return value === undefined ? undefined : value === "true";
}

/** `page_size` and `next_page_token` as the model's pagination wants them. */
export function pageOf(request: ApiOperationRequest) {
  return { pageSize: queryInteger(request, "page_size"), nextPageToken: queryString(request, "next_page_token") };
}

/** The JSON body as an object (validated against the spec before the operation runs). */
export function bodyObject<T>(request: ApiOperationRequest): T {
  return (request.body ?? {}) as T;
}

/** The multipart body of an upload, or an empty one when the request had none. */
export function multipartOf(request: ApiOperationRequest): MultipartBody {
  return request.form ?? { fields: {}, files: {} };
}

/** The caller's user id, or `""` for app-only tokens (so `me` resolves to nobody). */
export function callerId(request: ApiOperationRequest): string {
  return request.caller.userId ?? "";
}

/** The user the `{userId}` path parameter names: by id or email, or `me` for the caller (404 when unknown). */
export function pathUser(request: ApiOperationRequest, model: ApiModel): MockApiUser {
  return model.users.resolve(pathParam(request, "userId"), callerId(request));
}

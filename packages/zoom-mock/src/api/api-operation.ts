import type { ApiModel } from "./model/api-model.js";
import type { OperationId, RequestBodyOf } from "./model/request-bodies.js";

export type { OperationId, RequestBodyOf } from "./model/request-bodies.js";
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

/**
 * A request as an operation sees it: already authenticated and validated against the spec. Inside the
 * mock's operation table `Body` is the operation's generated request body type; the default `unknown`
 * is what a request of any operation carries.
 */
export interface ApiOperationRequest<Body = unknown> {
  operationId: string;
  /** Path parameters, decoded (`{ userId: "me" }`). */
  path: Readonly<Record<string, string>>;
  query: URLSearchParams;
  /** The parsed JSON body (already valid against the spec), or `undefined` when there is none. */
  body: Body;
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
export type ApiOperation<Body = unknown> = (request: ApiOperationRequest<Body>, model: ApiModel) => ApiOperationResult;

/**
 * Some operations of the spec, by operationId, each seeing its own request body type. Groups of
 * operations are checked with `satisfies ApiOperationGroup`, so an operationId the spec does not
 * declare is a compile error where it is written.
 */
export type ApiOperationGroup = { readonly [Id in OperationId]?: ApiOperation<RequestBodyOf<Id>> };

/** Every operation of the spec, by operationId: one the mock does not implement is a compile error. */
export type ApiOperationTable = { readonly [Id in OperationId]: ApiOperation<RequestBodyOf<Id>> };

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

/**
 * The JSON body (validated against the spec before the operation runs), typed as the spec declares it;
 * an optional body that was not sent reads as an empty object, which the spec's optional fields allow.
 */
export function bodyObject<Body extends object | undefined>(request: ApiOperationRequest<Body>): NonNullable<Body> {
  return (request.body ?? {}) as NonNullable<Body>;
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

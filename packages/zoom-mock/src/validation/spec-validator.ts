import type { ErrorObject, ValidateFunction } from "ajv";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { parseFormBody } from "./form-body.js";
import type {
  JsonSchema,
  OpenApiDocument,
  OpenApiHeader,
  OpenApiMediaType,
  OpenApiParameter,
  OpenApiReference,
  OpenApiRequestBody,
  OpenApiResponse,
  ParameterLocation,
} from "./openapi-document.js";
import { createPathMatcher, type MatchedOperation } from "./path-matcher.js";

export type { MatchedOperation } from "./path-matcher.js";

/** Which side of an exchange broke the contract. */
export type ViolationSide = "request" | "response";

/** What part of the message a violation is about. */
export type ViolationLocation = "route" | "path" | "query" | "header" | "security" | "body" | "status" | "content-type";

/**
 * The rule a violation breaks: the JSON Schema keyword that failed (`required`, `type`, `enum`,
 * `maximum`, `pattern`, `additionalProperties`...), or one of the spec's own rules: `operation` (no
 * operation of the spec matches), `security`, `content-type`, `body-required`, `body-parse` (not valid
 * in its media type), `body-undeclared`, `status` (an undeclared response status), `header-required`.
 */
export type ViolationRule = string;

/**
 * One way a request or response does not match the spec, as data: what was called, where the fault
 * is, which rule it breaks, and a sentence for people. Values are never quoted (they may be secrets).
 */
export interface SpecViolation {
  side: ViolationSide;
  /** `"POST /oauth/token"`: the method and the spec's path template. */
  operation: string;
  /** The matched operation's `operationId`; `undefined` when no operation matched or it has none. */
  operationId: string | undefined;
  location: ViolationLocation;
  /**
   * The field at fault inside `location`, dotted: `page_size`, `settings.approval_type`,
   * `recurrence.type`, `x-zm-trackingid`; for a missing property, the property itself. `""` when the
   * violation is about the whole location (a body that is missing or is not JSON, an undeclared status).
   */
  field: string;
  rule: ViolationRule;
  /** A sentence naming what is wrong, e.g. `body must have required property 'code_verifier'`. */
  message: string;
}

/** The parts of a request the validator reads (the body already read as text). */
export interface RequestSnapshot {
  method: string;
  url: URL | string;
  headers: Headers;
  bodyText: string | null;
  /**
   * A `multipart/form-data` body, parsed (file parts keep their bytes, which the text would not);
   * absent for other bodies, and for a multipart body that does not parse.
   */
  form?: FormData;
}

/** The parts of a response the validator reads (the body already read as text). */
export interface ResponseSnapshot {
  status: number;
  headers: Headers;
  bodyText: string | null;
}

/** Options of {@link createSpecValidator}. */
export interface SpecValidatorOptions {
  /** Check the operation's `security` requirements (presence of Basic/Bearer credentials). Default true. */
  checkSecurity?: boolean;
}

/** Options of one {@link SpecValidator.validateRequest} call. */
export interface RequestValidationOptions {
  /**
   * Check the operation's `security` requirements for this request (default: the validator's
   * `checkSecurity`). The mock's API routes turn it off: they check the token themselves and answer
   * as Zoom does (401 code 124) rather than with a violation.
   */
  checkSecurity?: boolean;
}

/** Validates requests and responses against one OpenAPI document. */
export interface SpecValidator {
  readonly spec: OpenApiDocument;
  /** The path of the spec's first server URL (`/v2` for `https://api.zoom.us/v2`), stripped before matching. */
  readonly basePath: string;
  /** The operation for a method and a request path (with or without the base path), or `null`. */
  matchOperation(method: string, pathOrUrl: string | URL): MatchedOperation | null;
  /** Violations of a request; an unknown route is itself a violation. */
  validateRequest(request: RequestSnapshot, match?: MatchedOperation | null, options?: RequestValidationOptions): SpecViolation[];
  /** Violations of a response to `match`'s operation: undeclared status, body schema, required headers. */
  validateResponse(response: ResponseSnapshot, match: MatchedOperation): SpecViolation[];
}

const SPEC_ID = "urn:zoom-mock:spec";

interface CompiledOperation {
  parameters: Record<Exclude<ParameterLocation, "cookie">, ValidateFunction | null>;
  body: Map<string, ValidateFunction> | null;
  bodyRequired: boolean;
}

function isReference(value: unknown): value is OpenApiReference {
  return typeof value === "object" && value !== null && typeof (value as { $ref?: unknown }).$ref === "string";
}

/** `application/json; charset=utf-8` -> `application/json`. */
function mediaTypeOf(contentType: string | null): string | null {
  if (!contentType) return null;
  return contentType.split(";")[0]?.trim().toLowerCase() || null;
}

function isJsonMediaType(mediaType: string): boolean {
  return mediaType === "application/json" || mediaType.endsWith("+json");
}

/** Rewrites local `#/...` references so they resolve against the spec registered in ajv. */
function rebaseRefs(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rebaseRefs);
  if (typeof schema !== "object" || schema === null) return schema;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    copy[key] = key === "$ref" && typeof value === "string" && value.startsWith("#") ? `${SPEC_ID}${value}` : rebaseRefs(value);
  }
  return copy;
}

/** What a violation says about where it is and what it breaks. */
type ViolationDetail = Pick<SpecViolation, "field" | "rule" | "message">;

/**
 * The field an ajv error is about, dotted (`/settings/approval_type` -> `settings.approval_type`); a
 * missing property (`required`) or discriminator names the property itself.
 */
export function schemaErrorField(error: ErrorObject): string {
  const path = error.instancePath.split("/").slice(1);
  const params = error.params as Record<string, unknown>;
  if (error.keyword === "required" && typeof params.missingProperty === "string") path.push(params.missingProperty);
  if (error.keyword === "discriminator" && typeof params.tag === "string") path.push(params.tag);
  return path.join(".");
}

/** An ajv error as a violation's detail; `subject` prefixes the message (`query`, `body`, `header x-zm-trackingid`). */
function schemaErrorDetail(subject: string, error: ErrorObject, fieldPrefix = ""): ViolationDetail {
  const where = `${subject}${error.instancePath ? error.instancePath.replace(/\//g, ".") : ""}`;
  const params = error.params as Record<string, unknown>;
  const field = [fieldPrefix, schemaErrorField(error)].filter((part) => part !== "").join(".");
  const detail = (message: string): ViolationDetail => ({ field, rule: error.keyword, message });
  if (error.keyword === "additionalProperties") return detail(`${where} must not have property '${String(params.additionalProperty)}'`);
  if (error.keyword === "enum") return detail(`${where} must be one of ${JSON.stringify(params.allowedValues)}`);
  if (error.keyword === "discriminator") {
    return detail(`${where}.${String(params.tag)} must be present and name one of the alternatives of oneOf`);
  }
  if (error.keyword === "const") return detail(`${where} must be ${JSON.stringify(params.allowedValue)}`);
  return detail(`${where} ${error.message ?? "is invalid"}`);
}

/** A violation's detail for a rule of the spec itself (not of a schema): about the whole location. */
function specRule(rule: ViolationRule, message: string): ViolationDetail {
  return { field: "", rule, message };
}

/**
 * Builds a validator for one OpenAPI 3.1 document (JSON Schema draft 2020-12 through ajv).
 * Schemas are compiled once per operation, on first use, and reused for every later request.
 * Query, path, header and form values arrive as strings and are coerced where the schema says
 * integer, number or boolean; JSON bodies are validated as they are, without coercion.
 */
export function createSpecValidator(spec: OpenApiDocument, options: SpecValidatorOptions = {}): SpecValidator {
  const checkSecurity = options.checkSecurity ?? true;
  const makeAjv = (coerce: boolean) => {
    const ajv = new Ajv2020({
      strict: false,
      allErrors: true,
      discriminator: true,
      coerceTypes: coerce ? "array" : false,
      validateSchema: false,
    });
    addFormats(ajv);
    // OpenAPI's numeric and password formats are annotations, not checks.
    for (const format of ["int32", "int64", "float", "double", "password"]) ajv.addFormat(format, true);
    ajv.addSchema(spec as unknown as object, SPEC_ID);
    return ajv;
  };
  const jsonAjv = makeAjv(false);
  const coercingAjv = makeAjv(true);

  const { basePath, match: matchOperation } = createPathMatcher(spec);

  const compiled = new Map<string, CompiledOperation>();

  const resolve = <T>(value: T | OpenApiReference): T | null => {
    if (!isReference(value)) return value;
    if (!value.$ref.startsWith("#/")) return null;
    let node: unknown = spec;
    for (const raw of value.$ref.slice(2).split("/")) {
      const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
      node = typeof node === "object" && node !== null ? (node as Record<string, unknown>)[key] : undefined;
    }
    return (node as T | undefined) ?? null;
  };

  const parametersOf = (match: MatchedOperation): OpenApiParameter[] => {
    const shared = spec.paths?.[match.pathTemplate]?.parameters ?? [];
    const own = match.operation.parameters ?? [];
    const byKey = new Map<string, OpenApiParameter>();
    for (const raw of [...shared, ...own]) {
      const parameter = resolve(raw);
      if (parameter) byKey.set(`${parameter.in}:${parameter.in === "header" ? parameter.name.toLowerCase() : parameter.name}`, parameter);
    }
    return [...byKey.values()];
  };

  const compileOperation = (match: MatchedOperation): CompiledOperation => {
    const key = `${match.method} ${match.pathTemplate}`;
    const cached = compiled.get(key);
    if (cached) return cached;
    const parameters = parametersOf(match);
    const compileLocation = (location: Exclude<ParameterLocation, "cookie">): ValidateFunction | null => {
      const own = parameters.filter((parameter) => parameter.in === location);
      if (own.length === 0) return null;
      const properties: Record<string, unknown> = {};
      const required: string[] = [];
      for (const parameter of own) {
        const name = location === "header" ? parameter.name.toLowerCase() : parameter.name;
        properties[name] = rebaseRefs(parameter.schema ?? {});
        if (parameter.required || location === "path") required.push(name);
      }
      return coercingAjv.compile({ type: "object", properties, required });
    };
    const requestBody = match.operation.requestBody ? resolve<OpenApiRequestBody>(match.operation.requestBody) : null;
    let body: Map<string, ValidateFunction> | null = null;
    if (requestBody) {
      body = new Map();
      for (const [mediaType, media] of Object.entries(requestBody.content ?? {})) {
        const ajv = isJsonMediaType(mediaType) ? jsonAjv : coercingAjv;
        body.set(mediaType.toLowerCase(), ajv.compile(rebaseRefs(media.schema ?? {}) as object));
      }
    }
    const result: CompiledOperation = {
      parameters: {
        path: compileLocation("path"),
        query: compileLocation("query"),
        header: compileLocation("header"),
      },
      body,
      bodyRequired: requestBody?.required ?? false,
    };
    compiled.set(key, result);
    return result;
  };

  const responseValidators = new Map<string, ValidateFunction>();
  const compileResponseSchema = (cacheKey: string, schema: JsonSchema, coerce: boolean): ValidateFunction => {
    let validate = responseValidators.get(cacheKey);
    if (!validate) {
      validate = (coerce ? coercingAjv : jsonAjv).compile(rebaseRefs(schema) as object);
      responseValidators.set(cacheKey, validate);
    }
    return validate;
  };

  const securitySatisfied = (match: MatchedOperation, headers: Headers, query: URLSearchParams): boolean => {
    const requirements = match.operation.security ?? spec.security;
    if (!requirements || requirements.length === 0) return true;
    const authorization = headers.get("authorization") ?? "";
    return requirements.some((requirement) =>
      Object.keys(requirement).every((schemeName) => {
        const scheme = spec.components?.securitySchemes?.[schemeName];
        if (!scheme) return false;
        if (scheme.type === "http" && scheme.scheme?.toLowerCase() === "basic") return /^basic \S+$/i.test(authorization);
        if (scheme.type === "http" || scheme.type === "oauth2" || scheme.type === "openIdConnect") {
          return /^bearer \S+$/i.test(authorization);
        }
        if (scheme.type === "apiKey") {
          const name = String(scheme.name ?? "");
          return scheme.in === "query" ? query.has(name) : headers.has(name);
        }
        return false;
      }),
    );
  };

  const validateRequest = (request: RequestSnapshot, given?: MatchedOperation | null, callOptions: RequestValidationOptions = {}): SpecViolation[] => {
    const url = typeof request.url === "string" ? new URL(request.url) : request.url;
    const match = given ?? matchOperation(request.method, url);
    if (!match) {
      return [
        {
          side: "request",
          operation: `${request.method.toUpperCase()} ${url.pathname}`,
          operationId: undefined,
          location: "route",
          field: "",
          rule: "operation",
          message: `${request.method.toUpperCase()} ${url.pathname} is not an operation of the spec`,
        },
      ];
    }
    const violations: SpecViolation[] = [];
    const add = (location: ViolationLocation, detail: ViolationDetail) =>
      violations.push({ side: "request", operation: match.label, operationId: match.operationId, location, ...detail });
    const compiledOperation = compileOperation(match);

    const check = (location: "path" | "query" | "header", data: Record<string, unknown>) => {
      const validate = compiledOperation.parameters[location];
      if (validate && !validate(data)) {
        for (const error of validate.errors ?? []) add(location, schemaErrorDetail(location, error));
      }
    };
    check("path", { ...match.pathParams });
    check("query", parseFormBody(url.searchParams));
    const headerValues: Record<string, unknown> = {};
    request.headers.forEach((value, name) => {
      headerValues[name.toLowerCase()] = value;
    });
    check("header", headerValues);

    if ((callOptions.checkSecurity ?? checkSecurity) && !securitySatisfied(match, request.headers, url.searchParams)) {
      add("security", specRule("security", "credentials required by the operation's security are missing (Authorization header)"));
    }

    const hasBody = request.bodyText !== null && request.bodyText !== "";
    if (compiledOperation.body) {
      if (!hasBody) {
        if (compiledOperation.bodyRequired) add("body", specRule("body-required", "body is required"));
      } else {
        const mediaType = mediaTypeOf(request.headers.get("content-type"));
        const validate = mediaType ? compiledOperation.body.get(mediaType) : undefined;
        if (!mediaType || !validate) {
          add(
            "content-type",
            specRule("content-type", `content type ${mediaType ?? "(none)"} is not one of ${[...compiledOperation.body.keys()].join(", ")}`),
          );
        } else {
          const parsed = mediaType === MULTIPART ? parseMultipart(request.form) : parseBody(mediaType, request.bodyText ?? "");
          if (!parsed.ok) add("body", specRule("body-parse", `body is not valid ${mediaType}`));
          else if (!validate(parsed.value)) {
            for (const error of validate.errors ?? []) add("body", schemaErrorDetail("body", error));
          }
        }
      }
    } else if (hasBody && match.method !== "get" && match.method !== "head") {
      add("body", specRule("body-undeclared", "body is not declared for this operation"));
    }
    return violations;
  };

  const validateResponse = (response: ResponseSnapshot, match: MatchedOperation): SpecViolation[] => {
    const violations: SpecViolation[] = [];
    const add = (location: ViolationLocation, detail: ViolationDetail) =>
      violations.push({ side: "response", operation: match.label, operationId: match.operationId, location, ...detail });
    const responses = match.operation.responses ?? {};
    const statusKey = String(response.status);
    const rangeKey = `${statusKey[0]}XX`;
    const declaredKey = [statusKey, rangeKey, rangeKey.toLowerCase(), "default"].find((key) => key in responses);
    const declared = declaredKey ? resolve<OpenApiResponse>(responses[declaredKey] as OpenApiResponse) : null;
    if (!declaredKey || !declared) {
      add("status", specRule("status", `status ${statusKey} is not declared (declared: ${Object.keys(responses).join(", ")})`));
      return violations;
    }
    for (const [name, rawHeader] of Object.entries(declared.headers ?? {})) {
      const header = resolve<OpenApiHeader>(rawHeader);
      if (!header) continue;
      const value = response.headers.get(name);
      if (value === null) {
        if (header.required) add("header", { field: name, rule: "header-required", message: `header ${name} is required for status ${statusKey}` });
        continue;
      }
      if (header.schema !== undefined) {
        const validate = compileResponseSchema(`${match.label} ${declaredKey} header ${name}`, header.schema, true);
        if (!validate(value)) for (const error of validate.errors ?? []) add("header", schemaErrorDetail(`header ${name}`, error, name));
      }
    }
    const hasBody = response.bodyText !== null && response.bodyText !== "";
    const content = declared.content;
    if (!content || Object.keys(content).length === 0) {
      if (hasBody) add("body", specRule("body-undeclared", `status ${statusKey} declares no body`));
      return violations;
    }
    const mediaType = mediaTypeOf(response.headers.get("content-type"));
    const media: OpenApiMediaType | undefined = mediaType ? content[mediaType] : undefined;
    if (!mediaType || !media) {
      add("content-type", specRule("content-type", `content type ${mediaType ?? "(none)"} is not one of ${Object.keys(content).join(", ")}`));
      return violations;
    }
    if (media.schema === undefined || !isJsonMediaType(mediaType)) return violations;
    const parsed = parseBody(mediaType, response.bodyText ?? "");
    if (!parsed.ok) {
      add("body", specRule("body-parse", `body is not valid ${mediaType}`));
      return violations;
    }
    const validate = compileResponseSchema(`${match.label} ${declaredKey} ${mediaType}`, media.schema, false);
    if (!validate(parsed.value)) for (const error of validate.errors ?? []) add("body", schemaErrorDetail("body", error));
    return violations;
  };

  return { spec, basePath, matchOperation, validateRequest, validateResponse };
}

const MULTIPART = "multipart/form-data";

/**
 * A multipart body as the object its schema describes: a text part is its string (coerced like a form
 * field), a file part its file name, so a `type: string, format: binary` part validates; whether a part
 * really is a file is the operation's rule (Zoom answers its own error code for that).
 */
function parseMultipart(form: FormData | undefined): { ok: true; value: unknown } | { ok: false } {
  if (form === undefined) return { ok: false };
  const value: Record<string, string | string[]> = {};
  for (const [name, part] of form) {
    const text = typeof part === "string" ? part : part.name;
    const existing = value[name];
    if (existing === undefined) value[name] = text;
    else if (Array.isArray(existing)) existing.push(text);
    else value[name] = [existing, text];
  }
  return { ok: true, value };
}

function parseBody(mediaType: string, text: string): { ok: true; value: unknown } | { ok: false } {
  if (isJsonMediaType(mediaType)) {
    try {
      return { ok: true, value: JSON.parse(text) as unknown };
    } catch {
      return { ok: false };
    }
  }
  if (mediaType === "application/x-www-form-urlencoded") return { ok: true, value: parseFormBody(new URLSearchParams(text)) };
  return { ok: true, value: text };
}

/**
 * Reads a request's body as text without consuming the original (handlers read it too), and a
 * `multipart/form-data` body also as `FormData`.
 */
export async function snapshotRequest(request: Request): Promise<RequestSnapshot> {
  const hasBody = request.method !== "GET" && request.method !== "HEAD" && request.body !== null;
  const snapshot: RequestSnapshot = {
    method: request.method,
    url: new URL(request.url),
    headers: request.headers,
    bodyText: hasBody ? await request.clone().text() : null,
  };
  if (hasBody && mediaTypeOf(request.headers.get("content-type")) === MULTIPART) {
    try {
      snapshot.form = await request.clone().formData();
    } catch {
      // A body that does not parse as multipart stays without `form`: the validator reports it.
    }
  }
  return snapshot;
}

/** Reads a response's body as text without consuming the original. */
export async function snapshotResponse(response: Response): Promise<ResponseSnapshot> {
  return {
    status: response.status,
    headers: response.headers,
    bodyText: response.body === null ? null : await response.clone().text(),
  };
}

/**
 * The parts of an OpenAPI 3.1 document the validator reads. Schemas stay `unknown`-valued JSON: ajv
 * compiles them, so they need no TypeScript shape here.
 */

/** A JSON Schema (draft 2020-12, as OpenAPI 3.1 uses it). */
export type JsonSchema = { [keyword: string]: unknown } | boolean;

/** Where a parameter is read from. */
export type ParameterLocation = "path" | "query" | "header" | "cookie";

/** An operation or path parameter. */
export interface OpenApiParameter {
  name: string;
  in: ParameterLocation;
  required?: boolean;
  schema?: JsonSchema;
  description?: string;
  [extension: string]: unknown;
}

/** A reference to a component. */
export interface OpenApiReference {
  $ref: string;
}

/** A media type entry of a body. */
export interface OpenApiMediaType {
  schema?: JsonSchema;
  [key: string]: unknown;
}

/** A request body. */
export interface OpenApiRequestBody {
  required?: boolean;
  content: Record<string, OpenApiMediaType>;
  [key: string]: unknown;
}

/** A response header. */
export interface OpenApiHeader {
  required?: boolean;
  schema?: JsonSchema;
  [key: string]: unknown;
}

/** One response of an operation. */
export interface OpenApiResponse {
  description?: string;
  headers?: Record<string, OpenApiHeader | OpenApiReference>;
  content?: Record<string, OpenApiMediaType>;
  [key: string]: unknown;
}

/** An operation. */
export interface OpenApiOperation {
  operationId?: string;
  summary?: string;
  parameters?: Array<OpenApiParameter | OpenApiReference>;
  requestBody?: OpenApiRequestBody | OpenApiReference;
  responses?: Record<string, OpenApiResponse | OpenApiReference>;
  security?: Array<Record<string, string[]>>;
  [key: string]: unknown;
}

/** The HTTP methods an OpenAPI path item can hold. */
export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

/** One of {@link HTTP_METHODS}. */
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** A path item: operations by method plus shared parameters. */
export type OpenApiPathItem = {
  parameters?: Array<OpenApiParameter | OpenApiReference>;
  [key: string]: unknown;
} & Partial<Record<HttpMethod, OpenApiOperation>>;

/** An OpenAPI 3.x document. */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; [key: string]: unknown };
  servers?: Array<{ url: string; [key: string]: unknown }>;
  paths?: Record<string, OpenApiPathItem>;
  components?: {
    schemas?: Record<string, JsonSchema>;
    parameters?: Record<string, OpenApiParameter>;
    responses?: Record<string, OpenApiResponse>;
    requestBodies?: Record<string, OpenApiRequestBody>;
    headers?: Record<string, OpenApiHeader>;
    securitySchemes?: Record<string, { type: string; scheme?: string; [key: string]: unknown }>;
    [key: string]: unknown;
  };
  security?: Array<Record<string, string[]>>;
  [key: string]: unknown;
}

// Compares the project's spec with upstream (Zoom's published) documents, operation by operation.
import { HTTP_METHODS } from "./openapi-documents.mjs";
import { flattenSchema, isObject, requiredFields, resolveRef } from "./schema-fields.mjs";

/**
 * @typedef {import("./openapi-documents.mjs").LoadedDocument} LoadedDocument
 * @typedef {{ method: string, path: string, operationId: string | null, operation: Record<string, any>, pathItem: Record<string, any>, source: LoadedDocument }} OperationRef
 * @typedef {"missing" | "extra" | "type" | "enum" | "required" | "operationId"} MismatchKind
 * @typedef {{ kind: MismatchKind, where: string, ours: string | null, upstream: string | null }} Mismatch
 * @typedef {{ ours: OperationRef, upstream: OperationRef, mismatches: Mismatch[] }} CoveredOperation
 * @typedef {{ covered: CoveredOperation[], uncovered: OperationRef[], notUpstream: OperationRef[] }} SpecDiff
 */

/**
 * Matches every operation of `ours` with an upstream one (same method and path template; a literal `me`
 * segment here matches a `{userId}` template upstream) and compares parameters, request bodies and 2xx
 * response bodies field by field.
 * @param {LoadedDocument} ours
 * @param {LoadedDocument[]} upstream
 * @returns {SpecDiff}
 */
export function diffSpecs(ours, upstream) {
  /** @type {Map<string, OperationRef>} */
  const upstreamByKey = new Map();
  for (const source of upstream) {
    for (const op of listOperations(source)) {
      const key = operationKey(op.method, op.path);
      if (!upstreamByKey.has(key)) upstreamByKey.set(key, op);
    }
  }
  /** @type {CoveredOperation[]} */
  const covered = [];
  /** @type {OperationRef[]} */
  const notUpstream = [];
  /** @type {Set<OperationRef>} */
  const matched = new Set();
  for (const op of listOperations(ours)) {
    const found = findUpstream(op, upstreamByKey);
    if (!found) {
      notUpstream.push(op);
      continue;
    }
    matched.add(found.upstream);
    covered.push({ ours: op, upstream: found.upstream, mismatches: compareOperations(op, found.upstream, found.substituted) });
  }
  const uncovered = [...upstreamByKey.values()].filter((op) => !matched.has(op));
  return { covered, uncovered, notUpstream };
}

/** Whether a diff should fail a build: any mismatch in a covered operation, or an operation Zoom does not publish. @param {SpecDiff} diff */
export function hasFailures(diff) {
  return diff.notUpstream.length > 0 || diff.covered.some((c) => c.mismatches.length > 0);
}

/** @param {LoadedDocument} source @returns {OperationRef[]} */
function listOperations(source) {
  /** @type {OperationRef[]} */
  const out = [];
  for (const [path, rawItem] of Object.entries(source.document.paths ?? {})) {
    const pathItem = resolveRef(source.document, rawItem);
    if (!isObject(pathItem)) continue;
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (!isObject(operation)) continue;
      const operationId = typeof operation.operationId === "string" ? operation.operationId : null;
      out.push({ method: method.toUpperCase(), path, operationId, operation, pathItem, source });
    }
  }
  return out;
}

/** `GET /users/{}` for `GET /users/{userId}`: templates compare by position, not by name. @param {string} method @param {string} path */
function operationKey(method, path) {
  return `${method.toUpperCase()} ${path.replace(/\{[^}]+\}/g, "{}")}`;
}

/**
 * @param {OperationRef} op
 * @param {Map<string, OperationRef>} upstreamByKey
 * @returns {{ upstream: OperationRef, substituted: Set<string> } | null}
 */
function findUpstream(op, upstreamByKey) {
  const exact = upstreamByKey.get(operationKey(op.method, op.path));
  if (exact) return { upstream: exact, substituted: new Set() };
  const segments = op.path.split("/");
  const meAt = segments.flatMap((segment, i) => (segment === "me" ? [i] : []));
  if (meAt.length === 0) return null;
  const templated = segments.map((segment, i) => (meAt.includes(i) ? "{}" : segment)).join("/");
  const candidate = upstreamByKey.get(operationKey(op.method, templated));
  if (!candidate) return null;
  const upstreamSegments = candidate.path.split("/");
  const substituted = new Set(meAt.map((i) => (upstreamSegments[i] ?? "").replace(/^\{|\}$/g, "")));
  // `me` stands for a user only: do not let it match e.g. a `{meetingId}` template.
  if (![...substituted].every((name) => name === "userId")) return null;
  return { upstream: candidate, substituted };
}

/**
 * @param {OperationRef} ours
 * @param {OperationRef} upstream
 * @param {Set<string>} substituted upstream path parameters that `ours` replaced with a literal
 * @returns {Mismatch[]}
 */
function compareOperations(ours, upstream, substituted) {
  /** @type {Mismatch[]} */
  const mismatches = [];
  if (substituted.size === 0 && ours.operationId !== upstream.operationId) {
    mismatches.push({ kind: "operationId", where: "operationId", ours: ours.operationId, upstream: upstream.operationId });
  }
  const ourParams = parameterShapes(ours);
  const theirParams = parameterShapes(upstream);
  for (const name of substituted) theirParams.delete(`path ${name}`);
  compareShapes(ourParams, theirParams, (key) => `parameter ${key}`, mismatches);
  compareRequired(ourParams, theirParams, (key) => `parameter ${key}`, mismatches);

  compareBodies(bodyContents(ours.source, ours.operation.requestBody), bodyContents(upstream.source, upstream.operation.requestBody), ours, upstream, REQUEST_BODY, mismatches);

  const ourResponses = successResponses(ours);
  const theirResponses = successResponses(upstream);
  for (const status of union(ourResponses.keys(), theirResponses.keys())) {
    compareBodies(ourResponses.get(status) ?? null, theirResponses.get(status) ?? null, ours, upstream, `response ${status}`, mismatches);
  }
  return mismatches;
}

/**
 * @param {Map<string, unknown> | null} ourContents media type -> schema
 * @param {Map<string, unknown> | null} theirContents
 * @param {OperationRef} ours
 * @param {OperationRef} upstream
 * @param {string} label
 * @param {Mismatch[]} mismatches
 */
function compareBodies(ourContents, theirContents, ours, upstream, label, mismatches) {
  if (!ourContents && !theirContents) return;
  if (!ourContents || !theirContents) {
    mismatches.push({ kind: ourContents ? "extra" : "missing", where: label, ours: ourContents ? "declared" : null, upstream: theirContents ? "declared" : null });
    return;
  }
  for (const mediaType of union(ourContents.keys(), theirContents.keys())) {
    const where = `${label} ${mediaType}`;
    if (!ourContents.has(mediaType) || !theirContents.has(mediaType)) {
      mismatches.push({ kind: ourContents.has(mediaType) ? "extra" : "missing", where, ours: ourContents.has(mediaType) ? "declared" : null, upstream: theirContents.has(mediaType) ? "declared" : null });
      continue;
    }
    const ourFields = flattenSchema(ours.source.document, ourContents.get(mediaType));
    const theirFields = flattenSchema(upstream.source.document, theirContents.get(mediaType));
    const describe = (/** @type {string} */ field) => `${where}: ${field || "(body)"}`;
    compareShapes(ourFields, theirFields, describe, mismatches);
    if (label === REQUEST_BODY) {
      const ourRequired = requiredFields(ours.source.document, ourContents.get(mediaType));
      const theirRequired = requiredFields(upstream.source.document, theirContents.get(mediaType));
      /** @param {Map<string, import("./schema-fields.mjs").FieldShape>} fields @param {Set<string>} required */
      const withPresence = (fields, required) => new Map([...fields.keys()].filter((field) => field !== "").map((field) => [field, { required: required.has(field) }]));
      compareRequired(withPresence(ourFields, ourRequired), withPresence(theirFields, theirRequired), describe, mismatches);
    }
  }
}

/**
 * The label of request bodies: a property required in one request body and optional in the other is a
 * drift as a parameter's is (one side refuses requests the other accepts). In responses `required` says
 * what an answer always carries, which Zoom's documents rarely state, so it is not compared there.
 */
const REQUEST_BODY = "request body";

/**
 * @param {Map<string, import("./schema-fields.mjs").FieldShape>} ours
 * @param {Map<string, import("./schema-fields.mjs").FieldShape>} theirs
 * @param {(key: string) => string} describe
 * @param {Mismatch[]} mismatches
 */
function compareShapes(ours, theirs, describe, mismatches) {
  for (const key of union(ours.keys(), theirs.keys())) {
    const a = ours.get(key);
    const b = theirs.get(key);
    if (!a || !b) {
      mismatches.push({ kind: a ? "extra" : "missing", where: describe(key), ours: a ? a.types : null, upstream: b ? b.types : null });
      continue;
    }
    if (a.types !== b.types) mismatches.push({ kind: "type", where: describe(key), ours: a.types, upstream: b.types });
    if (a.enum !== b.enum) mismatches.push({ kind: "enum", where: describe(key), ours: a.enum, upstream: b.enum });
  }
}

/**
 * A parameter (or request-body property) both sides declare, required on one side and optional on the other: a client following the
 * stricter side refuses (or a mock answers 400 to) requests the other accepts.
 * @param {Map<string, { required: boolean }>} ours
 * @param {Map<string, { required: boolean }>} theirs
 * @param {(key: string) => string} describe
 * @param {Mismatch[]} mismatches
 */
function compareRequired(ours, theirs, describe, mismatches) {
  for (const [key, a] of ours) {
    const b = theirs.get(key);
    if (b && a.required !== b.required) {
      mismatches.push({ kind: "required", where: describe(key), ours: presence(a.required), upstream: presence(b.required) });
    }
  }
}

/** @param {boolean} required */
const presence = (required) => (required ? "required" : "optional");

/**
 * @typedef {import("./schema-fields.mjs").FieldShape & { required: boolean }} ParameterShape
 */

/**
 * Path-level and operation-level parameters (the latter win), as `in name` -> shape. A path parameter is
 * always required (OpenAPI says so whatever `required` reads).
 * @param {OperationRef} op
 */
function parameterShapes(op) {
  /** @type {Map<string, ParameterShape>} */
  const shapes = new Map();
  const all = [...(Array.isArray(op.pathItem.parameters) ? op.pathItem.parameters : []), ...(Array.isArray(op.operation.parameters) ? op.operation.parameters : [])];
  for (const raw of all) {
    const param = resolveRef(op.source.document, raw);
    if (!isObject(param) || typeof param.name !== "string" || typeof param.in !== "string") continue;
    const shape = flattenSchema(op.source.document, param.schema ?? {}).get("") ?? { types: "any", enum: null };
    shapes.set(`${param.in} ${param.name}`, { ...shape, required: param.in === "path" || param.required === true });
  }
  return shapes;
}

/** 2xx responses as status -> (media type -> schema), or null for a body-less response. @param {OperationRef} op */
function successResponses(op) {
  /** @type {Map<string, Map<string, unknown> | null>} */
  const out = new Map();
  const responses = isObject(op.operation.responses) ? op.operation.responses : {};
  for (const [status, raw] of Object.entries(responses)) {
    if (!/^2(\d\d|XX)$/i.test(status)) continue;
    out.set(status, bodyContents(op.source, raw));
  }
  return out;
}

/** @param {LoadedDocument} source @param {unknown} raw a request body or response object @returns {Map<string, unknown> | null} */
function bodyContents(source, raw) {
  const body = resolveRef(source.document, raw);
  if (!isObject(body) || !isObject(body.content)) return null;
  /** @type {Map<string, unknown>} */
  const out = new Map();
  for (const [mediaType, media] of Object.entries(body.content)) out.set(mediaType, isObject(media) ? (media.schema ?? {}) : {});
  return out.size > 0 ? out : null;
}

/** @template T @param {Iterable<T>} a @param {Iterable<T>} b @returns {T[]} */
function union(a, b) {
  return [...new Set([...a, ...b])];
}

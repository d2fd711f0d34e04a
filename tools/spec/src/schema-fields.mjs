// Flattens a schema into the fields a client sees, so two differently structured documents (inline
// allOf fragments upstream, named components here) compare field by field.

/**
 * One field of a flattened schema.
 * @typedef {{ types: string, enum: string | null }} FieldShape
 */

/**
 * Follows a local `$ref` (`#/...`) inside `document`.
 * @param {import("./openapi-documents.mjs").OpenApiDocument} document
 * @param {unknown} node
 * @returns {unknown}
 */
export function resolveRef(document, node) {
  let current = node;
  const seen = new Set();
  while (isObject(current) && typeof current.$ref === "string") {
    const ref = current.$ref;
    if (!ref.startsWith("#/")) throw new Error(`only local $refs are supported, got ${ref}`);
    if (seen.has(ref)) throw new Error(`$ref cycle at ${ref}`);
    seen.add(ref);
    /** @type {unknown} */
    let target = document;
    for (const raw of ref.slice(2).split("/")) {
      const key = raw.replaceAll("~1", "/").replaceAll("~0", "~");
      target = isObject(target) ? target[key] : undefined;
    }
    if (target === undefined) throw new Error(`unresolved $ref ${ref}`);
    current = target;
  }
  return current;
}

/**
 * Lists every field reachable from `schema` (through `$ref`, `allOf`/`oneOf`/`anyOf`, `properties` and
 * `items`) as a map from a field path (`settings.meeting_invitees[].email`; `""` is the body itself)
 * to its type set and enum.
 * @param {import("./openapi-documents.mjs").OpenApiDocument} document
 * @param {unknown} schema
 * @returns {Map<string, FieldShape>}
 */
export function flattenSchema(document, schema) {
  /** @type {Map<string, { types: Set<string>, enum: Set<string> | null }>} */
  const fields = new Map();
  visit(document, schema, "", fields, []);
  /** @type {Map<string, FieldShape>} */
  const out = new Map();
  for (const [path, shape] of [...fields].sort(([a], [b]) => a.localeCompare(b))) {
    const types = [...shape.types].sort();
    out.set(path, { types: types.length ? types.join("|") : "any", enum: shape.enum ? [...shape.enum].sort().join(",") : null });
  }
  return out;
}

/**
 * The field paths (as {@link flattenSchema} names them) that a value must carry whenever their parent
 * is there: listed in the `required` of an object reached through `$ref`, `allOf`, `properties` and
 * `items`. A `required` inside one branch of `oneOf`/`anyOf` binds only values that take that branch,
 * so it does not count.
 * @param {import("./openapi-documents.mjs").OpenApiDocument} document
 * @param {unknown} schema
 * @returns {Set<string>}
 */
export function requiredFields(document, schema) {
  /** @type {Set<string>} */
  const out = new Set();
  collectRequired(document, schema, "", out, []);
  return out;
}

/**
 * @param {import("./openapi-documents.mjs").OpenApiDocument} document
 * @param {unknown} node
 * @param {string} path
 * @param {Set<string>} out
 * @param {unknown[]} stack
 * @param {boolean} [conditional] inside a `oneOf`/`anyOf` branch, whose own `required` does not bind every value
 */
function collectRequired(document, node, path, out, stack, conditional = false) {
  const schema = resolveRef(document, node);
  if (!isObject(schema) || stack.includes(schema)) return;
  const nextStack = [...stack, schema];
  if (!conditional && Array.isArray(schema.required)) {
    for (const name of schema.required) if (typeof name === "string") out.add(path ? `${path}.${name}` : name);
  }
  if (Array.isArray(schema.allOf)) for (const part of schema.allOf) collectRequired(document, part, path, out, nextStack, conditional);
  // A branch's own `required` binds only values that take it; the objects inside it bind as usual.
  for (const keyword of ["oneOf", "anyOf"]) {
    const parts = schema[keyword];
    if (Array.isArray(parts)) for (const part of parts) collectRequired(document, part, path, out, nextStack, true);
  }
  if (isObject(schema.properties)) {
    for (const [name, child] of Object.entries(schema.properties)) collectRequired(document, child, path ? `${path}.${name}` : name, out, nextStack);
  }
  if (schema.items !== undefined) collectRequired(document, schema.items, `${path}[]`, out, nextStack);
}

/**
 * @param {import("./openapi-documents.mjs").OpenApiDocument} document
 * @param {unknown} node
 * @param {string} path
 * @param {Map<string, { types: Set<string>, enum: Set<string> | null }>} fields
 * @param {unknown[]} stack schemas being expanded (recursive schemas stop instead of looping)
 */
function visit(document, node, path, fields, stack) {
  const schema = resolveRef(document, node);
  if (!isObject(schema) || stack.includes(schema)) return;
  const nextStack = [...stack, schema];
  let field = fields.get(path);
  if (!field) {
    field = { types: new Set(), enum: null };
    fields.set(path, field);
  }
  const types = declaredTypes(schema);
  for (const type of types) field.types.add(type);
  if (Array.isArray(schema.enum)) {
    // Zoom's documents sometimes put the allowed values of an array's items on the array itself (an
    // array can never equal a string); they mean the items', which is where a valid schema puts them.
    const itemValues = types.length === 1 && types[0] === "array" && schema.enum.every((value) => !Array.isArray(value));
    const target = itemValues ? itemField(fields, `${path}[]`) : field;
    target.enum ??= new Set();
    for (const value of schema.enum) if (value !== null) target.enum.add(JSON.stringify(value));
  }
  for (const keyword of ["allOf", "oneOf", "anyOf"]) {
    const parts = schema[keyword];
    if (!Array.isArray(parts)) continue;
    for (const part of parts) {
      // A value must satisfy the node's own `type` as well as a branch: a branch whose types all
      // contradict it (Zoom's `type: string` field with a `type: object` alternative) can never
      // match, so it says nothing about what the field carries.
      if (!canMatch(types, declaredTypes(asSchema(resolveRef(document, part))))) continue;
      visit(document, part, path, fields, nextStack);
    }
  }
  if (isObject(schema.properties)) {
    for (const [name, child] of Object.entries(schema.properties)) visit(document, child, path ? `${path}.${name}` : name, fields, nextStack);
  }
  if (schema.items !== undefined) visit(document, schema.items, `${path}[]`, fields, nextStack);
}

/**
 * The field of an array's items, created when the array's own node is visited first.
 * @param {Map<string, { types: Set<string>, enum: Set<string> | null }>} fields
 * @param {string} path
 */
function itemField(fields, path) {
  let field = fields.get(path);
  if (!field) {
    field = { types: new Set(), enum: null };
    fields.set(path, field);
  }
  return field;
}

/**
 * Types a schema node declares: OpenAPI 3.1 type arrays and 3.0 `nullable` both give `null`;
 * a node with no `type` but `properties`/`items` counts as object/array.
 * @param {Record<string, unknown>} schema
 * @returns {string[]}
 */
function declaredTypes(schema) {
  /** @type {string[]} */
  const types = [];
  if (typeof schema.type === "string") {
    types.push(schema.type);
  } else if (Array.isArray(schema.type)) {
    for (const t of schema.type) if (typeof t === "string") types.push(t);
  } else if (isObject(schema.properties)) {
    types.push("object");
  } else if (schema.items !== undefined) {
    types.push("array");
  }
  if (schema.nullable === true) types.push("null");
  return types;
}

/**
 * Whether a value could have one of `branch` types and one of `own` types at once. A node or branch
 * that declares no type accepts any; an integer is also a number.
 * @param {string[]} own
 * @param {string[]} branch
 */
function canMatch(own, branch) {
  if (own.length === 0 || branch.length === 0) return true;
  const widened = (/** @type {string[]} */ types) => (types.includes("integer") ? [...types, "number"] : types);
  const ownSet = new Set(widened(own));
  return widened(branch).some((type) => ownSet.has(type));
}

/** @param {unknown} node @returns {Record<string, unknown>} */
function asSchema(node) {
  return isObject(node) ? node : {};
}

/** @param {unknown} value @returns {value is Record<string, any>} */
export function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

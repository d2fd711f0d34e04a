// Loading the two sides of a comparison: the project's YAML spec and a folder of upstream JSON documents.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import YAML from "yaml";

/**
 * An OpenAPI document as parsed JSON. Only the parts the spec tools read are typed.
 * @typedef {{ paths?: Record<string, PathItem>, webhooks?: Record<string, PathItem>, components?: Record<string, Record<string, unknown>> }} OpenApiDocument
 * @typedef {Record<string, unknown>} PathItem
 * @typedef {{ document: OpenApiDocument, file: string }} LoadedDocument
 */

/** HTTP methods an OpenAPI path item can hold, in the order reports list them. */
export const HTTP_METHODS = /** @type {const} */ (["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

/** Error raised when a document cannot be read or is not OpenAPI. */
export class SpecDocumentError extends Error {
  /** @param {string} message @param {{ cause?: unknown }} [options] */
  constructor(message, options) {
    super(message, options);
    this.name = "SpecDocumentError";
  }
}

/**
 * Reads an OpenAPI document written in YAML or JSON.
 * @param {string} file
 * @returns {LoadedDocument}
 */
export function loadDocument(file) {
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (cause) {
    throw new SpecDocumentError(`cannot read ${file}`, { cause });
  }
  let parsed;
  try {
    parsed = file.endsWith(".json") ? JSON.parse(text) : YAML.parse(text);
  } catch (cause) {
    throw new SpecDocumentError(`${file} is not valid ${file.endsWith(".json") ? "JSON" : "YAML"}`, { cause });
  }
  // OpenAPI 3.1 allows a document of webhooks only (specs/zoom-webhooks.yaml).
  if (!parsed || typeof parsed !== "object" || (typeof parsed.paths !== "object" && typeof parsed.webhooks !== "object")) {
    throw new SpecDocumentError(`${file} is not an OpenAPI document (no "paths" object)`);
  }
  return { document: parsed, file };
}

/**
 * Reads every `*.openapi.json` file of a folder (the form Zoom publishes its API documents in).
 * @param {string} folder
 * @returns {LoadedDocument[]}
 */
export function loadUpstreamFolder(folder) {
  let names;
  try {
    names = readdirSync(folder);
  } catch (cause) {
    throw new SpecDocumentError(`cannot read upstream folder ${folder}`, { cause });
  }
  const files = names.filter((name) => name.endsWith(".openapi.json")).sort();
  if (files.length === 0) throw new SpecDocumentError(`no *.openapi.json documents in ${folder}`);
  return files.map((name) => loadDocument(join(folder, name)));
}

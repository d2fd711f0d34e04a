import type { ErrorObject, ValidateFunction } from "ajv";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { ZoomWebhookEventName } from "./events.js";
import { EVENT_SCHEMA_REFS, SCHEMAS } from "./generated/event-schemas.js";

/** An event body does not match its schema in specs/zoom-webhooks.yaml. */
export class WebhookPayloadError extends Error {
  override readonly name = "WebhookPayloadError";
  /** The event's name. */
  readonly event: string;
  /** What does not match, one line per problem, e.g. `/payload/object: must have required property 'uuid'`. */
  readonly problems: readonly string[];

  /** @param event - The event's name. @param problems - What does not match. */
  constructor(event: string, problems: readonly string[]) {
    super(`Zoom webhook ${event} does not match specs/zoom-webhooks.yaml: ${problems.join("; ")}`);
    this.event = event;
    this.problems = problems;
  }
}

const DOCUMENT_ID = "https://zoom-webhooks.invalid/spec.json";
let validators: Map<ZoomWebhookEventName, ValidateFunction> | undefined;

function compile(): Map<ZoomWebhookEventName, ValidateFunction> {
  // Zoom adds fields over time: the schemas do not forbid unknown ones, so only what the spec says is checked.
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  for (const format of ["int32", "int64"]) ajv.addFormat(format, true);
  ajv.addSchema({ $id: DOCUMENT_ID, components: { schemas: SCHEMAS } });
  const compiled = new Map<ZoomWebhookEventName, ValidateFunction>();
  for (const [name, ref] of Object.entries(EVENT_SCHEMA_REFS) as [ZoomWebhookEventName, string][]) {
    compiled.set(name, ajv.compile({ $ref: `${DOCUMENT_ID}${ref}` }));
  }
  return compiled;
}

function describe(error: ErrorObject): string {
  return `${error.instancePath === "" ? "/" : error.instancePath}: ${error.message ?? error.keyword}`;
}

/**
 * Checks an event body against its schema in specs/zoom-webhooks.yaml (compiled on first use).
 *
 * @param name - The event's name.
 * @param event - The parsed body.
 * @throws {WebhookPayloadError} When the body does not match.
 */
export function validateWebhookEvent(name: ZoomWebhookEventName, event: unknown): void {
  validators ??= compile();
  const validate = validators.get(name);
  if (validate === undefined) throw new TypeError(`validateWebhookEvent: ${name} is not an event of the spec`);
  if (!validate(event)) throw new WebhookPayloadError(name, (validate.errors ?? []).map(describe));
}

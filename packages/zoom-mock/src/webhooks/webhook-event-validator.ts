import type { ErrorObject, ValidateFunction } from "ajv";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { OpenApiDocument } from "../validation/openapi-document.js";
import { schemaErrorField, type SpecViolation } from "../validation/spec-validator.js";

const SPEC_ID = "https://zoom-mock.invalid/zoom-webhooks.json";

/** Checks the events the mock is about to send against the `webhooks` of specs/zoom-webhooks.yaml. */
export class WebhookEventValidator {
  readonly #validators = new Map<string, ValidateFunction>();

  constructor(spec: OpenApiDocument) {
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
    addFormats(ajv);
    for (const format of ["int32", "int64"]) ajv.addFormat(format, true);
    ajv.addSchema(spec as unknown as object, SPEC_ID);
    const webhooks = (spec as unknown as { webhooks?: Record<string, { post?: { requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> } } }> }).webhooks ?? {};
    for (const [name, item] of Object.entries(webhooks)) {
      const ref = item.post?.requestBody?.content?.["application/json"]?.schema?.$ref;
      if (ref !== undefined) this.#validators.set(name, ajv.compile({ $ref: `${SPEC_ID}${ref}` }));
    }
  }

  /** The events the spec describes. */
  get events(): string[] {
    return [...this.#validators.keys()];
  }

  /** The ways `event` breaks its schema (none when it matches); an event the spec lacks is one violation. */
  validate(event: { event: string }): SpecViolation[] {
    const operation = `POST webhook ${event.event}`;
    const validate = this.#validators.get(event.event);
    if (validate === undefined) {
      return [
        { side: "request", operation, operationId: undefined, location: "route", field: "", rule: "operation", message: "specs/zoom-webhooks.yaml has no such event" },
      ];
    }
    if (validate(event)) return [];
    return (validate.errors ?? []).map((error: ErrorObject) => ({
      side: "request",
      operation,
      operationId: undefined,
      location: "body",
      field: schemaErrorField(error),
      rule: error.keyword,
      message: `body${error.instancePath} ${error.message ?? error.keyword}`,
    }));
  }
}

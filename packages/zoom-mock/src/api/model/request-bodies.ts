import type { operations } from "../../generated/zoom-api-types.js";

/** The operationIds of specs/zoom-api.yaml (from the generated `operations` type). */
export type OperationId = keyof operations & string;

/**
 * The JSON request body an operation declares, as openapi-typescript generates it from
 * specs/zoom-api.yaml (`undefined` when it declares none, `| undefined` too when the body is optional).
 * The model's inputs are these types, not copies of them, so a spec change reaches the model's
 * signatures through `pnpm generate`.
 */
export type RequestBodyOf<Id extends OperationId> = JsonBodyOf<operations[Id]>;

type JsonBodyOf<Operation> = Operation extends { requestBody?: infer Body }
  ? Body extends { content: { "application/json": infer Json } }
    ? Json
    : undefined
  : undefined;

/** One element of an array field of a request body: `ElementOf<RequestBodyOf<"x">["panelists"]>`. */
export type ElementOf<List> = NonNullable<List> extends readonly (infer Element)[] ? Element : never;

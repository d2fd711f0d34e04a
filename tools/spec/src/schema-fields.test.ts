import { describe, expect, it } from "vitest";
import { flattenSchema } from "./schema-fields.mjs";

const document = { openapi: "3.0.0", paths: {} };

function shapeOf(schema: unknown, path: string) {
  return flattenSchema(document, schema).get(path);
}

describe("flattenSchema", () => {
  it("ignores an alternative whose type contradicts its field's own type (it can never match)", () => {
    // Zoom's archived-session `complete_time`: a string field with an "object" date-time branch and an empty-string branch.
    const schema = {
      type: "object",
      properties: {
        complete_time: {
          type: "string",
          format: "date-time",
          anyOf: [
            { type: "object", minLength: 1, format: "date-time" },
            { type: "string", enum: [""] },
          ],
        },
      },
    };
    expect(shapeOf(schema, "complete_time")).toEqual({ types: "string", enum: '""' });
  });

  it("keeps every alternative of a field that declares no type of its own", () => {
    const schema = { properties: { value: { anyOf: [{ type: "object" }, { type: "string", enum: [""] }] } } };
    expect(shapeOf(schema, "value")).toEqual({ types: "object|string", enum: '""' });
  });

  it("keeps alternatives that share a type with the field, counting an integer as a number", () => {
    const schema = { properties: { size: { type: "number", oneOf: [{ type: "integer", enum: [1, 2] }, { type: ["string", "number"] }] } } };
    expect(shapeOf(schema, "size")).toEqual({ types: "integer|number|string", enum: "1,2" });
  });

  it("still reads the fields of an untyped allOf fragment under an object", () => {
    const schema = { type: "object", allOf: [{ properties: { id: { type: "string" } } }, { type: "object", properties: { n: { type: "integer" } } }] };
    expect(shapeOf(schema, "id")).toEqual({ types: "string", enum: null });
    expect(shapeOf(schema, "n")).toEqual({ types: "integer", enum: null });
  });

  it("reads an enum Zoom puts on an array node as the allowed values of its items", () => {
    const onArray = { type: "array", enum: ["EU", "US"], items: { type: "string" } };
    const onItems = { type: "array", items: { type: "string", enum: ["US", "EU"] } };
    const expected = new Map([
      ["", { types: "array", enum: null }],
      ["[]", { types: "string", enum: '"EU","US"' }],
    ]);
    expect(flattenSchema({}, onArray)).toEqual(expected);
    expect(flattenSchema({}, onItems)).toEqual(expected);
  });

  it("keeps an enum of arrays on the array itself", () => {
    const schema = { type: "array", enum: [["a"], ["b"]], items: { type: "string" } };
    expect(flattenSchema({}, schema).get("")).toEqual({ types: "array", enum: '["a"],["b"]' });
  });
});

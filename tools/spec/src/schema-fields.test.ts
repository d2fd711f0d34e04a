import { describe, expect, it } from "vitest";
import { flattenSchema } from "./schema-fields.mjs";

describe("flattenSchema", () => {
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

import { describe, expect, expectTypeOf, it } from "vitest";
import { type ApiOperationGroup, type ApiOperationTable, bodyObject, noContent, ok } from "../api-operation.js";
import { apiOperationOf, apiOperations } from "./index.js";

// These tests are checked by `tsc` (the package's `typecheck`): each `@ts-expect-error` fails the
// type-check when the line under it compiles, so the table's typing cannot quietly loosen.

describe("the operation table", () => {
  it("takes only the spec's operationIds: a misspelt one does not compile", () => {
    const group = {
      userMe: () => ok({}),
      // @ts-expect-error `usersMe` is not an operationId of specs/zoom-api.yaml
      usersMe: () => ok({}),
    } satisfies ApiOperationGroup;
    expect(Object.keys(group)).toEqual(["userMe", "usersMe"]);
  });

  it("lacks no operation of the spec: one left out does not compile", () => {
    const { userMe: _userMe, ...withoutUserMe } = apiOperations;
    // @ts-expect-error the table must implement `userMe`
    const incomplete: ApiOperationTable = withoutUserMe;
    expect(Object.hasOwn(incomplete, "userMe")).toBe(false);
    expect(apiOperationOf("userMe")).toBe(apiOperations.userMe);
    expect(apiOperationOf("usersMe")).toBeUndefined();
  });

  it("gives each operation its request body as the spec declares it", () => {
    const group = {
      userCreate: (request) => {
        const body = bodyObject(request);
        expectTypeOf(body.action).toEqualTypeOf<"create" | "autoCreate" | "custCreate" | "ssoCreate">();
        expectTypeOf(body.user_info?.email).toEqualTypeOf<string | undefined>();
        // @ts-expect-error `user_info` has no property `emial`
        return ok(body.user_info?.emial);
      },
      meetingStatus: (request) => {
        expectTypeOf(bodyObject(request).action).toEqualTypeOf<"end" | "recover" | undefined>();
        return noContent();
      },
    } satisfies ApiOperationGroup;
    expect(Object.keys(group)).toEqual(["userCreate", "meetingStatus"]);
  });
});

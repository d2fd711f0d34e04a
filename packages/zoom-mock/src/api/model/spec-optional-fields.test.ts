import { describe, expect, it } from "vitest";
import { ZoomApiFailure } from "./api-failure.js";
import { modelWithAda } from "./test-support.js";

// The model's inputs are the spec's request body types, which leave these fields optional although the
// model cannot act without them. A body without one passes spec validation, so the model itself answers
// with Zoom's validation failure (400 code 300) naming the field, not with a TypeError.
describe("fields the spec leaves optional but the model needs", () => {
  function failureOf(action: () => unknown) {
    try {
      action();
    } catch (error) {
      if (error instanceof ZoomApiFailure) return { status: error.status, body: error.toBody() };
      throw error;
    }
    return expect.fail("the input must be refused");
  }

  it("refuses to create a user without user_info", () => {
    const { model } = modelWithAda();
    expect(failureOf(() => model.users.create({ action: "create" }))).toMatchObject({
      status: 400,
      body: { code: 300, errors: [{ field: "user_info", message: "user_info is required." }] },
    });
  });

  it("refuses a panel with a panelist lacking an email or a name, naming which, before adding anyone", () => {
    const { model, ada } = modelWithAda();
    const webinar = model.webinars.create(ada, { topic: "Panel" });
    expect(failureOf(() => model.panelists.add(webinar, [{ email: "grace@example.com", name: "Grace" }, { name: "No email" }]))).toMatchObject({
      status: 400,
      body: { code: 300, errors: [{ field: "panelists[1].email" }] },
    });
    expect(model.panelists.list(webinar).total_records).toBe(0);
    expect(failureOf(() => model.panelists.add(webinar, [{ email: "grace@example.com" }]))).toMatchObject({
      body: { code: 300, errors: [{ field: "panelists[0].name" }] },
    });
  });
});

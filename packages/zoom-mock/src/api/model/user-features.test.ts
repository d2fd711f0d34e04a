import { describe, expect, it } from "vitest";
import { BULK_FEATURE_INTERVAL_MS } from "./user-features.js";
import { modelWithAda } from "./test-support.js";

/** Calls `POST /users/features` as a client that keeps to Zoom's one request per 10 seconds. */
function spacedUpdates(model: ReturnType<typeof modelWithAda>["model"], clock: ReturnType<typeof modelWithAda>["clock"]) {
  return (input: Parameters<typeof model.userFeatures.update>[0]) => {
    clock.advance(BULK_FEATURE_INTERVAL_MS);
    return model.userFeatures.update(input);
  };
}

describe("users' features in bulk", () => {
  it("takes one request every 10 seconds, saying in Retry-After how long to wait", () => {
    const { model, ada, clock } = modelWithAda();
    const input = { feature_type: "zoom_whiteboard" as const, feature_value: "true", users: [{ id: ada.id }] };
    model.userFeatures.update(input);
    clock.advance(3_500);
    expect(() => model.userFeatures.update(input)).toThrow(expect.objectContaining({ status: 429, code: 429, headers: { "Retry-After": "7" } }));
    clock.advance(6_500);
    expect(model.userFeatures.update(input).fail_details).toEqual([{ user_ids: [ada.id], reason: "No need to update" }]);
  });

  it("licenses a Basic user and reports unknown users and users already set", () => {
    const { model, ada, clock } = modelWithAda();
    const update = spacedUpdates(model, clock);
    const bob = model.users.create({ action: "custCreate", user_info: { email: "bob@example.com", type: 1 } });
    const result = update({
      feature_type: "user_type",
      feature_value: "2",
      users: [{ id: bob.id }, { email: "ADA@example.com" }, { email: "ghost@example.com" }],
    });
    expect(result).toEqual({
      success_user_ids: [bob.id],
      fail_details: [
        { user_ids: [ada.id], reason: "No need to update" },
        { user_ids: ["ghost@example.com"], reason: "Users not found" },
      ],
    });
    expect(model.users.resolve(bob.id, ada.id).type).toBe(2);
  });

  it("turns capacities on and off in the user's feature settings, and refuses paid features to Basic users", () => {
    const { model, ada, clock } = modelWithAda();
    const update = spacedUpdates(model, clock);
    const basic = model.users.create({ action: "custCreate", user_info: { email: "basic@example.com", type: 1 } });
    const on = update({ feature_type: "large_meeting", feature_value: "128", users: [{ id: ada.id }, { id: basic.id }] });
    expect(on).toEqual({ success_user_ids: [ada.id], fail_details: [{ user_ids: [basic.id], reason: "Unpaid user" }] });
    expect(model.settings.get(ada.id).feature).toMatchObject({ large_meeting: true, large_meeting_capacity: 500 });
    update({ feature_type: "large_meeting", feature_value: "0", users: [{ id: ada.id }] });
    expect(model.settings.get(ada.id).feature).toMatchObject({ large_meeting: false });
    expect(model.settings.get(ada.id).feature).not.toHaveProperty("large_meeting_capacity");
    update({ feature_type: "zoom_iq_for_sales", feature_value: "true", users: [{ id: ada.id }] });
    expect(model.settings.get(ada.id).feature).toMatchObject({ zoom_iq_for_sales: true, zoom_revenue_accelerator: true });
  });

  it("sets and clears plan codes on the user's profile", () => {
    const { model, ada, clock } = modelWithAda();
    const update = spacedUpdates(model, clock);
    update({ feature_type: "zoom_one_type", feature_value: "4398046511104", users: [{ id: ada.id }] });
    expect(model.users.resolve(ada.id, ada.id).zoom_one_type).toBe(4398046511104);
    update({ feature_type: "zoom_one_type", feature_value: "0", users: [{ id: ada.id }] });
    expect(model.users.resolve(ada.id, ada.id)).not.toHaveProperty("zoom_one_type");
  });

  it("refuses a value the feature does not take (400 code 300)", () => {
    const { model, ada, clock } = modelWithAda();
    const update = spacedUpdates(model, clock);
    expect(() => update({ feature_type: "webinar", feature_value: "7", users: [{ id: ada.id }] })).toThrow(
      expect.objectContaining({ status: 400, code: 300 }),
    );
    expect(() => update({ feature_type: "user_type", feature_value: "99", users: [{ id: ada.id }] })).toThrow(
      expect.objectContaining({ status: 400, code: 300 }),
    );
  });
});

describe("meeting summary templates", () => {
  it("lists the templates the account added, in order", () => {
    const { model } = modelWithAda();
    expect(model.summaryTemplates.list()).toEqual([]);
    const brief = model.summaryTemplates.add({ name: "Brief", description: "Three bullet points" });
    model.summaryTemplates.add({ name: "Sales call" });
    expect(model.summaryTemplates.list()).toEqual([brief, expect.objectContaining({ name: "Sales call", description: "" })]);
  });
});

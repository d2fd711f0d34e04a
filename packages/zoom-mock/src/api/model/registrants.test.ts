import { describe, expect, it } from "vitest";
import { modelWithAda } from "./test-support.js";

describe("Registrants", () => {
  it("registers people, approving them at once when approval is automatic", () => {
    const { model, ada } = modelWithAda();
    const meeting = model.meetings.create(ada, { topic: "Open day", settings: { approval_type: 0 } });
    const target = model.meetingTarget(meeting);
    const created = model.registrants.add(target, { email: "grace@example.com", first_name: "Grace", city: "Arlington" });
    expect(created).toMatchObject({ id: meeting.id, topic: "Open day", start_time: meeting.start_time });
    expect(String(created.join_url)).toMatch(new RegExp(`^https://zoom\\.us/j/${meeting.id}\\?tk=`));
    const page = model.registrants.list(target, undefined, {});
    expect(page.registrants).toEqual([expect.objectContaining({ id: created.registrant_id, email: "grace@example.com", first_name: "Grace", city: "Arlington", status: "approved" })]);
  });

  it("gives back the first registration when the same email registers again", () => {
    const { model, ada } = modelWithAda();
    const target = model.meetingTarget(model.meetings.create(ada, { settings: { approval_type: 0 } }));
    const first = model.registrants.add(target, { email: "grace@example.com", first_name: "Grace" });
    const again = model.registrants.add(target, { email: "GRACE@example.com", first_name: "G" });
    expect(again.registrant_id).toBe(first.registrant_id);
    expect(model.registrants.list(target, "approved", {}).total_records).toBe(1);
  });

  it("holds registrants as pending under manual approval until approved or denied", () => {
    const { model, ada } = modelWithAda();
    const target = model.meetingTarget(model.meetings.create(ada, { settings: { approval_type: 1 } }));
    const grace = model.registrants.add(target, { email: "grace@example.com", first_name: "Grace" });
    model.registrants.add(target, { email: "alan@example.com", first_name: "Alan" });
    expect(model.registrants.list(target, "pending", {}).total_records).toBe(2);
    model.registrants.setStatus(target, "approve", [{ id: String(grace.registrant_id) }]);
    model.registrants.setStatus(target, "deny", [{ email: "alan@example.com" }]);
    expect(model.registrants.list(target, "approved", {}).registrants.map((r) => r.email)).toEqual(["grace@example.com"]);
    expect(model.registrants.list(target, "denied", {}).registrants.map((r) => r.email)).toEqual(["alan@example.com"]);
    expect(() => model.registrants.setStatus(target, "approve", [{ id: "nobody" }])).toThrow(expect.objectContaining({ code: 300 }));
  });

  it("keeps meeting and webinar registrants apart", () => {
    const { model, ada } = modelWithAda();
    const meeting = model.meetingTarget(model.meetings.create(ada, {}));
    const webinar = model.webinarTarget(model.webinars.create(ada, {}));
    model.registrants.add(webinar, { email: "grace@example.com", first_name: "Grace" });
    expect(model.registrants.list(webinar, undefined, {}).total_records).toBe(1);
    expect(model.registrants.list(meeting, undefined, {}).total_records).toBe(0);
  });
});

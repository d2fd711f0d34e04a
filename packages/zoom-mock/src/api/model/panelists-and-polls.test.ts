import { describe, expect, it } from "vitest";
import { modelWithAda } from "./test-support.js";

describe("Panelists", () => {
  it("adds panelists with their own join links, updates a repeated email, removes one or all", () => {
    const { model, ada } = modelWithAda();
    const webinar = model.webinars.create(ada, {});
    expect(model.panelists.add(webinar, [{ email: "p@example.com", name: "P" }, { email: "q@example.com", name: "Q" }])).toEqual({
      id: String(webinar.id),
      updated_at: "2026-11-28T10:00:00Z",
    });
    model.panelists.add(webinar, [{ email: "P@example.com", name: "P renamed" }]);
    const { panelists, total_records } = model.panelists.list(webinar);
    expect(total_records).toBe(2);
    expect(panelists[0]).toMatchObject({ name: "P renamed", join_url: expect.stringMatching(new RegExp(`^https://zoom\\.us/w/${webinar.id}\\?tk=`)) });
    model.panelists.remove(webinar, panelists[0]?.id ?? "");
    expect(model.panelists.list(webinar).panelists.map((panelist) => panelist.email)).toEqual(["q@example.com"]);
    expect(() => model.panelists.remove(webinar, "nobody")).toThrow(expect.objectContaining({ status: 400, code: 3000 }));
    model.panelists.removeAll(webinar);
    expect(model.panelists.list(webinar).total_records).toBe(0);
  });
});

describe("Polls", () => {
  it("creates polls not yet started, lists, replaces and deletes them; unknown polls are 404 code 404", () => {
    const { model, ada } = modelWithAda();
    const meeting = model.meetings.create(ada, {});
    const poll = model.polls.create(meeting, { title: "Lunch?", questions: [{ name: "Where", type: "single", answers: ["A", "B"] }] });
    expect(poll).toMatchObject({ status: "notstart", title: "Lunch?", anonymous: false, poll_type: 1 });
    model.polls.create(meeting, { title: "Secret", anonymous: true });
    expect(model.polls.list(meeting).total_records).toBe(2);
    expect(model.polls.list(meeting, true).polls.map((p) => p.title)).toEqual(["Secret"]);
    model.polls.replace(meeting, poll.id, { title: "Dinner?", poll_type: 3 });
    expect(model.polls.get(meeting, poll.id)).toMatchObject({ title: "Dinner?", poll_type: 3, questions: [] });
    model.polls.delete(meeting, poll.id);
    expect(() => model.polls.get(meeting, poll.id)).toThrow(expect.objectContaining({ status: 404, code: 404 }));
  });
});

describe("registrants one by one, user status and email checks", () => {
  it("reads and removes a single registrant; an unknown one is 400 code 3000", () => {
    const { model, ada } = modelWithAda();
    const target = model.meetingTarget(model.meetings.create(ada, { settings: { approval_type: 0 } }));
    const { registrant_id } = model.registrants.add(target, { email: "r@example.com", first_name: "R" });
    expect(model.registrants.get(target, String(registrant_id))).toMatchObject({ email: "r@example.com", status: "approved" });
    model.registrants.remove(target, String(registrant_id));
    expect(() => model.registrants.get(target, String(registrant_id))).toThrow(expect.objectContaining({ status: 400, code: 3000 }));
  });

  it("deactivates and reactivates a user, and checks whether an email is taken", () => {
    const { model, ada } = modelWithAda();
    model.users.setStatus(ada, "deactivate");
    expect(model.users.list("inactive", {}).users.map((user) => user.id)).toEqual([ada.id]);
    model.users.setStatus(model.users.resolve(ada.id, ada.id), "activate");
    expect(model.users.resolve(ada.id, ada.id).status).toBe("active");
    expect(model.users.emailExists("ADA@example.com")).toEqual({ existed_email: true });
    expect(model.users.emailExists("nobody@example.com")).toEqual({ existed_email: false });
  });
});

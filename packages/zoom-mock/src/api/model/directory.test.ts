import { describe, expect, it } from "vitest";
import { modelWithAda } from "./test-support.js";

describe("ContactGroups", () => {
  it("groups users and groups, pages members 10 at a time by default, and forgets a deleted group everywhere", () => {
    const { model, ada, users } = modelWithAda();
    users.set("bob", { id: "bob", email: "bob@example.com", display_name: "Bob" });
    const team = model.contactGroups.create({ group_name: "Team", group_members: [{ type: 1, id: "bob" }] });
    expect(team).toMatchObject({ group_name: "Team", group_privacy: 1, total_members: 1 });
    const all = model.contactGroups.create({ group_name: "Everyone", group_members: [{ type: 2, id: team.group_id }, { type: 1, id: ada.id }] });
    expect(model.contactGroups.members(all.group_id, {}).group_members).toEqual([
      { type: 2, id: team.group_id, name: "Team" },
      { type: 1, id: ada.id, name: "Ada Lovelace" },
    ]);
    expect(model.contactGroups.list({}).page_size).toBe(10);
    expect(model.contactGroups.addMembers(all.group_id, [{ type: 1, id: ada.id }])).toEqual({ member_ids: [] });
    model.contactGroups.delete(team.group_id);
    expect(model.contactGroups.view(all.group_id).total_members).toBe(1);
    expect(() => model.contactGroups.view(team.group_id)).toThrow(expect.objectContaining({ status: 400, code: 300 }));
    expect(() => model.contactGroups.addMembers(all.group_id, [{ type: 1, id: "nobody" }])).toThrow(expect.objectContaining({ code: 300 }));
  });
});

describe("Divisions", () => {
  it("puts every user in the main division until assigned, and guards deletion", () => {
    const { model, ada, users } = modelWithAda();
    users.set("bob", { id: "bob", email: "bob@example.com" });
    expect(model.divisions.members("main", {}).total_records).toBe(2);
    const emea = model.divisions.create({ division_name: "EMEA" });
    expect(() => model.divisions.create({ division_name: "EMEA" })).toThrow(expect.objectContaining({ status: 409 }));
    model.divisions.assign(emea.division_id, [{ user_email: "BOB@example.com" }]);
    expect(model.divisions.members(emea.division_id, {}).users.map((user) => user.user_id)).toEqual(["bob"]);
    expect(model.divisions.members("main", {}).users.map((user) => user.user_id)).toEqual([ada.id]);
    expect(() => model.divisions.delete(emea.division_id)).toThrow(expect.objectContaining({ code: 42012 }));
    expect(() => model.divisions.delete("main")).toThrow(expect.objectContaining({ code: 42011 }));
    model.divisions.assign("main", [{ user_id: "bob" }]);
    model.divisions.delete(emea.division_id);
    expect(() => model.divisions.get(emea.division_id)).toThrow(expect.objectContaining({ status: 404, code: 40406 }));
  });
});

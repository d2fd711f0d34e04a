import { describe, expect, it } from "vitest";
import { modelWithAda } from "./test-support.js";

describe("UserGroups", () => {
  it("keeps names unique, moves members between groups and follows the primary group", () => {
    const { model, ada, users } = modelWithAda();
    users.set("bob", { id: "bob", email: "bob@example.com", first_name: "Bob" });
    const sales = model.groups.create("Sales");
    const support = model.groups.create("Support");
    expect(() => model.groups.create("Sales")).toThrow(expect.objectContaining({ status: 409, code: 4132 }));
    expect(model.groups.addMembers(sales.id, [{ email: "BOB@example.com" }, { id: ada.id }]).ids).toBe(`bob,${ada.id}`);
    model.groups.updateMember(sales.id, "bob", "set_primary", undefined);
    model.groups.updateMember(sales.id, "bob", "move", support.id);
    expect(model.groups.primaryGroupOf("bob")).toBe(support.id);
    expect(model.groups.get(sales.id).total_members).toBe(1);
    expect(model.groups.members(support.id, {}).members).toEqual([expect.objectContaining({ id: "bob", first_name: "Bob" })]);
    expect(() => model.groups.updateMember(sales.id, ada.id, "move", undefined)).toThrow(expect.objectContaining({ code: 300 }));
    expect(() => model.groups.removeMember(sales.id, "bob")).toThrow(expect.objectContaining({ status: 404, code: 4131 }));
    model.groups.delete(sales.id);
    expect(() => model.groups.get(sales.id)).toThrow(expect.objectContaining({ status: 404, code: 4130 }));
  });

  it("lists admins by email and name", () => {
    const { model, ada } = modelWithAda();
    const group = model.groups.create("Ops");
    model.groups.addAdmins(group.id, [{ email: ada.email }]);
    expect(model.groups.admins(group.id, {}).admins).toEqual([{ email: ada.email, name: "Ada Lovelace" }]);
    model.groups.removeAdmin(group.id, ada.id);
    expect(model.groups.admins(group.id, {}).total_records).toBe(0);
  });
});

describe("TspAccounts", () => {
  it("gives a user at most two TSP accounts, with ids 1 and 2", () => {
    const { model, ada } = modelWithAda();
    const account = { conference_code: "123456", leader_pin: "999" };
    expect(model.tspAccounts.create(ada.id, account).id).toBe("1");
    expect(model.tspAccounts.create(ada.id, account).id).toBe("2");
    expect(() => model.tspAccounts.create(ada.id, account)).toThrow(expect.objectContaining({ code: 300 }));
    model.tspAccounts.delete(ada.id, "1");
    expect(model.tspAccounts.create(ada.id, { ...account, leader_pin: "111" })).toMatchObject({ id: "1", leader_pin: "111" });
    expect(() => model.tspAccounts.get(ada.id, "3")).toThrow(expect.objectContaining({ status: 404 }));
    model.tspAccounts.setAudioUrl(ada.id, "https://example.com/dial-in");
    expect(model.tspAccounts.audioUrlOf(ada.id)).toBe("https://example.com/dial-in");
  });
});

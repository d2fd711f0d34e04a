import { describe, expect, it } from "vitest";
import { ZoomApiFailure } from "./api-failure.js";
import { modelWithAda } from "./test-support.js";

describe("Users", () => {
  it("resolves me to the caller, and ids and emails to their user", () => {
    const { model, ada } = modelWithAda();
    expect(model.users.resolve("me", ada.id)).toBe(ada);
    expect(model.users.resolve(ada.id, "someone-else")).toBe(ada);
    expect(model.users.resolve("ADA@example.com", "someone-else")).toBe(ada);
  });

  it("answers 404 code 1001 naming the unknown user", () => {
    const { model, ada } = modelWithAda();
    try {
      model.users.resolve("nobody", ada.id);
      expect.fail("unknown users must be refused");
    } catch (error) {
      expect(error).toBeInstanceOf(ZoomApiFailure);
      expect((error as ZoomApiFailure).status).toBe(404);
      expect((error as ZoomApiFailure).toBody()).toEqual({ code: 1001, message: "User does not exist: nobody." });
    }
  });

  it("creates invited users as pending and refuses a taken email with 409 code 1005", () => {
    const { model } = modelWithAda();
    const created = model.users.create({ action: "create", user_info: { email: "grace@example.com", type: 1, first_name: "Grace" } });
    expect(created).toMatchObject({ email: "grace@example.com", type: 1, first_name: "Grace" });
    expect(model.users.list("pending", {}).users.map((user) => user.email)).toEqual(["grace@example.com"]);
    expect(model.users.list(undefined, {}).users.map((user) => user.email)).toEqual(["ada@example.com"]);
    expect(() => model.users.create({ action: "autoCreate", user_info: { email: "ADA@example.com", type: 1 } })).toThrow(
      expect.objectContaining({ status: 409, code: 1005 }),
    );
  });

  it("updates profile fields but never identity fields", () => {
    const { model, ada } = modelWithAda();
    model.users.update(ada, { first_name: "Augusta", id: "stolen", email: "x@example.com" });
    const after = model.users.resolve("ada-id", ada.id);
    expect(after).toMatchObject({ id: "ada-id", email: "ada@example.com", first_name: "Augusta" });
  });

  it("removing a user removes what they host", () => {
    const { model, ada } = modelWithAda();
    const meeting = model.meetings.create(ada, { topic: "Standup" });
    model.removeUser(ada);
    expect(() => model.users.resolve("ada-id", "ada-id")).toThrow(expect.objectContaining({ code: 1001 }));
    expect(() => model.meetings.get(meeting.id)).toThrow(expect.objectContaining({ code: 3001 }));
  });
});

describe("UserSettings", () => {
  it("merges a patch section by section", () => {
    const { model } = modelWithAda();
    model.settings.update("ada-id", { in_meeting: { chat: false } });
    const settings = model.settings.get("ada-id");
    expect(settings.in_meeting).toMatchObject({ chat: false, private_chat: true });
    expect(settings.recording).toMatchObject({ cloud_recording: true });
  });
});

describe("UserTokens", () => {
  it("issues opaque tokens that expire after their ttl", () => {
    const { model, clock } = modelWithAda();
    const { token } = model.userTokens.issue("ada-id", "zak", 60);
    expect(model.userTokens.lookup(token)).toEqual({ userId: "ada-id", type: "zak" });
    clock.advance(60_000);
    expect(model.userTokens.lookup(token)).toBeUndefined();
  });
});

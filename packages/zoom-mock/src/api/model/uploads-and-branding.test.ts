import { describe, expect, it } from "vitest";
import type { UploadedFile } from "../multipart-body.js";
import { modelWithAda } from "./test-support.js";

const png = (fileName: string, size = 100): UploadedFile => ({
  fileName,
  contentType: "image/png",
  size,
  head: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
});

describe("VirtualBackgrounds", () => {
  it("keeps each owner's files apart, shows them in settings and forgets a removed user's", () => {
    const { model, ada } = modelWithAda();
    const group = model.groups.create("Design");
    const mine = model.virtualBackgrounds.upload({ kind: "user", id: ada.id }, png("mine.png"));
    model.virtualBackgrounds.upload({ kind: "group", id: group.id }, png("ours.png"));
    expect(model.virtualBackgrounds.files({ kind: "user", id: ada.id })).toEqual([mine]);
    const settings = model.virtualBackgrounds.showIn({ in_meeting: { chat: true } }, { kind: "user", id: ada.id });
    expect(settings).toEqual({ in_meeting: { chat: true, virtual_background_settings: { files: [mine] } } });
    expect(model.virtualBackgrounds.showIn({ meeting_security: {} }, { kind: "user", id: ada.id })).toEqual({ meeting_security: {} });
    expect(() => model.virtualBackgrounds.delete({ kind: "user", id: ada.id }, "")).toThrow(expect.objectContaining({ code: 300 }));
    model.removeUser(ada);
    expect(model.virtualBackgrounds.files({ kind: "user", id: ada.id })).toEqual([]);
    expect(model.virtualBackgrounds.files({ kind: "group", id: group.id })).toHaveLength(1);
  });
});

describe("UserPictures", () => {
  it("sets and removes the user's pic_url", () => {
    const { model, ada, users } = modelWithAda();
    model.userPictures.upload(ada, png("ada.png"));
    expect(users.get(ada.id)?.pic_url).toMatch(/^https:\/\/zoom\.us\/p\/v2\/.+\/ada-id\.png$/);
    model.userPictures.delete(users.get(ada.id) ?? ada);
    expect(users.get(ada.id)).not.toHaveProperty("pic_url");
  });
});

describe("WebinarBranding", () => {
  it("keeps one default name tag and one default background, and forgets a deleted webinar's branding", () => {
    const { model, ada } = modelWithAda();
    const webinar = model.webinars.create(ada, { topic: "Launch" });
    const colors = { text_color: "#000000", accent_color: "#111111", background_color: "#222222" };
    const first = model.webinarBranding.createNameTag(webinar.id, { name: "A", ...colors, is_default: true });
    const second = model.webinarBranding.createNameTag(webinar.id, { name: "B", ...colors });
    model.webinarBranding.updateNameTag(webinar.id, second.id, { is_default: true });
    expect(model.webinarBranding.view(webinar.id).name_tags.map((tag) => [tag.id, tag.is_default])).toEqual([
      [first.id, false],
      [second.id, true],
    ]);
    const background = model.webinarBranding.uploadVirtualBackground(webinar.id, png("bg.png"), { default: true });
    expect(model.webinarBranding.view(webinar.id).virtual_backgrounds).toEqual([{ id: background.id, name: "bg.png", is_default: true }]);
    model.deleteWebinar(webinar);
    expect(model.webinarBranding.view(webinar.id)).toEqual({ virtual_backgrounds: [], name_tags: [] });
  });
});

describe("GroupSettings", () => {
  it("gives each group its own copy of the account's settings and checks the group exists", () => {
    const { model } = modelWithAda();
    const first = model.groups.create("One");
    const second = model.groups.create("Two");
    model.groupSettings.update(first.id, undefined, { in_meeting: { chat: false } });
    expect(model.groupSettings.get(first.id, undefined, undefined).in_meeting).toMatchObject({ chat: false, private_chat: true });
    expect(model.groupSettings.get(second.id, undefined, undefined).in_meeting).toMatchObject({ chat: true });
    model.groups.delete(second.id);
    expect(() => model.groupSettings.get(second.id, undefined, undefined)).toThrow(expect.objectContaining({ status: 404, code: 4130 }));
    expect(model.groupSettings.registration(first.id)).toMatchObject({ options: expect.any(Object) });
  });
});

describe("parameters Zoom marks optional", () => {
  it("without file_ids, deleting virtual backgrounds deletes all of the owner's files and no one else's", () => {
    const { model, ada } = modelWithAda();
    const group = model.groups.create("Design");
    model.virtualBackgrounds.upload({ kind: "user", id: ada.id }, png("one.png"));
    model.virtualBackgrounds.upload({ kind: "user", id: ada.id }, png("two.png"));
    model.virtualBackgrounds.upload({ kind: "group", id: group.id }, png("ours.png"));
    model.virtualBackgrounds.delete({ kind: "user", id: ada.id }, undefined);
    expect(model.virtualBackgrounds.files({ kind: "user", id: ada.id })).toEqual([]);
    expect(model.virtualBackgrounds.files({ kind: "group", id: group.id })).toHaveLength(1);
  });

  it("without name_tag_ids or ids, a webinar's branding deletes go for every tag or file; without id no file is the default", () => {
    const { model, ada } = modelWithAda();
    const webinar = model.webinars.create(ada, { topic: "Launch" });
    const tag = { name: "Host", text_color: "#FFFFFF", accent_color: "#0E72ED", background_color: "#000000" };
    model.webinarBranding.createNameTag(webinar.id, tag);
    model.webinarBranding.createNameTag(webinar.id, { ...tag, name: "Guest" });
    model.webinarBranding.uploadVirtualBackground(webinar.id, png("a.png"), { default: true, set_default_for_all_panelists: false });
    model.webinarBranding.setDefaultVirtualBackground(webinar.id, undefined, undefined);
    expect(model.webinarBranding.view(webinar.id).virtual_backgrounds).toMatchObject([{ name: "a.png", is_default: false }]);
    model.webinarBranding.deleteNameTags(webinar.id, undefined);
    model.webinarBranding.deleteVirtualBackgrounds(webinar.id, undefined);
    expect(model.webinarBranding.view(webinar.id)).toEqual({ virtual_backgrounds: [], name_tags: [] });
    expect(() => model.webinarBranding.deleteNameTags(webinar.id, "")).toThrow(expect.objectContaining({ code: 300 }));
  });
});

import { describe, expect, it } from "vitest";
import { modelWithAda } from "./test-support.js";

describe("live meetings: controls, RTMS, chat", () => {
  it("applies in-meeting controls only while the meeting runs, and edits or deletes chat messages", () => {
    const { model } = modelWithAda();
    expect(() => model.liveEvents.control("meeting:1", false, "recording.start", {})).toThrow(expect.objectContaining({ status: 400, code: 3000 }));
    model.liveEvents.control("meeting:1", true, "recording.start", {});
    expect(model.liveEvents.controlsOf("meeting:1")).toEqual([{ method: "recording.start", params: {} }]);
    model.liveEvents.setRtms("meeting:1", "pause", "app");
    expect(model.liveEvents.rtmsOf("meeting:1")).toEqual({ state: "paused", clientId: "app" });
    const message = model.liveEvents.postChat("meeting:1", "Ada", "helo");
    model.liveEvents.editChat("meeting:1", message.id, "hello");
    expect(model.liveEvents.chatOf("meeting:1").map((chat) => chat.message)).toEqual(["hello"]);
    model.liveEvents.deleteChat("meeting:1", message.id);
    expect(() => model.liveEvents.deleteChat("meeting:1", message.id)).toThrow(expect.objectContaining({ status: 404 }));
  });
});

describe("SIP phones, archives, recording analytics, vanity names", () => {
  it("shows a SIP phone's password back as Zoom does, and finds phones by email or name", () => {
    const { model } = modelWithAda();
    const phone = model.sipPhones.enable({
      user_email: "ada@example.com",
      user_name: "Ada",
      authorization_name: "ada",
      domain: "sip.example.com",
      password: "s3cret!",
      server: { proxy_server: "proxy.sip.example.com" },
    });
    expect(phone).toHaveProperty("password", "s3cret!");
    expect(model.sipPhones.list("ADA", {}).phones).toEqual([expect.objectContaining({ phone_id: phone.phone_id, password: "s3cret!" })]);
    expect(model.sipPhones.list("bob", {}).phones).toEqual([]);
  });

  it("counts archived files by kind, flags auto-delete, and deletes a session's archive", () => {
    const { model, ada } = modelWithAda();
    const past = model.holdMeeting(model.meetings.create(ada, {}).id, { archive: true });
    expect(model.archives.statistics({}).statistic_by_file_extension).toEqual({ mp4_file_count: 1, m4a_file_count: 1, txt_file_count: 1, json_file_count: 1, vtt_file_count: 1 });
    expect(model.archives.statistics({ from: "2026-11-29T00:00:00Z" }).total_records).toBe(0);
    const [first] = model.archives.fileIdsOf(past.uuid);
    model.archives.setAutoDelete(first ?? "", true);
    expect(model.archives.autoDeleteOf(first ?? "")).toBe(true);
    model.archives.deleteSession(past.uuid);
    expect(() => model.archives.deleteSession(past.uuid)).toThrow(expect.objectContaining({ status: 404 }));
  });

  it("summarises a recording's views and downloads per day over the last week", () => {
    const { model } = modelWithAda();
    model.recordingAnalytics.record(1, { name: "V", email: "v@example.com", duration: 60 });
    model.recordingAnalytics.record(1, { name: "D", email: "d@example.com", kind: "download" });
    const summary = model.recordingAnalytics.summary(1, {});
    expect(summary).toMatchObject({ from: "2026-11-22", to: "2026-11-28" });
    expect(summary.analytics_summary).toHaveLength(7);
    expect(summary.analytics_summary[6]).toEqual({ date: "2026-11-28", views_total_count: 1, downloads_total_count: 1 });
    expect(model.recordingAnalytics.details(1, {}, "by_download", {}).analytics_details).toEqual([expect.objectContaining({ name: "D" })]);
  });

  it("knows which vanity names are taken", () => {
    const { model, users } = modelWithAda();
    users.set("bob", { id: "bob", email: "bob@example.com", vanity_url: "https://zoom.us/my/bobby" });
    expect(model.users.vanityNameExists("Bobby")).toEqual({ existed: true });
    expect(model.users.vanityNameExists("ada")).toEqual({ existed: false });
  });
});

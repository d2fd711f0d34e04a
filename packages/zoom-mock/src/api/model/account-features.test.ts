import { describe, expect, it } from "vitest";
import { modelWithAda } from "./test-support.js";

describe("SchedulingPrivileges", () => {
  it("makes an assistant of another user, which makes the grantor that user's scheduler", () => {
    const { model, ada, users } = modelWithAda();
    users.set("bob-id", { id: "bob-id", email: "bob@example.com", pmi: 5551234567 });
    expect(model.schedulingPrivileges.addAssistants(ada.id, [{ email: "BOB@example.com" }])).toEqual({ ids: "bob-id", add_at: "2026-11-28T10:00:00Z" });
    expect(model.schedulingPrivileges.assistants(ada.id).assistants).toEqual([{ id: "bob-id", email: "bob@example.com", can_manage_host_private_event: false }]);
    expect(model.schedulingPrivileges.schedulers("bob-id").schedulers).toEqual([{ id: ada.id, email: ada.email }]);
    model.schedulingPrivileges.removeScheduler("bob-id", ada.id);
    expect(model.schedulingPrivileges.assistants(ada.id).assistants).toEqual([]);
  });

  it("refuses yourself, strangers and repeats with Zoom's code 200; an unknown id to remove is 404 code 1001", () => {
    const { model, ada, users } = modelWithAda();
    users.set("bob-id", { id: "bob-id", email: "bob@example.com" });
    expect(() => model.schedulingPrivileges.addAssistants(ada.id, [{ id: ada.id }])).toThrow(expect.objectContaining({ status: 400, code: 200 }));
    expect(() => model.schedulingPrivileges.addAssistants(ada.id, [{ email: "nobody@example.com" }])).toThrow(/Can't find user/);
    model.schedulingPrivileges.addAssistants(ada.id, [{ id: "bob-id" }]);
    expect(() => model.schedulingPrivileges.addAssistants(ada.id, [{ id: "bob-id" }])).toThrow(/already granted/);
    expect(() => model.schedulingPrivileges.removeAssistant(ada.id, "nobody")).toThrow(expect.objectContaining({ status: 404, code: 1001 }));
  });

  it("forgets a removed user on both sides", () => {
    const { model, ada, users } = modelWithAda();
    users.set("bob-id", { id: "bob-id", email: "bob@example.com" });
    model.schedulingPrivileges.addAssistants(ada.id, [{ id: "bob-id" }]);
    model.removeUser(model.users.resolve("bob-id", ada.id));
    expect(model.schedulingPrivileges.assistants(ada.id).assistants).toEqual([]);
  });
});

describe("user password, email and permissions", () => {
  it("refuses a new password equal to the current one without ever showing it", () => {
    const { model, ada } = modelWithAda();
    model.users.setPassword(ada, "correct horse battery");
    try {
      model.users.setPassword(ada, "correct horse battery");
      expect.fail("an unchanged password must be refused");
    } catch (error) {
      expect(error).toMatchObject({ status: 400, code: 300 });
      expect(JSON.stringify((error as { toBody(): unknown }).toBody())).not.toContain("correct horse");
    }
  });

  it("changes an email unless another user has it (code 1005)", () => {
    const { model, ada, users } = modelWithAda();
    users.set("bob-id", { id: "bob-id", email: "bob@example.com" });
    model.users.changeEmail(model.users.resolve("bob-id", ada.id), "robert@example.com");
    expect(model.users.resolve("robert@example.com", ada.id).id).toBe("bob-id");
    expect(() => model.users.changeEmail(model.users.resolve("bob-id", ada.id), "ADA@example.com")).toThrow(
      expect.objectContaining({ status: 400, code: 1005 }),
    );
  });

  it("gives owners and admins the account's privileges and members none", () => {
    const { model, ada, users } = modelWithAda();
    users.set("bob-id", { id: "bob-id", email: "bob@example.com", role_name: "Member" });
    expect(model.users.permissions({ ...ada, role_name: "Owner" }).permissions).toContain("Meeting:Edit");
    expect(model.users.permissions(model.users.resolve("bob-id", ada.id))).toEqual({ permissions: [] });
  });
});

describe("live streams and registration questions", () => {
  it("needs stream settings before a stream can start", () => {
    const { model } = modelWithAda();
    expect(model.liveStreams.get("meeting:1")).toEqual({ stream_url: "", stream_key: "", page_url: "", resolution: "720p" });
    expect(() => model.liveStreams.setStatus("meeting:1", { action: "start" })).toThrow(expect.objectContaining({ code: 300 }));
    model.liveStreams.update("meeting:1", { stream_url: "rtmp://live.example.com/app", stream_key: "key", page_url: "https://example.com/live" });
    model.liveStreams.setStatus("meeting:1", { action: "start" });
    expect(model.liveStreams.isLive("meeting:1")).toBe(true);
    model.liveStreams.setStatus("meeting:1", { action: "stop" });
    expect(model.liveStreams.isLive("meeting:1")).toBe(false);
  });

  it("replaces only the parts of the registration form a patch names", () => {
    const { model } = modelWithAda();
    model.registrationQuestions.update("meeting:1", { questions: [{ field_name: "city", required: true }] });
    model.registrationQuestions.update("meeting:1", { custom_questions: [{ title: "Why?", type: "short" }] });
    expect(model.registrationQuestions.get("meeting:1")).toEqual({
      questions: [{ field_name: "city", required: true }],
      custom_questions: [{ title: "Why?", type: "short" }],
    });
    expect(model.registrationQuestions.get("webinar:1")).toEqual({ questions: [], custom_questions: [] });
  });
});

describe("past webinars", () => {
  it("records webinar sessions apart from meeting sessions; unknown ones are 404 code 3001 naming a webinar", () => {
    const { model, ada } = modelWithAda();
    const webinar = model.webinars.create(ada, {});
    const past = model.holdWebinar(webinar.id, { participants: [{ name: "A" }, { name: "B" }] });
    expect(model.pastWebinars.instances(webinar.id).meetings).toEqual([{ uuid: past.uuid, start_time: "2026-11-28T09:00:00Z" }]);
    expect(model.pastWebinars.participants(past, {}).total_records).toBe(2);
    expect(model.pastMeetings.instancesOf(webinar.id)).toEqual([]);
    expect(webinar.uuid).not.toBe(past.uuid);
    expect(() => model.pastWebinars.resolve("123")).toThrow(/Webinar does not exist/);
  });
});

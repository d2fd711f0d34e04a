import { describe, expect, it } from "vitest";
import { modelWithAda } from "./test-support.js";

describe("AccountSettings", () => {
  it("creates, reads, patches and deletes tracking fields; unknown ones are 404 code 5110", () => {
    const { model } = modelWithAda();
    const field = model.account.createTrackingField({ field: "Cost center", required: true, recommended_values: ["A"] });
    model.account.updateTrackingField(field.id, { required: false });
    expect(model.account.trackingField(field.id)).toMatchObject({ field: "Cost center", required: false, recommended_values: ["A"] });
    expect(model.account.trackingFields().total_records).toBe(1);
    model.account.deleteTrackingField(field.id);
    expect(() => model.account.trackingField(field.id)).toThrow(expect.objectContaining({ status: 404, code: 5110 }));
  });

  it("keeps device display names unique (Zoom's 404 code 2020) and pages devices", () => {
    const { model } = modelWithAda();
    const room = model.account.createDevice({ name: "Room 1", protocol: "H.323", ip: "10.0.0.5", encryption: "auto" });
    model.account.createDevice({ name: "Room 2", protocol: "SIP", ip: "10.0.0.6", encryption: "no" });
    expect(() => model.account.createDevice({ name: "Room 1", protocol: "SIP", ip: "10.0.0.7", encryption: "no" })).toThrow(
      expect.objectContaining({ status: 404, code: 2020 }),
    );
    expect(() => model.account.updateDevice(room.id, { name: "Room 2", protocol: "SIP", ip: "10.0.0.5", encryption: "yes" })).toThrow(/already in use/);
    const first = model.account.devices({ pageSize: 1 });
    expect(first).toMatchObject({ total_records: 2, devices: [{ name: "Room 1" }] });
    expect(model.account.devices({ pageSize: 1, nextPageToken: first.next_page_token }).devices).toEqual([expect.objectContaining({ name: "Room 2" })]);
    model.account.deleteDevice(room.id);
    expect(() => model.account.deleteDevice(room.id)).toThrow(expect.objectContaining({ status: 404 }));
  });

  it("merges TSP settings", () => {
    const { model } = modelWithAda();
    model.account.updateTsp({ enable: true, tsp_provider: "Acme" });
    expect(model.account.tsp()).toMatchObject({ enable: true, tsp_provider: "Acme", tsp_bridge: "US_TSP_TB" });
  });
});

describe("open apps, batch polls, SIP dialing", () => {
  it("adds up to 3 apps to a meeting that has not started", () => {
    const { model, ada } = modelWithAda();
    const meeting = model.meetings.create(ada, {});
    for (const app of ["a", "b", "c"]) model.openApps.add(meeting, app);
    expect(model.openApps.add(meeting, "a").app_id).toBe("a");
    expect(() => model.openApps.add(meeting, "d")).toThrow(expect.objectContaining({ status: 400, code: 3000 }));
    model.openApps.remove(meeting, "a");
    expect(model.openApps.of(meeting)).toEqual(["b", "c"]);
    model.startMeeting(meeting.id);
    expect(() => model.openApps.remove(meeting, "b")).toThrow(/has started/);
  });

  it("creates polls in a batch, up to 50 per meeting (code 4400)", () => {
    const { model, ada } = modelWithAda();
    const meeting = model.meetings.create(ada, {});
    expect(model.polls.createMany(meeting, [{ title: "One" }, { title: "Two" }]).polls.map((poll) => poll.title)).toEqual(["One", "Two"]);
    expect(() => model.polls.createMany(meeting, Array.from({ length: 49 }, () => ({ title: "More" })))).toThrow(
      expect.objectContaining({ code: 4400 }),
    );
  });

  it("gives a SIP URI with the passcode, valid two hours", () => {
    const { model } = modelWithAda();
    expect(model.eventTokens.sipDialing(81234567890, "123456")).toMatchObject({
      sip_dialing: expect.stringMatching(/^81234567890\.123456\.[\w-]+@zoomcrc\.com$/),
      expire_in: 7200,
    });
  });
});

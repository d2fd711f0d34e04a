import { describe, expect, it } from "vitest";
import { normalizeMac, type ZdmDeviceCreateInput } from "./zdm-devices.js";
import { modelWithAda } from "./test-support.js";

const controller: ZdmDeviceCreateInput = {
  device_name: "Boardroom controller",
  mac_address: "01-23-45-67-89-AB",
  serial_number: "SN-CTRL-1",
  vendor: "Poly",
  model: "TC10",
  device_type: 1,
};

const deskPhone: ZdmDeviceCreateInput = {
  device_name: "Reception phone",
  mac_address: "64167ffc0ed7",
  serial_number: "SN-ZPA-1",
  vendor: "Yealink",
  model: "MP56",
  device_type: 5,
};

describe("managed devices (ZDM)", () => {
  it("reads a MAC address with dashes, colons or no separators, and nothing else", () => {
    expect(normalizeMac("01-23-45-67-89-AB")).toBe("0123456789ab");
    expect(normalizeMac("01:23:45:67:89:ab")).toBe("0123456789ab");
    expect(normalizeMac("0123456789AB")).toBe("0123456789ab");
    expect(normalizeMac("01-23:45-67-89-AB")).toBeUndefined();
    expect(normalizeMac("0123456789")).toBeUndefined();
  });

  it("adds devices offline and enrolled, refuses a second device with the same vendor and MAC, and lists Zoom Rooms devices by default", () => {
    const { model } = modelWithAda();
    const added = model.managedDevices.add(controller);
    model.managedDevices.add(deskPhone);
    expect(added).toMatchObject({ device_status: 0, enrolled_in_zdm: true, connected_to_zdm: false, last_online: "" });
    expect(() => model.managedDevices.add({ ...controller, mac_address: "0123456789ab" })).toThrow(expect.objectContaining({ status: 400, code: 30055006 }));
    expect(model.managedDevices.list({}, {}).devices.map((device) => device.device_name)).toEqual(["Boardroom controller"]);
    expect(model.managedDevices.list({ deviceType: 5 }, {}).devices.map((device) => device.device_name)).toEqual(["Reception phone"]);
  });

  it("refuses bad input with Zoom's device codes", () => {
    const { model } = modelWithAda();
    expect(() => model.managedDevices.add({ ...controller, mac_address: "not-a-mac" })).toThrow(expect.objectContaining({ code: 30055007 }));
    expect(() => model.managedDevices.add({ ...controller, tag: "x".repeat(65) })).toThrow(expect.objectContaining({ code: 30055005 }));
    expect(() => model.managedDevices.add({ ...controller, room_id: "no-such-room" })).toThrow(expect.objectContaining({ code: 30055001 }));
    expect(() => model.managedDevices.add({ ...deskPhone, user_email: "nobody@example.com" })).toThrow(expect.objectContaining({ code: 30055009 }));
    expect(() => model.managedDevices.add({ ...controller, serial_number: " " })).toThrow(expect.objectContaining({ code: 30055002 }));
    expect(() => model.managedDevices.get("missing")).toThrow(expect.objectContaining({ status: 404, code: 30055012 }));
  });

  it("shows what a device reports when it connects, and filters by platform, status and enrolment", () => {
    const { model, clock } = modelWithAda();
    const { device_id } = model.managedDevices.add(controller);
    clock.advance(60_000);
    model.managedDevices.connect(device_id, { platform_os: "Android 10", app_version: "6.2.0", sdk_version: "2.0.11" });
    expect(model.managedDevices.get(device_id)).toMatchObject({ device_status: 1, connected_to_zdm: true, sdk_version: "2.0.11", last_online: "2026-11-28T10:01:00Z" });
    expect(model.managedDevices.list({ platformOs: "android", status: 1 }, {}).devices).toEqual([expect.objectContaining({ skd_version: "2.0.11" })]);
    expect(model.managedDevices.list({ platformOs: "win" }, {}).devices).toEqual([]);
    model.managedDevices.unenroll(device_id);
    expect(model.managedDevices.list({}, {}).devices).toEqual([]);
    expect(model.managedDevices.list({ enrolled: false, status: -1 }, {}).devices).toHaveLength(1);
    expect(() => model.managedDevices.update(device_id, { device_name: "Renamed" })).toThrow(expect.objectContaining({ code: 30055011 }));
  });

  it("moves a device between rooms (its own codes: 8503, 8500, 1012) and shows personal rooms' devices as the user's collaboration devices", () => {
    const { model, ada } = modelWithAda();
    const personal = model.zoomRooms.add({ name: "Ada's room", personalFor: ada.id });
    const { device_id } = model.managedDevices.add(controller);
    expect(() => model.managedDevices.changeRoom("missing", personal.id, undefined)).toThrow(expect.objectContaining({ status: 404, code: 8503 }));
    expect(() => model.managedDevices.changeRoom(device_id, "no-room", undefined)).toThrow(expect.objectContaining({ status: 404, code: 1012 }));
    model.managedDevices.changeRoom(device_id, personal.id, "ZRC");
    expect(model.managedDevices.get(device_id)).toMatchObject({ room_id: personal.id, room_name: "Ada's room", device_type: 1 });
    expect(model.managedDevices.collaborationDevicesOf(ada.id)).toEqual({
      total_records: 1,
      collaboration_devices: [{ id: device_id, device_name: "Boardroom controller", room_name: "Ada's room", room_user_id: personal.id, status: "Offline" }],
    });
    model.managedDevices.changeRoom(device_id, undefined, "ZRP");
    expect(model.managedDevices.get(device_id)).toMatchObject({ room_id: personal.id, device_type: 2 });
    model.managedDevices.changeRoom(device_id, " ", undefined);
    expect(model.managedDevices.collaborationDevicesOf(ada.id).total_records).toBe(0);
    expect(() => model.managedDevices.collaborationDevice(ada.id, device_id)).toThrow(expect.objectContaining({ status: 404, code: 1238 }));
    model.managedDevices.unenroll(device_id);
    expect(() => model.managedDevices.changeRoom(device_id, personal.id, undefined)).toThrow(expect.objectContaining({ status: 400, code: 8500 }));
  });

  it("assigns a phone appliance through an extension, lists it in the user's settings, and takes it back", () => {
    const { model, ada } = modelWithAda();
    model.managedDevices.add(deskPhone);
    model.phoneExtensions.register("802", { kind: "user", email: ada.email });
    expect(() => model.managedDevices.assignAppliance("Yealink", "64167ffc0ed7", "999")).toThrow(expect.objectContaining({ code: 30052024 }));
    expect(() => model.managedDevices.assignAppliance("Yealink", "ffffffffffff", "802")).toThrow(expect.objectContaining({ status: 400, code: 30051039 }));
    model.managedDevices.assignAppliance("yealink", "64-16-7F-FC-0E-D7", "802");
    expect(model.managedDevices.applianceSettings(ada)).toEqual({
      language: "",
      timezone: "Europe/London",
      device_infos: [expect.objectContaining({ vendor: "Yealink", model: "MP56", device_type: "Zoom Phone Appliance", status: "offline" })],
    });
    model.managedDevices.assignAppliance("Yealink", "64167ffc0ed7", undefined);
    expect(model.managedDevices.applianceSettings(ada).device_infos).toEqual([]);
  });

  it("gives an appliance added on an extension to the extension's user", () => {
    const { model, ada } = modelWithAda();
    model.phoneExtensions.register("804", { kind: "user", email: ada.email });
    expect(() => model.managedDevices.add({ ...deskPhone, extension_number: "805" })).toThrow(expect.objectContaining({ code: 30052024 }));
    expect(model.managedDevices.add({ ...deskPhone, extension_number: "804" }).user_email).toBe(ada.email);
    expect(model.managedDevices.applianceSettings(ada).device_infos).toHaveLength(1);
  });

  it("removes only phone appliances by vendor and MAC", () => {
    const { model } = modelWithAda();
    model.managedDevices.add(controller);
    model.managedDevices.add(deskPhone);
    expect(() => model.managedDevices.removeAppliance("Poly", "0123456789ab")).toThrow(expect.objectContaining({ status: 400, code: 30052026 }));
    expect(() => model.managedDevices.removeAppliance("Poly", "ffffffffffff")).toThrow(expect.objectContaining({ status: 404, code: 30051039 }));
    model.managedDevices.removeAppliance("Yealink", "64:16:7f:fc:0e:d7");
    expect(model.managedDevices.list({ deviceType: 5 }, {}).devices).toEqual([]);
  });

  it("offers the group's appliances the releases they do not run yet, and upgrades them", () => {
    const { model } = modelWithAda();
    const group = model.zdmGroups.add({ name: "Front desk" });
    const { device_id } = model.managedDevices.add({ ...deskPhone, zdm_group_id: group.zdm_group_id });
    model.zpaReleases.publishFirmware({ vendor: "yealink", model: "mp56", version: "122.15.0.1" });
    model.zpaReleases.publishFirmware({ vendor: "Poly", model: "CCX400", version: "8.1" });
    model.zpaReleases.publishApp("6.1.0");
    model.zpaReleases.publishApp("6.2.0");
    expect(model.managedDevices.offeredVersions(group.zdm_group_id)).toEqual({
      firmware_versions: [{ vendor: "yealink", model: "mp56", version: "122.15.0.1" }],
      app_versions: ["6.2.0", "6.1.0"],
    });
    model.managedDevices.upgrade({ zdm_group_id: group.zdm_group_id, data: { upgrade_type: "UPGRADE_APP", app_version: "6.2.0" } });
    model.managedDevices.upgrade({ zdm_group_id: group.zdm_group_id, data: { upgrade_type: "UPGRADE_FIRMWARE", firmware_versions: [{ vendor: "Yealink", model: "MP56", version: "122.15.0.1" }] } });
    expect(model.managedDevices.get(device_id).app_version).toBe("6.2.0");
    expect(model.managedDevices.firmwareOf(device_id)).toBe("122.15.0.1");
    expect(model.managedDevices.offeredVersions(group.zdm_group_id)).toEqual({ firmware_versions: [], app_versions: ["6.1.0"] });
    expect(() => model.managedDevices.upgrade({ zdm_group_id: group.zdm_group_id, data: { upgrade_type: "UPGRADE_APP" } })).toThrow(expect.objectContaining({ code: 30052030 }));
    expect(() => model.managedDevices.upgrade({ zdm_group_id: group.zdm_group_id, data: { upgrade_type: "UPGRADE_FIRMWARE" } })).toThrow(expect.objectContaining({ code: 30052029 }));
    expect(() => model.managedDevices.upgrade({ zdm_group_id: "nope", data: { upgrade_type: "UPGRADE_APP", app_version: "1" } })).toThrow(expect.objectContaining({ code: 30055018 }));
    expect(() => model.managedDevices.offeredVersions("nope")).toThrow(expect.objectContaining({ status: 404, code: 30052027 }));
  });

  it("pages ZDM groups 50 at most, and moves devices between them", () => {
    const { model } = modelWithAda();
    for (let index = 0; index < 60; index += 1) model.zdmGroups.add({ name: `Group ${index}` });
    const first = model.zdmGroups.list({ pageSize: 100 });
    expect(first).toMatchObject({ page_size: 50, next_page_token: expect.stringMatching(/.+/) });
    expect(model.zdmGroups.list({ pageSize: 100, nextPageToken: first.next_page_token }).groups).toHaveLength(10);
    const { device_id } = model.managedDevices.add(controller);
    const target = first.groups[3]?.zdm_group_id ?? "";
    expect(() => model.managedDevices.assignGroup(device_id, "nope")).toThrow(expect.objectContaining({ status: 400, code: 30052010 }));
    model.managedDevices.assignGroup(device_id, target);
    expect(() => model.managedDevices.assignGroup("missing", target)).toThrow(expect.objectContaining({ status: 404, code: 30055012 }));
  });
});

import { expect, it } from "vitest";
import { describeOperation } from "../describe-operation.js";
import { useTypedClient } from "../typed-operations.js";

/** Zoom Device Management through the typed client: Zoom Rooms devices, ZDM groups and Zoom Phone appliances. */
const { api, zoom, client } = useTypedClient();

let macCounter = 0;
/** A MAC address no other test uses (the mock refuses a vendor's MAC twice). */
function freshMac(): string {
  macCounter += 1;
  return `02-00-00-00-00-${macCounter.toString(16).padStart(2, "0")}`;
}

/** Adds a device through the API and finds its id through the model (Zoom's 202 has no body). */
async function addDevice(body: { device_name: string; vendor?: string; model?: string; device_type?: 0 | 1 | 5; zdm_group_id?: string; mac_address?: string }) {
  const mac = body.mac_address ?? freshMac();
  const { response } = await client().POST("/devices", {
    body: { serial_number: `SN-${mac}`, vendor: "Poly", model: "TC10", device_type: 1, ...body, mac_address: mac },
  });
  expect(response.status).toBe(202);
  const listed = api.model.managedDevices.list({ searchText: `SN-${mac}`, deviceType: body.device_type ?? 1 }, {}).devices;
  return { deviceId: listed[0]?.device_id ?? "", mac };
}

describeOperation("addDevice", () => {
  it("answers 202 with no body, and the device is then listed, offline and enrolled", async () => {
    const { deviceId } = await addDevice({ device_name: "Lobby controller" });
    expect(api.model.managedDevices.get(deviceId)).toMatchObject({ device_name: "Lobby controller", device_status: 0, enrolled_in_zdm: true });
  });

  it("refuses the same vendor and MAC twice (400, code 30055006) and a bad MAC (30055007)", async () => {
    const { mac } = await addDevice({ device_name: "First" });
    const twice = await client().POST("/devices", {
      body: { device_name: "Second", mac_address: mac.replaceAll("-", ":"), serial_number: "SN-TWICE", vendor: "poly", model: "TC10", device_type: 1 },
    });
    expect(twice.response.status).toBe(400);
    expect(twice.error).toMatchObject({ code: 30055006 });
    const bad = await client().POST("/devices", { body: { device_name: "Bad", mac_address: "xyz", serial_number: "SN-BAD", vendor: "Poly", model: "TC10", device_type: 1 } });
    expect(bad.error).toMatchObject({ code: 30055007 });
  });
});

describeOperation("listDevices", () => {
  it("lists enrolled Zoom Rooms devices by default, filters by name, type and status, and pages with next_page_token", async () => {
    for (const name of ["Pager A", "Pager B", "Pager C"]) await addDevice({ device_name: name });
    const { deviceId: phone } = await addDevice({ device_name: "Pager phone", vendor: "Yealink", model: "MP56", device_type: 5 });
    api.model.managedDevices.connect(phone, { platform_os: "Android 9" });

    const first = await client().GET("/devices", { params: { query: { search_text: "pager", page_size: 2 } } });
    expect(first.data?.devices?.map((device) => device.device_name)).toEqual(["Pager A", "Pager B"]);
    const second = await client().GET("/devices", { params: { query: { search_text: "pager", page_size: 2, next_page_token: first.data?.next_page_token ?? "" } } });
    expect(second.data?.devices?.map((device) => device.device_name)).toEqual(["Pager C"]);
    expect(second.data?.next_page_token).toBe("");

    const phones = await client().GET("/devices", { params: { query: { search_text: "pager", device_type: 5, device_status: 1, platform_os: "android" } } });
    expect(phones.data?.devices).toEqual([expect.objectContaining({ device_id: phone, device_status: 1, platform_os: "Android 9", skd_version: "" })]);
  });
});

describeOperation("getDevice", () => {
  it("shows the device with the room it is in, and 404 (code 30055012) for an unknown id", async () => {
    const room = api.model.zoomRooms.add({ name: "Room 4.01" });
    const { deviceId } = await addDevice({ device_name: "Room 4.01 computer", device_type: 0 });
    await client().PATCH("/devices/{deviceId}", { params: { path: { deviceId } }, body: { device_name: "Room 4.01 computer", room_id: room.id } });
    const { data } = await client().GET("/devices/{deviceId}", { params: { path: { deviceId } } });
    expect(data).toMatchObject({ device_id: deviceId, room_id: room.id, room_name: "Room 4.01", device_type: 0, sdk_version: "" });
    const missing = await client().GET("/devices/{deviceId}", { params: { path: { deviceId: "no-such-device" } } });
    expect(missing.response.status).toBe(404);
    expect(missing.error).toMatchObject({ code: 30055012 });
  });
});

describeOperation("updateDevice", () => {
  it("renames and retags an enrolled device, and refuses an unenrolled one (400, code 30055011)", async () => {
    const { deviceId } = await addDevice({ device_name: "Old name" });
    const { response } = await client().PATCH("/devices/{deviceId}", { params: { path: { deviceId } }, body: { device_name: "New name", tag: "floor 2" } });
    expect(response.status).toBe(204);
    expect(api.model.managedDevices.get(deviceId)).toMatchObject({ device_name: "New name", tag: "floor 2" });
    api.model.managedDevices.unenroll(deviceId);
    const refused = await client().PATCH("/devices/{deviceId}", { params: { path: { deviceId } }, body: { device_name: "Again" } });
    expect(refused.response.status).toBe(400);
    expect(refused.error).toMatchObject({ code: 30055011 });
  });
});

describeOperation("deleteDevice", () => {
  it("removes the device: it is gone from the list and 404 afterwards", async () => {
    const { deviceId } = await addDevice({ device_name: "Short-lived" });
    const { response } = await client().DELETE("/devices/{deviceId}", { params: { path: { deviceId } } });
    expect(response.status).toBe(204);
    const again = await client().DELETE("/devices/{deviceId}", { params: { path: { deviceId } } });
    expect(again.response.status).toBe(404);
    expect(again.error).toMatchObject({ code: 30055012 });
  });
});

describeOperation("assginGroup", () => {
  it("moves a phone appliance into a ZDM group, which then offers it the group's upgrades; unknown groups give 400 code 30052010", async () => {
    const group = api.model.zdmGroups.add({ name: "Warehouse" });
    api.model.zpaReleases.publishApp("7.0.1");
    const { deviceId } = await addDevice({ device_name: "Warehouse phone", vendor: "Yealink", model: "T57W", device_type: 5 });
    const before = await client().GET("/devices/zpa/zdm_groups/{zdmGroupId}/versions", { params: { path: { zdmGroupId: group.zdm_group_id } } });
    expect(before.data?.app_versions).toEqual([]);
    const { response } = await client().PATCH("/devices/{deviceId}/assign_group", { params: { path: { deviceId }, query: { group_id: group.zdm_group_id } } });
    expect(response.status).toBe(204);
    const after = await client().GET("/devices/zpa/zdm_groups/{zdmGroupId}/versions", { params: { path: { zdmGroupId: group.zdm_group_id } } });
    expect(after.data?.app_versions).toContain("7.0.1");
    const unknown = await client().PATCH("/devices/{deviceId}/assign_group", { params: { path: { deviceId }, query: { group_id: "no-such-group" } } });
    expect(unknown.error).toMatchObject({ code: 30052010 });
  });
});

describeOperation("changeDeviceAssociation", () => {
  it("moves a device into a room as the app asked for, releases it with a blank room, and answers Zoom's 1012 and 8503", async () => {
    const room = api.model.zoomRooms.add({ name: "Huddle 2" });
    const { deviceId } = await addDevice({ device_name: "Huddle display" });
    const moved = await client().PATCH("/devices/{deviceId}/assignment", { params: { path: { deviceId } }, body: { room_id: room.id, app_type: "ZRP" } });
    expect(moved.response.status).toBe(204);
    expect(api.model.managedDevices.get(deviceId)).toMatchObject({ room_id: room.id, room_name: "Huddle 2", device_type: 2 });
    await client().PATCH("/devices/{deviceId}/assignment", { params: { path: { deviceId } }, body: { room_id: " " } });
    expect(api.model.managedDevices.get(deviceId)).toMatchObject({ room_id: "", room_name: "" });
    const noRoom = await client().PATCH("/devices/{deviceId}/assignment", { params: { path: { deviceId } }, body: { room_id: "no-such-room" } });
    expect([noRoom.response.status, noRoom.error?.code]).toEqual([404, 1012]);
    const noDevice = await client().PATCH("/devices/{deviceId}/assignment", { params: { path: { deviceId: "no-such-device" } }, body: { room_id: room.id } });
    expect([noDevice.response.status, noDevice.error?.code]).toEqual([404, 8503]);
  });
});

describeOperation("Getzdmgroupinfo", () => {
  it("lists the account's ZDM groups a page at a time", async () => {
    for (const name of ["North", "South", "East"]) api.model.zdmGroups.add({ name, description: `${name} offices` });
    const all = await client().GET("/devices/groups", { params: { query: { page_size: 50 } } });
    expect(all.data?.groups).toEqual(expect.arrayContaining([{ zdm_group_id: expect.any(String), name: "North", description: "North offices" }]));
    const first = await client().GET("/devices/groups", { params: { query: { page_size: 1 } } });
    expect(first.data).toMatchObject({ page_size: 1, next_page_token: expect.stringMatching(/.+/) });
    const second = await client().GET("/devices/groups", { params: { query: { page_size: 1, next_page_token: first.data?.next_page_token ?? "" } } });
    expect(second.data?.groups?.[0]?.name).not.toBe(first.data?.groups?.[0]?.name);
  });
});

describeOperation("Assigndevicetoauser/commonarea", () => {
  it("gives an appliance to the owner of an extension, and takes it back without one", async () => {
    const { mac } = await addDevice({ device_name: "Ada's desk phone", vendor: "Yealink", model: "MP56", device_type: 5 });
    api.model.phoneExtensions.register("802", { kind: "user", email: "ada@example.com" });
    const assigned = await client().POST("/devices/zpa/assignment", { body: { vendor: "yealink", mac_address: mac.replaceAll("-", ""), extension_number: "802" } });
    expect(assigned.response.status).toBe(204);
    const settings = await client().GET("/devices/zpa/settings", { params: { query: { user_id: "me" } } });
    expect(settings.data?.device_infos?.map((info) => info.model)).toContain("MP56");
    await client().POST("/devices/zpa/assignment", { body: { vendor: "Yealink", mac_address: mac } });
    const after = await client().GET("/devices/zpa/settings", { params: { query: { user_id: "me" } } });
    expect(after.data?.device_infos?.map((info) => info.model) ?? []).not.toContain("MP56");
  });

  it("refuses an unknown extension (30052024) and an unknown appliance (30051039)", async () => {
    const { mac } = await addDevice({ device_name: "Spare phone", vendor: "Yealink", model: "MP54", device_type: 5 });
    const noExtension = await client().POST("/devices/zpa/assignment", { body: { vendor: "Yealink", mac_address: mac, extension_number: "99999" } });
    expect([noExtension.response.status, noExtension.error?.code]).toEqual([400, 30052024]);
    const noDevice = await client().POST("/devices/zpa/assignment", { body: { vendor: "Yealink", mac_address: "0a0b0c0d0e0f" } });
    expect([noDevice.response.status, noDevice.error?.code]).toEqual([400, 30051039]);
  });
});

describeOperation("GetZpaDeviceListProfileSettingOfaUser", () => {
  it("shows the user's appliances with their status, and the user's time zone", async () => {
    const { deviceId } = await addDevice({ device_name: "Online phone", vendor: "Poly", model: "CCX500", device_type: 5 });
    api.model.managedDevices.connect(deviceId);
    api.model.phoneExtensions.register("803", { kind: "user", email: "ada@example.com" });
    const mac = api.model.managedDevices.get(deviceId).mac_address;
    await client().POST("/devices/zpa/assignment", { body: { vendor: "Poly", mac_address: mac, extension_number: "803" } });
    const { data } = await client().GET("/devices/zpa/settings", { params: { query: { user_id: zoom.defaultUser.id } } });
    expect(data?.device_infos).toContainEqual({
      device_id: deviceId,
      device_type: "Zoom Phone Appliance",
      vendor: "Poly",
      model: "CCX500",
      status: "online",
      policy: { hot_desking: { status: "offline" }, call_control: { status: "off" } },
    });
  });

  it("answers an unknown user with 400 code 30052016", async () => {
    const { response, error } = await client().GET("/devices/zpa/settings", { params: { query: { user_id: "nobody@example.com" } } });
    expect(response.status).toBe(400);
    expect(error).toMatchObject({ code: 30052016, message: "User does not exist: nobody@example.com." });
  });
});

describeOperation("UpgradeZpas/app", () => {
  it("installs the app version on the group's appliances, so the group is no longer offered it", async () => {
    const group = api.model.zdmGroups.add({ name: "Upgrade ring 1" });
    api.model.zpaReleases.publishApp("7.1.0");
    const { deviceId } = await addDevice({ device_name: "Ring 1 phone", vendor: "Poly", model: "CCX400", device_type: 5, zdm_group_id: group.zdm_group_id });
    const { response } = await client().POST("/devices/zpa/upgrade", { body: { zdm_group_id: group.zdm_group_id, data: { upgrade_type: "UPGRADE_APP", app_version: "7.1.0" } } });
    expect(response.status).toBe(202);
    expect(api.model.managedDevices.get(deviceId).app_version).toBe("7.1.0");
    const offered = await client().GET("/devices/zpa/zdm_groups/{zdmGroupId}/versions", { params: { path: { zdmGroupId: group.zdm_group_id } } });
    expect(offered.data?.app_versions).not.toContain("7.1.0");
  });

  it("needs firmware versions for a firmware upgrade (30052029) and a known group (30055018)", async () => {
    const group = api.model.zdmGroups.add({ name: "Upgrade ring 2" });
    const noFirmware = await client().POST("/devices/zpa/upgrade", { body: { zdm_group_id: group.zdm_group_id, data: { upgrade_type: "UPGRADE_FIRMWARE" } } });
    expect([noFirmware.response.status, noFirmware.error?.code]).toEqual([400, 30052029]);
    const noGroup = await client().POST("/devices/zpa/upgrade", { body: { zdm_group_id: "no-such-group", data: { upgrade_type: "UPGRADE_APP", app_version: "1.0" } } });
    expect(noGroup.error?.code).toBe(30055018);
  });
});

describeOperation("GetZpaVersioninfo", () => {
  it("offers firmware released for the models in the group that they do not run yet, and 404 (30052027) for an unknown group", async () => {
    const group = api.model.zdmGroups.add({ name: "Firmware ring" });
    await addDevice({ device_name: "Firmware phone", vendor: "AudioCodes", model: "C450HD", device_type: 5, zdm_group_id: group.zdm_group_id });
    api.model.zpaReleases.publishFirmware({ vendor: "AudioCodes", model: "C450HD", version: "3.4.8", warn_info: "Restarts the phone." });
    api.model.zpaReleases.publishFirmware({ vendor: "AudioCodes", model: "C470HD", version: "3.4.8" });
    const { data } = await client().GET("/devices/zpa/zdm_groups/{zdmGroupId}/versions", { params: { path: { zdmGroupId: group.zdm_group_id } } });
    expect(data?.firmware_versions).toEqual([{ vendor: "AudioCodes", model: "C450HD", version: "3.4.8", warn_info: "Restarts the phone." }]);
    await client().POST("/devices/zpa/upgrade", {
      body: { zdm_group_id: group.zdm_group_id, data: { upgrade_type: "UPGRADE_FIRMWARE", firmware_versions: [{ vendor: "AudioCodes", model: "C450HD", version: "3.4.8" }] } },
    });
    const upgraded = await client().GET("/devices/zpa/zdm_groups/{zdmGroupId}/versions", { params: { path: { zdmGroupId: group.zdm_group_id } } });
    expect(upgraded.data?.firmware_versions).toEqual([]);
    const missing = await client().GET("/devices/zpa/zdm_groups/{zdmGroupId}/versions", { params: { path: { zdmGroupId: "no-such-group" } } });
    expect([missing.response.status, missing.error?.code]).toEqual([404, 30052027]);
  });
});

describeOperation("DeleteZpaDeviceByVendorAndMacAddress", () => {
  it("removes an appliance by vendor and MAC, refuses other devices (30052026) and answers 404 (30051039) once it is gone", async () => {
    const { deviceId, mac } = await addDevice({ device_name: "Retired phone", vendor: "Yealink", model: "T54W", device_type: 5 });
    const path = { vendor: "Yealink", macAddress: mac };
    const { response } = await client().DELETE("/devices/zpa/vendors/{vendor}/mac_addresses/{macAddress}", { params: { path } });
    expect(response.status).toBe(204);
    const gone = await client().GET("/devices/{deviceId}", { params: { path: { deviceId } } });
    expect(gone.response.status).toBe(404);
    const again = await client().DELETE("/devices/zpa/vendors/{vendor}/mac_addresses/{macAddress}", { params: { path } });
    expect([again.response.status, again.error?.code]).toEqual([404, 30051039]);
    const { mac: controllerMac } = await addDevice({ device_name: "Not a phone" });
    const notZpa = await client().DELETE("/devices/zpa/vendors/{vendor}/mac_addresses/{macAddress}", { params: { path: { vendor: "Poly", macAddress: controllerMac } } });
    expect([notZpa.response.status, notZpa.error?.code]).toEqual([400, 30052026]);
  });
});

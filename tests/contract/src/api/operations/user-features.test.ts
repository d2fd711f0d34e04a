import { beforeEach, expect, it } from "vitest";
import { describeOperation } from "../describe-operation.js";
import { useTypedClient } from "../typed-operations.js";

/**
 * Users' collaboration devices, meeting summary templates and features in bulk, through the typed
 * client. The mock and the client share a clock that only the client's retry waits (and the tests) move.
 */
let now = Date.parse("2026-11-28T10:00:00Z");
const { api, zoom, client, requests } = useTypedClient({
  clock: () => now,
  sleep: async (ms) => {
    now += ms;
  },
});

describeOperation("listCollaborationDevices", () => {
  it("lists the devices of the user's personal Zoom Rooms, with their status", async () => {
    const room = api.model.zoomRooms.add({ name: "Ada's home room", personalFor: zoom.defaultUser.id });
    api.model.zoomRooms.add({ name: "Shared room" });
    api.model.managedDevices.add({ device_name: "Home display", mac_address: "0a0000000001", serial_number: "SN-HOME-1", vendor: "DTEN", model: "ME", device_type: 0, room_id: room.id });
    const { data, response } = await client().GET("/users/{userId}/collaboration_devices", { params: { path: { userId: "me" } } });
    expect(response.headers.get("x-zm-trackingid")).toBeTruthy();
    expect(data).toEqual({
      total_records: 1,
      collaboration_devices: [{ id: expect.any(String), device_name: "Home display", room_name: "Ada's home room", room_user_id: room.id, status: "Offline" }],
    });
  });

  it("answers an unknown user with 404 code 1001", async () => {
    const { response, error } = await client().GET("/users/{userId}/collaboration_devices", { params: { path: { userId: "nobody@example.com" } } });
    expect([response.status, error?.code]).toEqual([404, 1001]);
  });
});

describeOperation("getCollaborationDevice", () => {
  it("shows one of the user's collaboration devices, online once it connects, and 404 code 1238 for another device", async () => {
    const room = api.model.zoomRooms.add({ name: "Ada's office", personalFor: zoom.defaultUser.id });
    const device = api.model.managedDevices.add({ device_name: "Office board", mac_address: "0a0000000002", serial_number: "SN-HOME-2", vendor: "Neat", model: "Board", device_type: 0, room_id: room.id });
    api.model.managedDevices.connect(device.device_id);
    const path = { userId: zoom.defaultUser.email, collaborationDeviceId: device.device_id };
    const { data } = await client().GET("/users/{userId}/collaboration_devices/{collaborationDeviceId}", { params: { path } });
    expect(data).toMatchObject({ id: device.device_id, device_name: "Office board", room_name: "Ada's office", status: "Online" });
    const elsewhere = api.model.managedDevices.add({ device_name: "Lobby", mac_address: "0a0000000003", serial_number: "SN-LOBBY", vendor: "Neat", model: "Bar", device_type: 0 });
    const other = await client().GET("/users/{userId}/collaboration_devices/{collaborationDeviceId}", {
      params: { path: { userId: "me", collaborationDeviceId: elsewhere.device_id } },
    });
    expect([other.response.status, other.error?.code]).toEqual([404, 1238]);
  });
});

describeOperation("Getmeetingsummarytemplates", () => {
  it("lists the account's summary templates as a bare array", async () => {
    const before = await client().GET("/users/{userId}/meeting_summary_templates", { params: { path: { userId: "me" } } });
    const template = api.model.summaryTemplates.add({ name: "Decisions only", description: "What was decided, by whom" });
    const { data } = await client().GET("/users/{userId}/meeting_summary_templates", { params: { path: { userId: "me" } } });
    expect(data).toEqual([...(before.data ?? []), template]);
  });

  it("answers an unknown user with 404 code 1001", async () => {
    const { response, error } = await client().GET("/users/{userId}/meeting_summary_templates", { params: { path: { userId: "nobody" } } });
    expect([response.status, error?.code]).toEqual([404, 1001]);
  });
});

describeOperation("bulkUpdateFeature", () => {
  // Zoom takes one request every 10 seconds: each test starts after that.
  beforeEach(() => {
    now += 10_000;
  });

  it("answers a request within 10 seconds of the previous one with a 429 the client waits out and retries", async () => {
    const body = { feature_type: "zoom_clips_plus" as const, feature_value: "true", users: [{ id: zoom.defaultUser.id }] };
    await client().POST("/users/features", { body });
    const before = now;
    requests.length = 0;
    const { data, response } = await client().POST("/users/features", { body });
    expect(response.status).toBe(201);
    expect(data?.fail_details).toEqual([{ user_ids: [zoom.defaultUser.id], reason: "No need to update" }]);
    expect(requests).toEqual(["POST /v2/users/features", "POST /v2/users/features"]);
    expect(now - before).toBeGreaterThanOrEqual(10_000);
  });

  it("licenses Basic users, and reports users already licensed and users not found", async () => {
    const basic = api.model.users.create({ action: "custCreate", user_info: { email: "basic-1@example.com", type: 1 } });
    const { data, response } = await client().POST("/users/features", {
      body: { feature_type: "user_type", feature_value: "2", users: [{ id: basic.id }, { email: "ada@example.com" }, { email: "ghost@example.com" }] },
    });
    expect(response.status).toBe(201);
    expect(data).toEqual({
      success_user_ids: [basic.id],
      fail_details: [
        { user_ids: [zoom.defaultUser.id], reason: "No need to update" },
        { user_ids: ["ghost@example.com"], reason: "Users not found" },
      ],
    });
    const profile = await client().GET("/users/{userId}", { params: { path: { userId: basic.id } } });
    expect(profile.data?.type).toBe(2);
  });

  it("gives a licensed user a webinar capacity, shown in their settings, and refuses it to a Basic user", async () => {
    const basic = api.model.users.create({ action: "custCreate", user_info: { email: "basic-2@example.com", type: 1 } });
    const { data } = await client().POST("/users/features", { body: { feature_type: "webinar", feature_value: "64", users: [{ id: zoom.defaultUser.id }, { id: basic.id }] } });
    expect(data).toEqual({ success_user_ids: [zoom.defaultUser.id], fail_details: [{ user_ids: [basic.id], reason: "Unpaid user" }] });
    const settings = await client().GET("/users/{userId}/settings", { params: { path: { userId: "me" } } });
    expect(settings.data).toMatchObject({ feature: { webinar: true, webinar_capacity: 1000 } });
  });

  it("refuses a value the feature does not take with 400 code 300", async () => {
    const { response, error } = await client().POST("/users/features", { body: { feature_type: "zoom_events", feature_value: "42", users: [{ id: zoom.defaultUser.id }] } });
    expect([response.status, error?.code]).toEqual([400, 300]);
  });
});

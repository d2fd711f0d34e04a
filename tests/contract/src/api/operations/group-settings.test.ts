import { createZoomClient, type ZoomClient, unwrap } from "@org/zoom-api";
import { beforeAll, expect, it } from "vitest";
import { ADMIN_MANAGED_APP_SCOPES, signIn, useZoomApiMock } from "../api-fixture.js";
import { describeOperation } from "../describe-operation.js";
import { testFile } from "../upload-files.js";
import { markTypedClient } from "../served-requests-log.js";

/** A group's settings, locks, registration settings, virtual backgrounds and chat channels, through the typed client, as the account's owner. */
const { zoom, api } = useZoomApiMock({ defaultAppScopes: ADMIN_MANAGED_APP_SCOPES });
let client: ZoomClient;
beforeAll(async () => {
  const tokens = await signIn(zoom);
  client = markTypedClient(createZoomClient({ getAccessToken: () => tokens.accessToken() }));
});

let groups = 0;
/** A new group of the account, as path parameters. */
function newGroup() {
  groups += 1;
  return { path: { groupId: api.model.groups.create(`Group ${groups}`).id } };
}
const unknownGroup = { path: { groupId: "no-such-group" } };

describeOperation("getGroupSettings", () => {
  it("starts from the account's settings; `option` and `custom_query_fields` narrow the answer", async () => {
    const params = newGroup();
    const settings = await unwrap(client.GET("/groups/{groupId}/settings", { params }));
    expect(settings).toMatchObject({ schedule_meeting: { host_video: true }, in_meeting: { chat: true }, recording: { auto_recording: "none" } });
    const security = await unwrap(client.GET("/groups/{groupId}/settings", { params: { ...params, query: { option: "meeting_security" } } }));
    expect(security).toEqual({ meeting_security: expect.objectContaining({ waiting_room: true, encryption_type: "enhanced_encryption" }) });
    const authentication = await unwrap(client.GET("/groups/{groupId}/settings", { params: { ...params, query: { option: "meeting_authentication" } } }));
    expect(authentication).toMatchObject({ meeting_authentication: false, authentication_options: [expect.objectContaining({ type: "enforce_login", default_option: true })] });
    const recording = await unwrap(client.GET("/groups/{groupId}/settings", { params: { ...params, query: { option: "recording_authentication" } } }));
    expect(recording).toMatchObject({ recording_authentication: false, authentication_options: [expect.objectContaining({ type: "internally" })] });
    expect(settings).toMatchObject({ profile: { recording_storage_location: { value: "US" } } });
    const picked = await unwrap(client.GET("/groups/{groupId}/settings", { params: { ...params, query: { custom_query_fields: "host_video,chat" } } }));
    expect(picked).toEqual({ schedule_meeting: { host_video: true }, in_meeting: { chat: true } });
  });

  it("answers 404 code 4130 for an unknown group", async () => {
    const { error, response } = await client.GET("/groups/{groupId}/settings", { params: unknownGroup });
    expect(response.status).toBe(404);
    expect(error).toMatchObject({ code: 4130 });
  });
});

describeOperation("updateGroupSettings", () => {
  it("merges areas into the group's settings, and changes only that group's", async () => {
    const params = newGroup();
    const other = newGroup();
    const { response } = await client.PATCH("/groups/{groupId}/settings", { params, body: { in_meeting: { chat: false }, recording: { auto_recording: "cloud" } } });
    expect(response.status).toBe(204);
    expect(await unwrap(client.GET("/groups/{groupId}/settings", { params }))).toMatchObject({ in_meeting: { chat: false, private_chat: true }, recording: { auto_recording: "cloud", local_recording: true } });
    expect(await unwrap(client.GET("/groups/{groupId}/settings", { params: other }))).toMatchObject({ in_meeting: { chat: true } });
  });

  it("changes meeting security and authentication options through `option`", async () => {
    const params = newGroup();
    await unwrap(client.PATCH("/groups/{groupId}/settings", { params: { ...params, query: { option: "meeting_security" } }, body: { meeting_security: { waiting_room: false } } }));
    expect(await unwrap(client.GET("/groups/{groupId}/settings", { params: { ...params, query: { option: "meeting_security" } } }))).toMatchObject({ meeting_security: { waiting_room: false, auto_security: true } });
    const before = await unwrap(client.GET("/groups/{groupId}/settings", { params: { ...params, query: { option: "meeting_authentication" } } }));
    const optionId = "authentication_options" in before ? before.authentication_options?.[0]?.id : undefined;
    await unwrap(client.PATCH("/groups/{groupId}/settings", { params: { ...params, query: { option: "meeting_authentication" } }, body: { meeting_authentication: true, authentication_option: { action: "hide", id: optionId ?? "" } } }));
    expect(await unwrap(client.GET("/groups/{groupId}/settings", { params: { ...params, query: { option: "meeting_authentication" } } }))).toMatchObject({
      meeting_authentication: true,
      authentication_options: [expect.objectContaining({ id: optionId, visible: false })],
    });
  });

  it("answers 404 code 4130 for an unknown group", async () => {
    const { error } = await client.PATCH("/groups/{groupId}/settings", { params: unknownGroup, body: { in_meeting: { chat: false } } });
    expect(error).toMatchObject({ code: 4130 });
  });
});

describeOperation("getGroupLockSettings", () => {
  it("nothing is locked for a new group; `option=meeting_security` gives the security locks", async () => {
    const params = newGroup();
    const locks = await unwrap(client.GET("/groups/{groupId}/lock_settings", { params }));
    expect(locks).toMatchObject({ in_meeting: { chat: false }, schedule_meeting: { host_video: false } });
    expect(await unwrap(client.GET("/groups/{groupId}/lock_settings", { params: { ...params, query: { option: "meeting_security" } } }))).toMatchObject({ meeting_security: { waiting_room: false } });
    const missing = await client.GET("/groups/{groupId}/lock_settings", { params: unknownGroup });
    expect(missing.error).toMatchObject({ code: 4130 });
  });
});

describeOperation("groupLockedSettings", () => {
  it("locks and unlocks settings for the group's members", async () => {
    const params = newGroup();
    const { response } = await client.PATCH("/groups/{groupId}/lock_settings", { params, body: { in_meeting: { chat: true }, recording: { cloud_recording: true } } });
    expect(response.status).toBe(204);
    await unwrap(client.PATCH("/groups/{groupId}/lock_settings", { params: { ...params, query: { option: "meeting_security" } }, body: { meeting_security: { waiting_room: true } } }));
    expect(await unwrap(client.GET("/groups/{groupId}/lock_settings", { params }))).toMatchObject({ in_meeting: { chat: true, private_chat: false }, recording: { cloud_recording: true } });
    expect(await unwrap(client.GET("/groups/{groupId}/lock_settings", { params: { ...params, query: { option: "meeting_security" } } }))).toMatchObject({ meeting_security: { waiting_room: true } });
  });
});

describeOperation("groupSettingsRegistration", () => {
  it("gives the webinar registration defaults, with or without the optional `type`", async () => {
    const params = newGroup();
    const registration = await unwrap(client.GET("/groups/{groupId}/settings/registration", { params: { ...params, query: { type: "webinar" } } }));
    expect(registration).toMatchObject({ approve_type: 0, options: { close_registration: false }, questions: [], custom_questions: [] });
    expect(await unwrap(client.GET("/groups/{groupId}/settings/registration", { params }))).toEqual(registration);
  });
});

describeOperation("groupSettingsRegistrationUpdate", () => {
  it("merges options and replaces the question lists", async () => {
    const params = newGroup();
    const webinar = { ...params, query: { type: "webinar" as const } };
    const { response } = await client.PATCH("/groups/{groupId}/settings/registration", {
      params: webinar,
      body: {
        approve_type: 1,
        options: { close_registration: true },
        questions: [{ field_name: "job_title", required: true, selected: true }],
        custom_questions: [{ title: "How did you hear about us?", type: "single_dropdown", answers: ["Friend", "Ad"], required: false, selected: true }],
      },
    });
    expect(response.status).toBe(204);
    expect(await unwrap(client.GET("/groups/{groupId}/settings/registration", { params: webinar }))).toMatchObject({
      approve_type: 1,
      options: { close_registration: true, show_social_share_buttons: true },
      questions: [{ field_name: "job_title", required: true, selected: true }],
      custom_questions: [expect.objectContaining({ title: "How did you hear about us?", answers: ["Friend", "Ad"] })],
    });
  });
});

describeOperation("uploadGroupVB", () => {
  it("stores JPG and PNG images, listed in the group's settings; GIF is refused with code 120", async () => {
    const params = newGroup();
    const file = await unwrap(client.POST("/groups/{groupId}/settings/virtual_backgrounds", { params, body: { file: testFile("png", "office.png", 4096) } }));
    expect(file).toEqual({ id: expect.any(String), name: "office.png", size: 4096, type: "image", is_default: false });
    const settings = await unwrap(client.GET("/groups/{groupId}/settings", { params }));
    const files = "in_meeting" in settings ? settings.in_meeting?.virtual_background_settings?.files : undefined;
    expect(files).toEqual([file]);
    const gif = await client.POST("/groups/{groupId}/settings/virtual_backgrounds", { params, body: { file: testFile("gif", "party.gif") } });
    expect(gif.response.status).toBe(400);
    expect(gif.error).toMatchObject({ code: 120 });
    const missing = await client.POST("/groups/{groupId}/settings/virtual_backgrounds", { params: unknownGroup, body: { file: testFile("png", "x.png") } });
    expect(missing.error).toMatchObject({ code: 4130 });
  });
});

describeOperation("delGroupVB", () => {
  it("deletes the listed files; an unknown id is code 300", async () => {
    const params = newGroup();
    const file = await unwrap(client.POST("/groups/{groupId}/settings/virtual_backgrounds", { params, body: { file: testFile("jpeg", "office.jpg") } }));
    const { response } = await client.DELETE("/groups/{groupId}/settings/virtual_backgrounds", { params: { ...params, query: { file_ids: file.id ?? "" } } });
    expect(response.status).toBe(204);
    expect(api.model.virtualBackgrounds.files({ kind: "group", id: params.path.groupId })).toEqual([]);
    const again = await client.DELETE("/groups/{groupId}/settings/virtual_backgrounds", { params: { ...params, query: { file_ids: file.id ?? "" } } });
    expect(again.error).toMatchObject({ code: 300 });
  });

  it("a deleted group's files and settings go with it", async () => {
    const params = newGroup();
    await unwrap(client.POST("/groups/{groupId}/settings/virtual_backgrounds", { params, body: { file: testFile("png", "gone.png") } }));
    await unwrap(client.PATCH("/groups/{groupId}/settings", { params, body: { in_meeting: { chat: false } } }));
    expect((await client.DELETE("/groups/{groupId}", { params })).response.status).toBe(204);
    expect(api.model.virtualBackgrounds.files({ kind: "group", id: params.path.groupId })).toEqual([]);
    expect((await client.GET("/groups/{groupId}/settings", { params })).error).toMatchObject({ code: 4130 });
  });
});

describeOperation("groupChannels", () => {
  it("lists the group's channels, whose members are the group's members", async () => {
    const params = newGroup();
    expect(await unwrap(client.GET("/groups/{groupId}/channels", { params }))).toEqual({ group_id: params.path.groupId, channels: [] });
    const channelId = api.model.groupSettings.addChannel(params.path.groupId, "Announcements");
    api.model.groups.addMembers(params.path.groupId, [{ id: zoom.defaultUser.id }]);
    expect(await unwrap(client.GET("/groups/{groupId}/channels", { params }))).toEqual({
      group_id: params.path.groupId,
      channels: [{ channel_id: channelId, channel_name: "Announcements", member_count: 1 }],
    });
    const missing = await client.GET("/groups/{groupId}/channels", { params: unknownGroup });
    expect(missing.response.status).toBe(404);
    expect(missing.error).toMatchObject({ code: 4130 });
  });
});

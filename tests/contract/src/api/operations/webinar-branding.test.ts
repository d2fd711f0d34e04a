import { createZoomClient, type ZoomClient, unwrap } from "@org/zoom-api";
import { beforeAll, expect, it } from "vitest";
import { signIn, useZoomApiMock } from "../api-fixture.js";
import { describeOperation } from "../describe-operation.js";
import { testFile } from "../upload-files.js";
import { markTypedClient } from "../served-requests-log.js";

/** A webinar's session branding through the typed client: name tags, virtual backgrounds and wallpaper (multipart uploads). */
const { zoom, api } = useZoomApiMock();
let client: ZoomClient;
beforeAll(async () => {
  const tokens = await signIn(zoom);
  client = markTypedClient(createZoomClient({ getAccessToken: () => tokens.accessToken() }));
});

/** A new webinar of the signed-in user, with one panelist, as path parameters. */
function newWebinar() {
  const webinar = api.createWebinar(zoom.defaultUser.id, { topic: "Branded webinar" });
  api.model.panelists.add(webinar, [{ email: "speaker@example.com", name: "Speaker" }]);
  return { path: { webinarId: webinar.id } };
}
const blue = { text_color: "#FFFFFF", accent_color: "#0E72ED", background_color: "#0B5CFF" };

describeOperation("getWebinarBranding", () => {
  it("starts empty, then shows what was added; an unknown webinar is 404 code 3001", async () => {
    const params = newWebinar();
    expect(await unwrap(client.GET("/webinars/{webinarId}/branding", { params }))).toEqual({ virtual_backgrounds: [], name_tags: [] });
    const tag = await unwrap(client.POST("/webinars/{webinarId}/branding/name_tags", { params, body: { name: "Host", ...blue } }));
    const wallpaper = await unwrap(client.POST("/webinars/{webinarId}/branding/wallpaper", { params, body: { file: testFile("png", "stage.png") } }));
    const background = await unwrap(client.POST("/webinars/{webinarId}/branding/virtual_backgrounds", { params, body: { file: testFile("jpeg", "logo.jpg") } }));
    expect(await unwrap(client.GET("/webinars/{webinarId}/branding", { params }))).toEqual({
      wallpaper: { id: wallpaper.id },
      virtual_backgrounds: [{ id: background.id, name: "logo.jpg", is_default: false }],
      name_tags: [{ id: tag.id, name: "Host", ...blue, is_default: false }],
    });
    const missing = await client.GET("/webinars/{webinarId}/branding", { params: { path: { webinarId: 99_999_999_999 } } });
    expect(missing.response.status).toBe(404);
    expect(missing.error).toMatchObject({ code: 3001 });
  });
});

describeOperation("createWebinarBrandingNameTag", () => {
  it("creates a tag; as the default it goes to every panelist unless told otherwise", async () => {
    const params = newWebinar();
    const tag = await unwrap(client.POST("/webinars/{webinarId}/branding/name_tags", { params, body: { name: "Speaker", ...blue, is_default: true } }));
    expect(tag).toEqual({ id: expect.any(String), name: "Speaker", ...blue, is_default: true });
    const panel = await unwrap(client.GET("/webinars/{webinarId}/panelists", { params }));
    expect(panel.panelists?.[0]?.name_tag_id).toBe(tag.id);
    const other = await unwrap(client.POST("/webinars/{webinarId}/branding/name_tags", { params, body: { name: "Guest", ...blue, is_default: true, set_default_for_all_panelists: false } }));
    expect((await unwrap(client.GET("/webinars/{webinarId}/panelists", { params }))).panelists?.[0]?.name_tag_id).toBe(tag.id);
    const tags = (await unwrap(client.GET("/webinars/{webinarId}/branding", { params }))).name_tags ?? [];
    expect(tags.map((entry) => [entry.id, entry.is_default])).toEqual([
      [tag.id, false],
      [other.id, true],
    ]);
  });

  it("refuses a color that is not a hex code and a name over 50 characters (code 300), and a 21st tag (code 3000)", async () => {
    const params = newWebinar();
    const badColor = await client.POST("/webinars/{webinarId}/branding/name_tags", { params, body: { name: "Tag", ...blue, text_color: "white" } });
    expect(badColor.error).toMatchObject({ code: 300, errors: [expect.objectContaining({ field: "text_color" })] });
    const longName = await client.POST("/webinars/{webinarId}/branding/name_tags", { params, body: { name: "x".repeat(51), ...blue } });
    expect(longName.error).toMatchObject({ code: 300, errors: [expect.objectContaining({ field: "name" })] });
    for (let index = 0; index < 20; index++) await unwrap(client.POST("/webinars/{webinarId}/branding/name_tags", { params, body: { name: `Tag ${index}`, ...blue } }));
    const tooMany = await client.POST("/webinars/{webinarId}/branding/name_tags", { params, body: { name: "One more", ...blue } });
    expect(tooMany.response.status).toBe(400);
    expect(tooMany.error).toMatchObject({ code: 3000, message: expect.stringContaining("20") });
  });
});

describeOperation("updateWebinarBrandingNameTag", () => {
  it("changes the fields given; an unknown tag is 400 code 300", async () => {
    const params = newWebinar();
    const tag = await unwrap(client.POST("/webinars/{webinarId}/branding/name_tags", { params, body: { name: "Host", ...blue } }));
    const { response } = await client.PATCH("/webinars/{webinarId}/branding/name_tags/{nameTagId}", {
      params: { path: { ...params.path, nameTagId: tag.id ?? "" } },
      body: { name: "Moderator", accent_color: "#FF0000" },
    });
    expect(response.status).toBe(204);
    const tags = (await unwrap(client.GET("/webinars/{webinarId}/branding", { params }))).name_tags;
    expect(tags).toEqual([{ ...tag, name: "Moderator", accent_color: "#FF0000" }]);
    const unknown = await client.PATCH("/webinars/{webinarId}/branding/name_tags/{nameTagId}", { params: { path: { ...params.path, nameTagId: "nope" } }, body: { name: "X" } });
    expect(unknown.response.status).toBe(400);
    expect(unknown.error).toMatchObject({ code: 300 });
  });
});

describeOperation("deleteWebinarBrandingNameTag", () => {
  it("deletes the listed tags; an unknown id is code 300 and deletes nothing", async () => {
    const params = newWebinar();
    const first = await unwrap(client.POST("/webinars/{webinarId}/branding/name_tags", { params, body: { name: "One", ...blue } }));
    const second = await unwrap(client.POST("/webinars/{webinarId}/branding/name_tags", { params, body: { name: "Two", ...blue } }));
    const unknown = await client.DELETE("/webinars/{webinarId}/branding/name_tags", { params: { ...params, query: { name_tag_ids: `${first.id},nope` } } });
    expect(unknown.error).toMatchObject({ code: 300 });
    const { response } = await client.DELETE("/webinars/{webinarId}/branding/name_tags", { params: { ...params, query: { name_tag_ids: first.id ?? "" } } });
    expect(response.status).toBe(204);
    expect((await unwrap(client.GET("/webinars/{webinarId}/branding", { params }))).name_tags?.map((tag) => tag.id)).toEqual([second.id]);
  });
});

describeOperation("uploadWebinarBrandingVB", () => {
  it("stores images (text parts `default` and `set_default_for_all_panelists` included) and refuses videos and a 11th file", async () => {
    const params = newWebinar();
    const file = await unwrap(client.POST("/webinars/{webinarId}/branding/virtual_backgrounds", { params, body: { file: testFile("gif", "brand.gif", 500), default: true } }));
    expect(file).toEqual({ id: expect.any(String), name: "brand.gif", size: 500, type: "image", is_default: true });
    expect((await unwrap(client.GET("/webinars/{webinarId}/panelists", { params }))).panelists?.[0]?.virtual_background_id).toBe(file.id);
    const video = await client.POST("/webinars/{webinarId}/branding/virtual_backgrounds", { params, body: { file: testFile("mp4", "clip.mp4") } });
    expect(video.error).toMatchObject({ code: 120, message: expect.stringContaining("png") });
    for (let index = 1; index < 10; index++) await unwrap(client.POST("/webinars/{webinarId}/branding/virtual_backgrounds", { params, body: { file: testFile("png", `bg${index}.png`) } }));
    const eleventh = await client.POST("/webinars/{webinarId}/branding/virtual_backgrounds", { params, body: { file: testFile("png", "bg10.png") } });
    expect(eleventh.error).toMatchObject({ code: 120, message: expect.stringContaining("maximum of 10") });
  });
});

describeOperation("setWebinarBrandingVB", () => {
  it("makes a file the default (for the panel too, unless told otherwise); an unknown id is code 300", async () => {
    const params = newWebinar();
    const first = await unwrap(client.POST("/webinars/{webinarId}/branding/virtual_backgrounds", { params, body: { file: testFile("png", "a.png") } }));
    const second = await unwrap(client.POST("/webinars/{webinarId}/branding/virtual_backgrounds", { params, body: { file: testFile("png", "b.png") } }));
    const { response } = await client.PATCH("/webinars/{webinarId}/branding/virtual_backgrounds", { params: { ...params, query: { id: second.id ?? "", set_default_for_all_panelists: false } } });
    expect(response.status).toBe(204);
    const files = (await unwrap(client.GET("/webinars/{webinarId}/branding", { params }))).virtual_backgrounds;
    expect(files?.map((file) => [file.id, file.is_default])).toEqual([
      [first.id, false],
      [second.id, true],
    ]);
    expect((await unwrap(client.GET("/webinars/{webinarId}/panelists", { params }))).panelists?.[0]?.virtual_background_id).toBeUndefined();
    const unknown = await client.PATCH("/webinars/{webinarId}/branding/virtual_backgrounds", { params: { ...params, query: { id: "nope" } } });
    expect(unknown.error).toMatchObject({ code: 300 });
  });
});

describeOperation("deleteWebinarBrandingVB", () => {
  it("deletes the listed files", async () => {
    const params = newWebinar();
    const file = await unwrap(client.POST("/webinars/{webinarId}/branding/virtual_backgrounds", { params, body: { file: testFile("png", "a.png") } }));
    const { response } = await client.DELETE("/webinars/{webinarId}/branding/virtual_backgrounds", { params: { ...params, query: { ids: file.id ?? "" } } });
    expect(response.status).toBe(204);
    expect((await unwrap(client.GET("/webinars/{webinarId}/branding", { params }))).virtual_backgrounds).toEqual([]);
    const again = await client.DELETE("/webinars/{webinarId}/branding/virtual_backgrounds", { params: { ...params, query: { ids: file.id ?? "" } } });
    expect(again.error).toMatchObject({ code: 300 });
  });
});

describeOperation("uploadWebinarBrandingWallpaper", () => {
  it("stores one wallpaper, which a new upload replaces; a file over 15 MB is code 120", async () => {
    const params = newWebinar();
    const first = await unwrap(client.POST("/webinars/{webinarId}/branding/wallpaper", { params, body: { file: testFile("jpeg", "stage.jpg", 1234) } }));
    expect(first).toEqual({ id: expect.any(String), name: "stage.jpg", size: 1234, type: "image" });
    const second = await unwrap(client.POST("/webinars/{webinarId}/branding/wallpaper", { params, body: { file: testFile("png", "stage2.png") } }));
    expect((await unwrap(client.GET("/webinars/{webinarId}/branding", { params }))).wallpaper).toEqual({ id: second.id });
    const huge = await client.POST("/webinars/{webinarId}/branding/wallpaper", { params, body: { file: testFile("png", "huge.png", 15 * 1024 * 1024 + 1) } });
    expect(huge.response.status).toBe(400);
    expect(huge.error).toMatchObject({ code: 120, message: "File size cannot exceed 15M." });
  });
});

describeOperation("deleteWebinarBrandingWallpaper", () => {
  it("removes the wallpaper from the branding", async () => {
    const params = newWebinar();
    await unwrap(client.POST("/webinars/{webinarId}/branding/wallpaper", { params, body: { file: testFile("png", "stage.png") } }));
    const { response } = await client.DELETE("/webinars/{webinarId}/branding/wallpaper", { params });
    expect(response.status).toBe(204);
    expect(await unwrap(client.GET("/webinars/{webinarId}/branding", { params }))).not.toHaveProperty("wallpaper");
  });
});

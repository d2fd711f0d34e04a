import { createZoomClient, type ZoomClient, unwrap } from "@org/zoom-api";
import { beforeAll, expect, it } from "vitest";
import { signIn, useZoomApiMock } from "../api-fixture.js";
import { describeOperation } from "../describe-operation.js";
import { testFile } from "../upload-files.js";
import { markTypedClient } from "../served-requests-log.js";

/** Uploads of a user's profile picture and virtual backgrounds, sent by the typed client as multipart bodies. */
const { zoom, api } = useZoomApiMock();
let client: ZoomClient;
beforeAll(async () => {
  const tokens = await signIn(zoom);
  client = markTypedClient(createZoomClient({ getAccessToken: () => tokens.accessToken() }));
});
const me = { path: { userId: "me" } } as const;

describeOperation("userPicture", () => {
  it("stores the picture: the user's pic_url points at it, and a new upload gets a new address", async () => {
    const before = (await unwrap(client.GET("/users/{userId}", { params: me }))).pic_url;
    const answer = await unwrap(client.POST("/users/{userId}/picture", { params: me, body: { pic_file: testFile("png", "ada.png") } }));
    expect(answer).toEqual({});
    const first = (await unwrap(client.GET("/users/{userId}", { params: me }))).pic_url;
    expect(first).toMatch(/^https:\/\/zoom\.us\/p\/v2\/.+\.png$/);
    expect(first).not.toBe(before);
    await unwrap(client.POST("/users/{userId}/picture", { params: me, body: { pic_file: testFile("jpeg", "ada.jpg") } }));
    const second = (await unwrap(client.GET("/users/{userId}", { params: me }))).pic_url;
    expect(second).toMatch(/\.jpg$/);
    expect(second).not.toBe(first);
  });

  it("refuses what Zoom refuses with code 120: an empty file, a file over 2 MB, a file that is not JPG or PNG", async () => {
    const refusals = [
      [testFile("png", "empty.png", 0), "No file uploaded"],
      [testFile("png", "huge.png", 2 * 1024 * 1024 + 1), "File size cannot exceed 2M."],
      [testFile("gif", "cat.gif"), "Only jpg/jpeg or png image file can be uploaded."],
      // Named and typed as a PNG, but its bytes say otherwise.
      [new File([new TextEncoder().encode("not an image")], "fake.png", { type: "image/png" }), "Only jpg/jpeg or png"],
    ] as const;
    for (const [file, message] of refusals) {
      const { error, response } = await client.POST("/users/{userId}/picture", { params: me, body: { pic_file: file } });
      expect(response.status).toBe(400);
      expect(error).toMatchObject({ code: 120, message: expect.stringContaining(message) });
    }
  });

  it("answers 404 code 1001 for an unknown user", async () => {
    const { error, response } = await client.POST("/users/{userId}/picture", { params: { path: { userId: "nobody@example.com" } }, body: { pic_file: testFile("png", "x.png") } });
    expect(response.status).toBe(404);
    expect(error).toMatchObject({ code: 1001 });
  });

  it("takes a FormData the caller built, too", async () => {
    const form = new FormData();
    form.append("pic_file", testFile("png", "from-form.png"));
    const { response } = await client.POST("/users/{userId}/picture", { params: me, body: form });
    expect(response.status).toBe(201);
  });
});

describeOperation("userPictureDelete", () => {
  it("removes the picture: the user has no pic_url any more", async () => {
    await unwrap(client.POST("/users/{userId}/picture", { params: me, body: { pic_file: testFile("png", "ada.png") } }));
    const { response } = await client.DELETE("/users/{userId}/picture", { params: me });
    expect(response.status).toBe(204);
    expect((await unwrap(client.GET("/users/{userId}", { params: me }))).pic_url).toBeUndefined();
  });
});

describeOperation("uploadVBuser", () => {
  it("stores images and videos, which then show in the user's settings", async () => {
    const image = await unwrap(client.POST("/users/{userId}/settings/virtual_backgrounds", { params: me, body: { file: testFile("png", "beach.png", 7221) } }));
    expect(image).toEqual({ id: expect.any(String), name: "beach.png", size: 7221, type: "image", is_default: false });
    const video = await unwrap(client.POST("/users/{userId}/settings/virtual_backgrounds", { params: me, body: { file: testFile("mp4", "waves.mp4") } }));
    expect(video.type).toBe("video");
    const settings = await unwrap(client.GET("/users/{userId}/settings", { params: me }));
    const files = "in_meeting" in settings ? settings.in_meeting?.virtual_background_settings?.files : undefined;
    expect(files?.map((file) => file.id)).toEqual(expect.arrayContaining([image.id, video.id]));
    api.model.virtualBackgrounds.forget({ kind: "user", id: zoom.defaultUser.id });
  });

  it("holds at most 10 files a user (code 120), and refuses other formats", async () => {
    for (let index = 0; index < 10; index++) {
      await unwrap(client.POST("/users/{userId}/settings/virtual_backgrounds", { params: me, body: { file: testFile("jpeg", `bg${index}.jpg`) } }));
    }
    const eleventh = await client.POST("/users/{userId}/settings/virtual_backgrounds", { params: me, body: { file: testFile("jpeg", "one-more.jpg") } });
    expect(eleventh.response.status).toBe(400);
    expect(eleventh.error).toMatchObject({ code: 120, message: expect.stringContaining("maximum of 10") });
    api.model.virtualBackgrounds.forget({ kind: "user", id: zoom.defaultUser.id });
    const text = await client.POST("/users/{userId}/settings/virtual_backgrounds", { params: me, body: { file: testFile("text", "notes.txt") } });
    expect(text.error).toMatchObject({ code: 120 });
  });

  it("answers code 120 when the body has no file part", async () => {
    // An object body without a file is not an upload (it would go as JSON): an empty form is.
    const { error, response } = await client.POST("/users/{userId}/settings/virtual_backgrounds", { params: me, body: new FormData() });
    expect(response.status).toBe(400);
    expect(error).toMatchObject({ code: 120 });
  });
});

describeOperation("delUserVB", () => {
  it("deletes the named files; an unknown id is code 300 and deletes nothing", async () => {
    const keep = await unwrap(client.POST("/users/{userId}/settings/virtual_backgrounds", { params: me, body: { file: testFile("png", "keep.png") } }));
    const drop = await unwrap(client.POST("/users/{userId}/settings/virtual_backgrounds", { params: me, body: { file: testFile("png", "drop.png") } }));
    const unknown = await client.DELETE("/users/{userId}/settings/virtual_backgrounds", { params: { ...me, query: { file_ids: `${drop.id},nope` } } });
    expect(unknown.response.status).toBe(400);
    expect(unknown.error).toMatchObject({ code: 300 });
    const { response } = await client.DELETE("/users/{userId}/settings/virtual_backgrounds", { params: { ...me, query: { file_ids: drop.id ?? "" } } });
    expect(response.status).toBe(204);
    expect(api.model.virtualBackgrounds.files({ kind: "user", id: zoom.defaultUser.id }).map((file) => file.id)).toEqual([keep.id]);
  });
});

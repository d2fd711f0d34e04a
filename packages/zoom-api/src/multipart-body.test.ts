import { describe, expect, it } from "vitest";
import { isMultipartObject, serializeZoomBody, toMultipartFormData } from "./multipart-body.js";

describe("isMultipartObject", () => {
  it("is true only for a plain object holding a Blob", () => {
    expect(isMultipartObject({ file: new Blob(["x"]), default: true })).toBe(true);
    expect(isMultipartObject({ topic: "Standup", settings: { chat: true } })).toBe(false);
    expect(isMultipartObject(new FormData())).toBe(false);
    expect(isMultipartObject([new Blob(["x"])])).toBe(false);
    expect(isMultipartObject(null)).toBe(false);
  });
});

describe("toMultipartFormData", () => {
  it("makes file parts of Blobs (named after a File, or after the field) and text parts of the rest", async () => {
    const form = toMultipartFormData({
      file: new File(["png"], "logo.png", { type: "image/png" }),
      pic_file: new Blob(["jpg"]),
      default: true,
      size: 3,
      skipped: undefined,
    });
    const file = form.get("file");
    expect(file).toBeInstanceOf(File);
    expect((file as File).name).toBe("logo.png");
    expect(await (file as File).text()).toBe("png");
    expect((form.get("pic_file") as File).name).toBe("pic_file");
    expect(form.get("default")).toBe("true");
    expect(form.get("size")).toBe("3");
    expect(form.has("skipped")).toBe(false);
  });

  it("names the field that cannot be a part", () => {
    expect(() => toMultipartFormData({ file: new Blob(["x"]), options: { nested: true } })).toThrow(
      new TypeError('multipart body field "options" must be a Blob, a string, a number or a boolean'),
    );
  });
});

describe("serializeZoomBody", () => {
  it("sends upload objects as FormData, a FormData as it is, and everything else as JSON", () => {
    expect(serializeZoomBody({ file: new Blob(["x"]) })).toBeInstanceOf(FormData);
    const form = new FormData();
    expect(serializeZoomBody(form)).toBe(form);
    expect(serializeZoomBody({ topic: "Standup" })).toBe('{"topic":"Standup"}');
  });
});

import { describe, expect, it } from "vitest";
import { readMultipartBody } from "./multipart-body.js";

describe("readMultipartBody", () => {
  it("separates text parts from file parts and keeps a file's name, type, size and first bytes", async () => {
    const form = new FormData();
    form.append("default", "true");
    form.append("file", new File([new Uint8Array(40).fill(7)], "logo.png", { type: "image/png" }));
    form.append("file", new File([new Uint8Array(1)], "second.png"));
    const body = await readMultipartBody(form);
    expect(body.fields).toEqual({ default: "true" });
    expect(body.files.file).toEqual({ fileName: "logo.png", contentType: "image/png", size: 40, head: new Uint8Array(16).fill(7) });
  });
});

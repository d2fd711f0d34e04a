import { describe, expect, it } from "vitest";
import type { UploadedFile } from "../multipart-body.js";
import { acceptUpload, IMAGE_UPLOAD_15M, MEGABYTE, sniffFormat } from "./uploaded-files.js";

const bytes = (...values: number[]) => new Uint8Array(values);
const file = (head: Uint8Array, size = 100, fileName = "upload"): UploadedFile => ({ fileName, contentType: "application/octet-stream", size, head });
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

describe("sniffFormat", () => {
  it("tells formats apart by their leading bytes", () => {
    expect(sniffFormat(PNG)).toBe("png");
    expect(sniffFormat(bytes(0xff, 0xd8, 0xff, 0xdb))).toBe("jpeg");
    expect(sniffFormat(bytes(0x47, 0x49, 0x46, 0x38, 0x37, 0x61))).toBe("gif");
    expect(sniffFormat(bytes(0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d))).toBe("mp4");
    expect(sniffFormat(bytes(0, 0, 0, 0x14, 0x66, 0x74, 0x79, 0x70, 0x71, 0x74, 0x20, 0x20))).toBe("mov");
    expect(sniffFormat(bytes(0x25, 0x50, 0x44, 0x46))).toBeUndefined();
  });
});

describe("acceptUpload", () => {
  it("accepts a file of an allowed format within the size limit", () => {
    expect(acceptUpload(file(PNG, 1234, "logo.png"), IMAGE_UPLOAD_15M)).toEqual({ name: "logo.png", size: 1234, format: "png" });
  });

  it("refuses with code 120, checking presence, then size, then format", () => {
    const refusal = (upload: UploadedFile | undefined) => {
      try {
        acceptUpload(upload, IMAGE_UPLOAD_15M);
      } catch (error) {
        return error;
      }
      throw new Error("the upload was accepted");
    };
    expect(refusal(undefined)).toMatchObject({ status: 400, code: 120, message: expect.stringContaining("No file uploaded") });
    expect(refusal(file(PNG, 0))).toMatchObject({ code: 120, message: expect.stringContaining("No file uploaded") });
    expect(refusal(file(bytes(0x25, 0x50), 15 * MEGABYTE + 1))).toMatchObject({ code: 120, message: "File size cannot exceed 15M." });
    expect(refusal(file(bytes(0x25, 0x50), 10, "logo.png"))).toMatchObject({ code: 120, message: IMAGE_UPLOAD_15M.wrongFormatMessage });
  });
});

import type { UploadedFile } from "../multipart-body.js";
import { ZoomApiFailure } from "./api-failure.js";

/** The kinds of file Zoom's uploads take, told apart by their leading bytes, not by name or declared type. */
export type FileFormat = "jpeg" | "png" | "gif" | "mp4" | "mov";

/** What an upload accepts: which formats, up to how many bytes, and how Zoom words a refused format. */
export interface UploadRules {
  formats: readonly FileFormat[];
  maxBytes: number;
  /** Zoom's message for a size over `maxBytes`, e.g. `File size cannot exceed 15M.` */
  tooLargeMessage: string;
  /** Zoom's message for a format not in `formats`. */
  wrongFormatMessage: string;
}

/** A file an upload accepted: what the model stores about it. */
export interface AcceptedFile {
  name: string;
  size: number;
  format: FileFormat;
}

/** One megabyte as Zoom counts its upload limits. */
export const MEGABYTE = 1024 * 1024;

/** Rules of the virtual background uploads (users, groups, webinar branding) and of the branding wallpaper. */
export const IMAGE_UPLOAD_15M: UploadRules = {
  formats: ["jpeg", "gif", "png"],
  maxBytes: 15 * MEGABYTE,
  tooLargeMessage: "File size cannot exceed 15M.",
  wrongFormatMessage: "Only jpg/jpeg, gif or png image file can be uploaded.",
};

/** 400 code 120: Zoom's answer to every refused upload (missing, empty, too large, wrong format, too many). */
export function uploadRefused(message: string): ZoomApiFailure {
  return new ZoomApiFailure(400, 120, message);
}

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return signature.every((byte, index) => bytes[offset + index] === byte);
}

/** The format of a file from its leading bytes (its "magic number"), or `undefined` for any other. */
export function sniffFormat(head: Uint8Array): FileFormat | undefined {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(head, [0x47, 0x49, 0x46, 0x38])) return "gif";
  // ISO base media files: a box size, then `ftyp` and the brand (`qt  ` is QuickTime, the rest MP4).
  if (startsWith(head, [0x66, 0x74, 0x79, 0x70], 4)) return startsWith(head, [0x71, 0x74, 0x20, 0x20], 8) ? "mov" : "mp4";
  return undefined;
}

/** Whether a format is a video (virtual backgrounds may be videos; Zoom reports `type: video`). */
export function isVideo(format: FileFormat): boolean {
  return format === "mp4" || format === "mov";
}

/**
 * Checks an uploaded file against `rules`, in Zoom's order: there is a non-empty file, it is not too
 * large, it is of an accepted format. Every refusal is 400 code 120.
 */
export function acceptUpload(file: UploadedFile | undefined, rules: UploadRules): AcceptedFile {
  if (file === undefined || file.size === 0) throw uploadRefused("No file uploaded, verify that a file has been uploaded.");
  if (file.size > rules.maxBytes) throw uploadRefused(rules.tooLargeMessage);
  const format = sniffFormat(file.head);
  if (format === undefined || !rules.formats.includes(format)) throw uploadRefused(rules.wrongFormatMessage);
  return { name: file.fileName === "" ? "file" : file.fileName, size: file.size, format };
}

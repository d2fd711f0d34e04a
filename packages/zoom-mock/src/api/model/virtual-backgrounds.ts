import type { UploadedFile } from "../multipart-body.js";
import { validationFailed } from "./api-failure.js";
import type { IdSource } from "./id-source.js";
import { listUnder } from "./keyed-lists.js";
import { acceptUpload, IMAGE_UPLOAD_15M, isVideo, uploadRefused, type UploadRules } from "./uploaded-files.js";

/** A virtual background file as Zoom lists it (upload answer, and `virtual_background_settings.files`). */
export interface VirtualBackgroundFile {
  id: string;
  name: string;
  size: number;
  type: "image" | "video";
  is_default: boolean;
}

/** Whose files: a user's own (`/users/{userId}/settings/...`) or a group's (`/groups/{groupId}/settings/...`). */
export type VirtualBackgroundOwner = { kind: "user"; id: string } | { kind: "group"; id: string };

/** At most this many files per user or group (code 120 beyond). */
export const MAX_VIRTUAL_BACKGROUNDS = 10;

/** Users may upload images and videos (MP4, MOV); Zoom's message for a refused format names the images only. */
const USER_RULES: UploadRules = { ...IMAGE_UPLOAD_15M, formats: [...IMAGE_UPLOAD_15M.formats, "mp4", "mov"] };
/** Groups take JPG/JPEG and PNG images (the formats Zoom's documented refusal names). */
const GROUP_RULES: UploadRules = { ...IMAGE_UPLOAD_15M, formats: ["jpeg", "png"], wrongFormatMessage: "Only jpg/jpeg or png image file can be uploaded." };

/**
 * Virtual background files uploaded for users and groups: at most 10 each, listed in the owner's
 * settings (`in_meeting.virtual_background_settings.files`) and deleted by id.
 */
export class VirtualBackgrounds {
  readonly #files = new Map<string, VirtualBackgroundFile[]>();
  readonly #ids: IdSource;

  constructor(ids: IdSource) {
    this.#ids = ids;
  }

  /** `POST .../settings/virtual_backgrounds`: stores the `file` part, or refuses it with code 120. */
  upload(owner: VirtualBackgroundOwner, file: UploadedFile | undefined): VirtualBackgroundFile {
    const accepted = acceptUpload(file, owner.kind === "user" ? USER_RULES : GROUP_RULES);
    const list = listUnder(this.#files, keyOf(owner));
    if (list.length >= MAX_VIRTUAL_BACKGROUNDS) throw uploadRefused(`A maximum of ${MAX_VIRTUAL_BACKGROUNDS} files are allowed for a ${owner.kind}.`);
    const stored: VirtualBackgroundFile = {
      id: this.#ids.entityId(),
      name: accepted.name,
      size: accepted.size,
      type: isVideo(accepted.format) ? "video" : "image",
      is_default: false,
    };
    list.push(stored);
    return { ...stored };
  }

  /**
   * `DELETE .../settings/virtual_backgrounds[?file_ids=]`: deletes the named files, or all of them when
   * `file_ids` is absent (Zoom marks it optional). An empty list or an id the owner does not have gives
   * 400 code 300 naming `file_ids`, and then nothing is deleted.
   */
  delete(owner: VirtualBackgroundOwner, fileIds: string | undefined): void {
    const list = listUnder(this.#files, keyOf(owner));
    const ids = fileIds === undefined ? list.map((file) => file.id) : fileIds.split(",").map((id) => id.trim()).filter((id) => id !== "");
    if ((fileIds !== undefined && ids.length === 0) || ids.some((id) => !list.some((file) => file.id === id))) {
      throw validationFailed([{ field: "file_ids", message: "Invalid parameter: file_ids." }]);
    }
    this.#files.set(keyOf(owner), list.filter((file) => !ids.includes(file.id)));
  }

  /** The owner's files, oldest first. */
  files(owner: VirtualBackgroundOwner): VirtualBackgroundFile[] {
    return (this.#files.get(keyOf(owner)) ?? []).map((file) => ({ ...file }));
  }

  /**
   * `settings` with the owner's files under `in_meeting.virtual_background_settings.files`, as a
   * settings read shows them; settings without an `in_meeting` section (an `option` view) are left as they are.
   */
  showIn(settings: Record<string, unknown>, owner: VirtualBackgroundOwner): Record<string, unknown> {
    const inMeeting = settings.in_meeting;
    if (typeof inMeeting !== "object" || inMeeting === null) return settings;
    const section = inMeeting as Record<string, unknown>;
    const current = (section.virtual_background_settings ?? {}) as Record<string, unknown>;
    return { ...settings, in_meeting: { ...section, virtual_background_settings: { ...current, files: this.files(owner) } } };
  }

  /** Forgets an owner's files (a removed user or group). */
  forget(owner: VirtualBackgroundOwner): void {
    this.#files.delete(keyOf(owner));
  }
}

function keyOf(owner: VirtualBackgroundOwner): string {
  return `${owner.kind}:${owner.id}`;
}

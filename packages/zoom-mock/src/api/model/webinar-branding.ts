import type { UploadedFile } from "../multipart-body.js";
import { validationFailed, ZoomApiFailure } from "./api-failure.js";
import type { IdSource } from "./id-source.js";
import type { RequestBodyOf } from "./request-bodies.js";
import { acceptUpload, IMAGE_UPLOAD_15M, uploadRefused } from "./uploaded-files.js";

/** The fields of a name tag an update may set (all optional), as specs/zoom-api.yaml declares them. */
export type NameTagInput = NonNullable<RequestBodyOf<"updateWebinarBrandingNameTag">>;

/** The body of a name tag's creation, which names its name and colours. */
export type NameTagCreateInput = NonNullable<RequestBodyOf<"createWebinarBrandingNameTag">>;

interface NameTagRecord {
  id: string;
  name: string;
  text_color: string;
  accent_color: string;
  background_color: string;
  is_default: boolean;
}

interface BrandingFile {
  id: string;
  name: string;
  size: number;
}

interface BrandingRecord {
  wallpaper: BrandingFile | undefined;
  virtualBackgrounds: (BrandingFile & { is_default: boolean })[];
  nameTags: NameTagRecord[];
}

/** What a branding change asks of the webinar's panelists: give them all this default. */
export interface PanelistDefault {
  name_tag_id?: string;
  virtual_background_id?: string;
}

/** At most this many name tags per webinar (Zoom's code 3000 beyond). */
export const MAX_NAME_TAGS = 20;
/** At most this many branding virtual backgrounds per webinar (code 120 beyond). */
export const MAX_BRANDING_BACKGROUNDS = 10;
const NAME_TAG_NAME_MAX = 50;
const HEX_COLOR = /^#?[0-9a-fA-F]{6}$/;

/**
 * Webinars' session branding: one wallpaper, up to 10 virtual backgrounds and up to 20 name tags,
 * each with at most one default. Choosing a default "for all panelists" is reported back through
 * `onPanelistDefault` so the panel (`GET .../panelists`) shows it.
 */
export class WebinarBranding {
  readonly #byWebinar = new Map<number, BrandingRecord>();
  readonly #ids: IdSource;
  readonly #onPanelistDefault: (webinarId: number, change: PanelistDefault) => void;

  constructor(ids: IdSource, onPanelistDefault: (webinarId: number, change: PanelistDefault) => void) {
    this.#ids = ids;
    this.#onPanelistDefault = onPanelistDefault;
  }

  /** `GET /webinars/{webinarId}/branding`. */
  view(webinarId: number) {
    const branding = this.#branding(webinarId);
    return {
      ...(branding.wallpaper === undefined ? {} : { wallpaper: { id: branding.wallpaper.id } }),
      virtual_backgrounds: branding.virtualBackgrounds.map(({ id, name, is_default }) => ({ id, name, is_default })),
      name_tags: branding.nameTags.map((tag) => ({ ...tag })),
    };
  }

  /** `POST .../branding/name_tags`: colors are hex codes, names at most 50 characters, 20 tags at most. */
  createNameTag(webinarId: number, input: NameTagCreateInput) {
    const branding = this.#branding(webinarId);
    checkNameTag(input);
    if (branding.nameTags.length >= MAX_NAME_TAGS) {
      throw new ZoomApiFailure(400, 3000, `You have reached the limit for the number of name tags you can add for this webinar. The limit is ${MAX_NAME_TAGS}.`);
    }
    const tag: NameTagRecord = {
      id: this.#ids.entityId(),
      name: input.name,
      text_color: input.text_color,
      accent_color: input.accent_color,
      background_color: input.background_color,
      is_default: false,
    };
    branding.nameTags.push(tag);
    this.#applyDefault(webinarId, branding, tag, input);
    return { ...tag };
  }

  /** `PATCH .../branding/name_tags/{nameTagId}`; an unknown tag gives 400 code 300. */
  updateNameTag(webinarId: number, nameTagId: string, input: NameTagInput): void {
    const branding = this.#branding(webinarId);
    const tag = branding.nameTags.find((candidate) => candidate.id === nameTagId);
    if (tag === undefined) throw new ZoomApiFailure(400, 300, "Name Tag does not exist.");
    checkNameTag(input);
    for (const field of ["name", "text_color", "accent_color", "background_color"] as const) {
      const value = input[field];
      if (value !== undefined) tag[field] = value;
    }
    this.#applyDefault(webinarId, branding, tag, input);
  }

  /**
   * `DELETE .../branding/name_tags[?name_tag_ids=]`: every id must be one of the webinar's tags (else code
   * 300); without the list (Zoom marks it optional) every tag goes.
   */
  deleteNameTags(webinarId: number, ids: string | undefined): void {
    const branding = this.#branding(webinarId);
    const wanted = idList(ids, "name_tag_ids", branding.nameTags);
    branding.nameTags = branding.nameTags.filter((tag) => !wanted.includes(tag.id));
  }

  /** `POST .../branding/virtual_backgrounds`: one JPG/JPEG, GIF or PNG image of at most 15 MB; 10 per webinar. */
  uploadVirtualBackground(webinarId: number, file: UploadedFile | undefined, options: { default?: boolean | undefined; set_default_for_all_panelists?: boolean | undefined }) {
    const branding = this.#branding(webinarId);
    const accepted = acceptUpload(file, IMAGE_UPLOAD_15M);
    if (branding.virtualBackgrounds.length >= MAX_BRANDING_BACKGROUNDS) {
      throw uploadRefused(`A maximum of ${MAX_BRANDING_BACKGROUNDS} files are allowed for a webinar.`);
    }
    const stored = { id: this.#ids.entityId(), name: accepted.name, size: accepted.size, is_default: false };
    branding.virtualBackgrounds.push(stored);
    if (options.default === true) this.#makeDefaultBackground(webinarId, branding, stored.id, options.set_default_for_all_panelists);
    return { id: stored.id, name: stored.name, is_default: stored.is_default, size: stored.size, type: "image" as const };
  }

  /**
   * `PATCH .../branding/virtual_backgrounds[?id=]`: makes that file the default (an unknown id gives code
   * 300). Without `id` (Zoom marks it optional) no file is the default any more.
   */
  setDefaultVirtualBackground(webinarId: number, id: string | undefined, forAllPanelists: boolean | undefined): void {
    const branding = this.#branding(webinarId);
    if (id === undefined) {
      for (const file of branding.virtualBackgrounds) file.is_default = false;
      return;
    }
    if (!branding.virtualBackgrounds.some((file) => file.id === id)) throw validationFailed([{ field: "id", message: "Invalid parameter: id." }]);
    this.#makeDefaultBackground(webinarId, branding, id, forAllPanelists);
  }

  /** `DELETE .../branding/virtual_backgrounds[?ids=]`: the listed files, or all of them without `ids`. */
  deleteVirtualBackgrounds(webinarId: number, ids: string | undefined): void {
    const branding = this.#branding(webinarId);
    const wanted = idList(ids, "ids", branding.virtualBackgrounds);
    branding.virtualBackgrounds = branding.virtualBackgrounds.filter((file) => !wanted.includes(file.id));
  }

  /** `POST .../branding/wallpaper`: a webinar has one wallpaper; a new upload replaces it. */
  uploadWallpaper(webinarId: number, file: UploadedFile | undefined) {
    const branding = this.#branding(webinarId);
    const accepted = acceptUpload(file, IMAGE_UPLOAD_15M);
    branding.wallpaper = { id: this.#ids.entityId(), name: accepted.name, size: accepted.size };
    return { ...branding.wallpaper, type: "image" as const };
  }

  /** `DELETE .../branding/wallpaper`. */
  deleteWallpaper(webinarId: number): void {
    this.#branding(webinarId).wallpaper = undefined;
  }

  /** Forgets a deleted webinar's branding. */
  forget(webinarId: number): void {
    this.#byWebinar.delete(webinarId);
  }

  #applyDefault(webinarId: number, branding: BrandingRecord, tag: NameTagRecord, input: NameTagInput): void {
    if (input.is_default !== true) return;
    for (const other of branding.nameTags) other.is_default = other === tag;
    // Zoom's default for `set_default_for_all_panelists` is true.
    if (input.set_default_for_all_panelists !== false) this.#onPanelistDefault(webinarId, { name_tag_id: tag.id });
  }

  #makeDefaultBackground(webinarId: number, branding: BrandingRecord, id: string, forAllPanelists: boolean | undefined): void {
    for (const file of branding.virtualBackgrounds) file.is_default = file.id === id;
    if (forAllPanelists !== false) this.#onPanelistDefault(webinarId, { virtual_background_id: id });
  }

  #branding(webinarId: number): BrandingRecord {
    let branding = this.#byWebinar.get(webinarId);
    if (branding === undefined) {
      branding = { wallpaper: undefined, virtualBackgrounds: [], nameTags: [] };
      this.#byWebinar.set(webinarId, branding);
    }
    return branding;
  }
}

/** Zoom's limits on a name tag's fields: a name of at most 50 characters, colors as hex codes (code 300). */
function checkNameTag(input: NameTagInput): void {
  const errors: { field: string; message: string }[] = [];
  if (input.name !== undefined && (input.name.trim() === "" || input.name.length > NAME_TAG_NAME_MAX)) {
    errors.push({ field: "name", message: `The name must have 1 to ${NAME_TAG_NAME_MAX} characters.` });
  }
  for (const field of ["text_color", "accent_color", "background_color"] as const) {
    const value = input[field];
    if (value !== undefined && !HEX_COLOR.test(value)) errors.push({ field, message: "Must be a hex color code such as #0E72ED." });
  }
  if (errors.length > 0) throw validationFailed(errors);
}

/**
 * The ids of a comma-separated list, or every id of `existing` when the (optional) list is absent; an empty
 * list, or one naming something `existing` lacks, gives code 300 on `field`.
 */
function idList(ids: string | undefined, field: string, existing: readonly { id: string }[]): string[] {
  if (ids === undefined) return existing.map((item) => item.id);
  const wanted = ids.split(",").map((id) => id.trim()).filter((id) => id !== "");
  if (wanted.length === 0 || wanted.some((id) => !existing.some((item) => item.id === id))) {
    throw validationFailed([{ field, message: `Invalid parameter: ${field}.` }]);
  }
  return wanted;
}

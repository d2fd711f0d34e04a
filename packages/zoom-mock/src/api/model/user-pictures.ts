import type { UploadedFile } from "../multipart-body.js";
import type { ModelContext } from "./model-context.js";
import { acceptUpload, MEGABYTE, type UploadRules } from "./uploaded-files.js";
import type { MockApiUser } from "./user-directory.js";

/** Profile pictures: a JPG/JPEG or PNG image of at most 2 MB (Zoom's code 120 otherwise). */
const PICTURE_RULES: UploadRules = {
  formats: ["jpeg", "png"],
  maxBytes: 2 * MEGABYTE,
  tooLargeMessage: "File size cannot exceed 2M.",
  wrongFormatMessage: "Only jpg/jpeg or png image file can be uploaded.",
};

/** Where the mock says a stored picture lives; each upload gets a new address, as a new file would. */
const PICTURE_BASE_URL = "https://zoom.us/p/v2";

/** Users' profile pictures: an upload sets the user's `pic_url`, a delete removes it. */
export class UserPictures {
  readonly #context: ModelContext;

  constructor(context: ModelContext) {
    this.#context = context;
  }

  /** `POST /users/{userId}/picture`: stores the `pic_file` part and points the user's `pic_url` at it. */
  upload(user: MockApiUser, file: UploadedFile | undefined): Record<string, never> {
    const accepted = acceptUpload(file, PICTURE_RULES);
    const extension = accepted.format === "png" ? "png" : "jpg";
    this.#context.directory.replace({ ...user, pic_url: `${PICTURE_BASE_URL}/${this.#context.ids.opaque(16)}/${user.id}.${extension}` });
    return {};
  }

  /** `DELETE /users/{userId}/picture`: the user has no picture any more (no `pic_url`). */
  delete(user: MockApiUser): void {
    const { pic_url: _removed, ...rest } = user;
    this.#context.directory.replace(rest as MockApiUser);
  }
}

/** A file part of a `multipart/form-data` body, as the model needs it (not its whole content). */
export interface UploadedFile {
  /** The part's file name (`filename=` of its `Content-Disposition`). */
  fileName: string;
  /** The part's declared `Content-Type` (may be empty or wrong: the model looks at `head`). */
  contentType: string;
  /** Size in bytes. */
  size: number;
  /** The first bytes of the content, enough to tell what kind of file it really is. */
  head: Uint8Array;
}

/** A `multipart/form-data` body: its text parts and its file parts, by part name. */
export interface MultipartBody {
  fields: Readonly<Record<string, string>>;
  files: Readonly<Record<string, UploadedFile>>;
}

/** How many leading bytes of a file are kept: the longest signature the model checks is 12 bytes. */
const HEAD_BYTES = 16;

/**
 * Reads the parts of a parsed multipart body. Reading a file is asynchronous, so it happens here,
 * before the (synchronous) operation runs; when a name repeats, the first part wins.
 */
export async function readMultipartBody(form: FormData): Promise<MultipartBody> {
  const fields: Record<string, string> = {};
  const files: Record<string, UploadedFile> = {};
  for (const [name, part] of form) {
    if (name in fields || name in files) continue;
    if (typeof part === "string") {
      fields[name] = part;
      continue;
    }
    const head = new Uint8Array(await part.slice(0, HEAD_BYTES).arrayBuffer());
    files[name] = { fileName: part.name, contentType: part.type, size: part.size, head };
  }
  return { fields, files };
}

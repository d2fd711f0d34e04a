/** Leading bytes of the file formats Zoom's uploads take, so a test file is what its name says. */
const SIGNATURES = {
  png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  jpeg: [0xff, 0xd8, 0xff, 0xe0],
  gif: [0x47, 0x49, 0x46, 0x38, 0x39, 0x61],
  mp4: [0x00, 0x00, 0x00, 0x18, 0x66, 0x74, 0x79, 0x70, 0x6d, 0x70, 0x34, 0x32],
  text: [0x68, 0x65, 0x6c, 0x6c, 0x6f],
} as const;

/** A `File` of `size` bytes starting with the signature of `format` (the rest zeros); `size` 0 makes an empty file. */
export function testFile(format: keyof typeof SIGNATURES, name: string, size = 64): File {
  const bytes = new Uint8Array(size === 0 ? 0 : Math.max(size, SIGNATURES[format].length));
  if (size > 0) bytes.set(SIGNATURES[format]);
  const types = { png: "image/png", jpeg: "image/jpeg", gif: "image/gif", mp4: "video/mp4", text: "text/plain" } as const;
  return new File([bytes], name, { type: types[format] });
}

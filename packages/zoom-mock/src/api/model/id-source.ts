/** Fills a byte array with random bytes; injectable so tests get repeatable ids. */
export type RandomBytes = (length: number) => Uint8Array;

/** Default randomness: Web Crypto. */
export const webCryptoRandomBytes: RandomBytes = (length) => crypto.getRandomValues(new Uint8Array(length));

function base64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function base64url(bytes: Uint8Array): string {
  return base64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/**
 * Makes identifiers shaped like Zoom's: numeric meeting ids, base64 meeting UUIDs, 22-character
 * user and registrant ids, opaque tokens.
 */
export class IdSource {
  readonly #random: RandomBytes;
  readonly #issuedNumbers = new Set<number>();

  constructor(random: RandomBytes = webCryptoRandomBytes) {
    this.#random = random;
  }

  /** An 11-digit meeting/webinar number, unique within this source (Zoom's ids are int64). */
  meetingNumber(): number {
    for (;;) {
      const bytes = this.#random(5);
      let value = 0;
      for (const byte of bytes) value = value * 256 + byte;
      // 8xxxxxxxxxx: 11 digits, well inside Number.MAX_SAFE_INTEGER.
      const candidate = 80_000_000_000 + (value % 10_000_000_000);
      if (!this.#issuedNumbers.has(candidate)) {
        this.#issuedNumbers.add(candidate);
        return candidate;
      }
    }
  }

  /** A meeting instance UUID: base64 of 16 bytes, as Zoom's (it may contain `/` and `+`). */
  meetingUuid(): string {
    return base64(this.#random(16));
  }

  /** A 22-character id for users and registrants. */
  entityId(): string {
    return base64url(this.#random(16)).slice(0, 22);
  }

  /** An opaque token (page tokens, ZAK, user tokens): base64url of `bytes` random bytes. */
  opaque(bytes = 24): string {
    return base64url(this.#random(bytes));
  }

  /** Lowercase hex of `bytes` random bytes (32 bytes look like a SHA-256 fingerprint). */
  hex(bytes: number): string {
    return [...this.#random(bytes)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  }

  /** A numeric passcode of `digits` digits. */
  digits(digits: number): string {
    let out = "";
    for (const byte of this.#random(digits)) out += String(byte % 10);
    return out;
  }
}

/**
 * Random bytes drawn from a source of random strings (the mock's injectable `random` option), so a
 * test that fixes the mock's randomness also fixes meeting ids, UUIDs and tokens. Each string is
 * hashed (FNV-1a) together with a running counter into 4 bytes: a source that repeats itself still
 * yields a sequence that does not.
 */
export function randomBytesFromStrings(nextString: () => string): RandomBytes {
  let counter = 0;
  return (length) => {
    const bytes = new Uint8Array(length);
    for (let offset = 0; offset < length; offset += 4) {
      counter += 1;
      let hash = 0x811c9dc5;
      for (const char of `${counter}:${nextString()}`) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
      // A final avalanche step, so neighbouring counters give unrelated bytes.
      hash ^= hash >>> 16;
      hash = Math.imul(hash, 0x85ebca6b) >>> 0;
      hash ^= hash >>> 13;
      for (let index = 0; index < 4 && offset + index < length; index += 1) bytes[offset + index] = (hash >>> (index * 8)) & 0xff;
    }
    return bytes;
  };
}

import { StoredValueError } from "./errors.js";

/** Which Redis key a value is sealed for: bind it to the ciphertext (AES-GCM's `additionalData`). */
export interface SealContext {
  /** The full Redis key the value is stored under. */
  key: string;
}

/**
 * Turns the JSON the store writes into the ciphertext it keeps in Redis, for example AES-GCM with
 * Web Crypto. Bind the ciphertext to `context.key`, so that a value copied to another user's key does
 * not decrypt there.
 */
export type EncryptValue = (plaintext: string, context: SealContext) => string | Promise<string>;

/** The inverse of {@link EncryptValue}. Throw when the value does not decrypt (wrong key, tampered with). */
export type DecryptValue = (ciphertext: string, context: SealContext) => string | Promise<string>;

/** The envelope's version: readers refuse other versions instead of guessing. */
const VERSION = 1;

/**
 * Writes and reads the store's values: versioned JSON, `{"v":1,"value":...}` in clear or
 * `{"v":1,"sealed":"..."}` when encrypted.
 * @internal
 */
export class StoredValueCodec {
  readonly #encrypt: EncryptValue | null;
  readonly #decrypt: DecryptValue | null;

  constructor(encrypt: EncryptValue | null, decrypt: DecryptValue | null) {
    this.#encrypt = encrypt;
    this.#decrypt = decrypt;
  }

  async write(key: string, value: unknown): Promise<string> {
    const json = JSON.stringify(value);
    if (this.#encrypt === null) return JSON.stringify({ v: VERSION, value });
    const sealed = await this.#encrypt(json, { key });
    if (typeof sealed !== "string") throw new TypeError("createRedisTokenStore: encrypt must return a string");
    return JSON.stringify({ v: VERSION, sealed });
  }

  /**
   * @throws {StoredValueError} Naming what is wrong, never the value.
   */
  async read(key: string, stored: string): Promise<unknown> {
    let envelope: unknown;
    try {
      envelope = JSON.parse(stored);
    } catch (error) {
      throw new StoredValueError("is not JSON", error);
    }
    if (envelope === null || typeof envelope !== "object" || Array.isArray(envelope)) {
      throw new StoredValueError('is not an envelope {"v":1,...}');
    }
    const { v, value, sealed } = envelope as { v?: unknown; value?: unknown; sealed?: unknown };
    if (v !== VERSION) {
      throw new StoredValueError(`has version ${typeof v === "number" ? v : "(none)"}, and this release reads version ${VERSION}`);
    }
    if (this.#decrypt === null) {
      if (sealed !== undefined) throw new StoredValueError("is encrypted, and the store has no decrypt option");
      return value;
    }
    if (typeof sealed !== "string") {
      // Accepting clear text here would let whoever can write to Redis plant tokens.
      throw new StoredValueError("is not encrypted, and the store has a decrypt option");
    }
    let json: string;
    try {
      json = await this.#decrypt(sealed, { key });
    } catch (error) {
      throw new StoredValueError("does not decrypt (another key, or tampered with)", error);
    }
    try {
      return JSON.parse(json);
    } catch (error) {
      throw new StoredValueError("decrypts to something that is not JSON", error);
    }
  }
}

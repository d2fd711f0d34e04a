// The README's AES-GCM example, word for word, so that the tests check what users copy.
import type { DecryptValue, EncryptValue } from "../index.js";

export async function aesGcm(rawKey: Uint8Array<ArrayBuffer>): Promise<{ encrypt: EncryptValue; decrypt: DecryptValue }> {
  const key = await crypto.subtle.importKey("raw", rawKey, "AES-GCM", false, ["encrypt", "decrypt"]);
  const encrypt: EncryptValue = async (plaintext, context) => {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const additionalData = new TextEncoder().encode(context.key); // binds the value to its Redis key
    const sealed = await crypto.subtle.encrypt({ name: "AES-GCM", iv, additionalData }, key, new TextEncoder().encode(plaintext));
    return `${Buffer.from(iv).toString("base64")}.${Buffer.from(sealed).toString("base64")}`;
  };
  const decrypt: DecryptValue = async (ciphertext, context) => {
    const [iv = "", sealed = ""] = ciphertext.split(".");
    const additionalData = new TextEncoder().encode(context.key);
    const plaintext = await crypto.subtle.decrypt(
      { name: "AES-GCM", iv: Buffer.from(iv, "base64"), additionalData },
      key,
      Buffer.from(sealed, "base64"),
    );
    return new TextDecoder().decode(plaintext);
  };
  return { encrypt, decrypt };
}

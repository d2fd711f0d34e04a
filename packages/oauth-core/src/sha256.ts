/**
 * A synchronous SHA-256 (FIPS 180-4).
 *
 * Web Crypto's `crypto.subtle.digest` is asynchronous, and building an authorization URL
 * must stay synchronous (`createAuthorizationURL` returns a `URL`, not a promise, as arctic's
 * does), so PKCE needs a digest of its own. Inputs here are short (a code verifier is at most
 * 128 bytes): size in a browser bundle matters more than speed.
 */

let constants: { readonly rounds: Uint32Array; readonly initial: Uint32Array } | undefined;

// The first 32 bits of the fractional part of x.
function fractionBits(x: number): number {
  return ((x - Math.floor(x)) * 0x1_0000_0000) >>> 0;
}

/**
 * The round constants (cube roots of the first 64 primes) and the initial hash (square roots of
 * the first 8), computed on first use rather than listed: as 72 literal words they were a third of
 * this module's bytes. Doubles hold the roots to about 50 bits; the closest any of them comes to a 32-bit
 * boundary is 0.005 of the last bit kept, a thousand times a double's rounding error, so every engine
 * gets the same constants.
 */
function sha256Constants(): NonNullable<typeof constants> {
  if (constants === undefined) {
    const rounds = new Uint32Array(64);
    const initial = new Uint32Array(8);
    for (let n = 2, found = 0; found < 64; n++) {
      let prime = true;
      for (let d = 2; d * d <= n; d++) if (n % d === 0) prime = false;
      if (!prime) continue;
      if (found < 8) initial[found] = fractionBits(Math.sqrt(n));
      rounds[found++] = fractionBits(Math.cbrt(n));
    }
    constants = { rounds, initial };
  }
  return constants;
}

/** The eight working variables a..h, read at once. */
type Words = [number, number, number, number, number, number, number, number];

function rotateRight(value: number, bits: number): number {
  return (value >>> bits) | (value << (32 - bits));
}

/**
 * Computes the SHA-256 digest of `message`.
 *
 * @param message - The bytes to hash.
 * @returns The 32-byte digest.
 */
export function sha256(message: Uint8Array): Uint8Array {
  const { rounds, initial } = sha256Constants();
  // Padding: a 1 bit, zeros, then the message length in bits as a 64-bit big-endian integer,
  // so that the total is a multiple of 64 bytes.
  const paddedLength = Math.ceil((message.length + 9) / 64) * 64;
  const padded = new Uint8Array(paddedLength);
  padded.set(message);
  padded[message.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(paddedLength - 8, Math.floor(message.length / 0x2000_0000));
  // setUint32 keeps the low 32 bits.
  view.setUint32(paddedLength - 4, message.length * 8);

  const hash = initial.slice();
  const schedule = new Uint32Array(64);
  // The working variables a..h; Uint32Array stores modulo 2^32, which is the addition SHA-256 asks for.
  const state = new Uint32Array(8);
  for (let block = 0; block < paddedLength; block += 64) {
    state.set(hash);
    for (let t = 0; t < 64; t++) {
      if (t < 16) {
        schedule[t] = view.getUint32(block + t * 4);
      } else {
        const w15 = schedule[t - 15]!;
        const w2 = schedule[t - 2]!;
        schedule[t] =
          schedule[t - 16]! +
          (rotateRight(w15, 7) ^ rotateRight(w15, 18) ^ (w15 >>> 3)) +
          schedule[t - 7]! +
          (rotateRight(w2, 17) ^ rotateRight(w2, 19) ^ (w2 >>> 10));
      }
      const [a, b, c, , e, f, g, h] = state as unknown as Words;
      const temp1 =
        h + (rotateRight(e, 6) ^ rotateRight(e, 11) ^ rotateRight(e, 25)) + ((e & f) ^ (~e & g)) + rounds[t]! + schedule[t]!;
      const temp2 = (rotateRight(a, 2) ^ rotateRight(a, 13) ^ rotateRight(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
      // h = g, g = f, ..., b = a; then e = d + temp1 and a = temp1 + temp2.
      state.copyWithin(1, 0, 7);
      state[4] = state[4]! + temp1;
      state[0] = temp1 + temp2;
    }
    for (let i = 0; i < 8; i++) hash[i] = hash[i]! + state[i]!;
  }

  const digest = new Uint8Array(32);
  const digestView = new DataView(digest.buffer);
  for (let i = 0; i < 8; i++) digestView.setUint32(i * 4, hash[i]!);
  return digest;
}

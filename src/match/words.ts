// 16-bit words as the build embeds them in a bundle (the match tables, the folding tables): base64
// of their bytes, little-endian, which a frame turns back into one typed array natively.

/** A writer of 16-bit words (at build time); `what` names the data in its errors. */
export function wordWriter(what: string): { word(value: number): void; done(): string } {
  const bytes: number[] = [];
  return {
    word(value) {
      if (!Number.isInteger(value) || value < 0 || value > 0xffff) throw new Error(`${what}: ${value} does not fit in 16 bits`);
      bytes.push(value & 0xff, value >>> 8);
    },
    done() {
      let out = '';
      for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.slice(i, i + 0x8000));
      return btoa(out);
    },
  };
}

const fromBase64 = (Uint8Array as { fromBase64?: (encoded: string) => Uint8Array }).fromBase64;
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/**
 * The words of `encoded`, as one typed array: a frame decodes them cold, in the interpreter, where
 * a call and two charCodeAt a word cost 2-3 ms of its start-up (a profile of twenty ad frames).
 * Uint8Array.fromBase64 (Chrome 140, Firefox 133) makes the bytes natively; before it, one loop
 * over atob's string does.
 */
export function wordsOf(encoded: string, what: string, decode = fromBase64): Uint16Array {
  let bytes: Uint8Array;
  if (decode) {
    bytes = decode(encoded);
  } else {
    const data = atob(encoded);
    bytes = new Uint8Array(data.length);
    for (let i = 0; i < data.length; i++) bytes[i] = data.charCodeAt(i);
  }
  if (bytes.length % 2 !== 0) throw new Error(`${what}: truncated`);
  if (LITTLE_ENDIAN && bytes.byteOffset % 2 === 0) return new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.length / 2);
  const out = new Uint16Array(bytes.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = bytes[2 * i]! | (bytes[2 * i + 1]! << 8);
  return out;
}


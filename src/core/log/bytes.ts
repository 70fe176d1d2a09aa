/**
 * Byte helpers shared by the log: standard base64 (RFC 4648 §4), hex, UTF-8 and comparison.
 * Written here rather than taken from `Buffer` so that the core runs unchanged in the browser.
 */

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const CODES = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));
const PAD = 61;
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const asciiDecoder = new TextDecoder("latin1");

/** Encodes bytes as padded standard base64 (RFC 4648 §4). */
export function encodeBase64(bytes: Uint8Array): string {
  // Characters are written as bytes and decoded once: several times faster than string concatenation.
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  let o = 0;
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = CODES[n >> 18]!;
    out[o++] = CODES[(n >> 12) & 63]!;
    out[o++] = CODES[(n >> 6) & 63]!;
    out[o++] = CODES[n & 63]!;
  }
  if (i < bytes.length) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8);
    out[o++] = CODES[n >> 18]!;
    out[o++] = CODES[(n >> 12) & 63]!;
    out[o++] = i + 1 < bytes.length ? CODES[(n >> 6) & 63]! : PAD;
    out[o] = PAD;
  }
  return asciiDecoder.decode(out);
}

/** Whether `text` (ASCII bytes) is exactly encodeBase64(bytes), compared in place without allocating. */
export function isBase64Of(text: Uint8Array, bytes: Uint8Array): boolean {
  if (text.length !== Math.ceil(bytes.length / 3) * 4) return false;
  let o = 0;
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const left = bytes.length - i;
    if (text[o++] !== CODES[n >> 18] || text[o++] !== CODES[(n >> 12) & 63]) return false;
    if (text[o++] !== (left > 1 ? CODES[(n >> 6) & 63] : PAD)) return false;
    if (text[o++] !== (left > 2 ? CODES[n & 63] : PAD)) return false;
  }
  return true;
}

/**
 * Decodes padded standard base64, or returns null. Strict: no whitespace, no URL alphabet, and
 * the unused bits of the last character must be zero (RFC 4648 §3.5), so each byte string has
 * exactly one accepted encoding — a signed or hashed value cannot be re-encoded unnoticed.
 */
export function decodeBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0) return null;
  const pad = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const last = i + 4 === text.length;
    const a = sextet(text, i, false);
    const b = sextet(text, i + 1, false);
    const c = sextet(text, i + 2, last && pad === 2);
    const d = sextet(text, i + 3, last && pad >= 1);
    if ((a | b | c | d) < 0) return null;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    if (last && pad === 2 && (n & 0xffff) !== 0) return null;
    if (last && pad === 1 && (n & 0xff) !== 0) return null;
    out[o++] = n >> 16;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}

function sextet(text: string, at: number, padding: boolean): number {
  const c = text.charCodeAt(at);
  if (padding) return c === 61 ? 0 : -1;
  return c < 128 ? DECODE[c]! : -1;
}

/** Encodes bytes as lowercase hex. */
export function encodeHex(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) out += b.toString(16).padStart(2, "0");
  return out;
}

/** Encodes a string as UTF-8. */
export function encodeUtf8(text: string): Uint8Array {
  return utf8Encoder.encode(text);
}

/** Decodes UTF-8, or returns null when the bytes are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8Decoder.decode(bytes);
  } catch {
    return null;
  }
}

/** Concatenates byte arrays. */
export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Compares two byte arrays in time that depends only on their lengths. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

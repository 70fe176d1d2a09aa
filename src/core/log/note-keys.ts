import { ed25519 } from "@noble/curves/ed25519.js";
import { invalid } from "../errors.ts";
import { concatBytes, decodeBase64, encodeBase64, encodeUtf8 } from "./bytes.ts";
import { hashBytes } from "./hash.ts";
import { isKeyName, type NoteSigner, type NoteVerifier } from "./note.ts";

/**
 * Note keys (c2sp.org/signed-note §"Signatures"): key id = SHA-256(name ‖ 0x0A ‖ type ‖ public
 * key)[:4], and the text encodings of Go's golang.org/x/mod/sumdb/note, which other tlog tools read:
 *   verifier key  <name>+<8 hex digits of key id>+base64(type ‖ public key)
 *   signer key    PRIVATE+KEY+<name>+<key id>+base64(type ‖ 32-byte Ed25519 seed)
 */

/** Signature type 0x01: Ed25519 over the note text. */
export const ED25519_TYPE = 0x01;
/** Signature type 0x04: timestamped Ed25519 witness cosignature (c2sp.org/tlog-cosignature). */
export const COSIGNATURE_V1_TYPE = 0x04;

/** A parsed verifier key. */
export interface VerifierKey {
  readonly name: string;
  readonly keyId: number;
  readonly type: number;
  readonly publicKey: Uint8Array;
}

/** The 4-byte key id, as a big-endian uint32. */
export function computeKeyId(name: string, type: number, publicKey: Uint8Array): number {
  const digest = hashBytes(concatBytes(encodeUtf8(name + "\n"), Uint8Array.of(type), publicKey));
  return new DataView(digest.buffer, digest.byteOffset).getUint32(0);
}

/** Throws unless `name` is a valid key name and `key` a 32-byte Ed25519 key or seed. */
export function checkKey(name: string, key: Uint8Array, what: string): void {
  if (!isKeyName(name)) throw invalid("name", `invalid key name ${JSON.stringify(name)}`);
  if (key.length !== 32) throw invalid(what, `an Ed25519 ${what} has 32 bytes`);
}

/** Ed25519 signature over a message, false for any malformed input. */
export function verifyEd25519(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  try {
    return signature.length === 64 && ed25519.verify(signature, message, publicKey);
  } catch {
    return false;
  }
}

/** A note signer around any Ed25519 signing function (node:crypto on the server). */
export function makeNoteSigner(
  name: string,
  publicKey: Uint8Array,
  sign: (message: Uint8Array) => Uint8Array,
): NoteSigner {
  checkKey(name, publicKey, "public key");
  return { name, keyId: computeKeyId(name, ED25519_TYPE, publicKey), sign };
}

/** A note signer from a 32-byte Ed25519 seed, signing with @noble/curves. */
export function makeEd25519Signer(name: string, seed: Uint8Array): NoteSigner {
  checkKey(name, seed, "seed");
  const secret = seed.slice();
  return makeNoteSigner(name, ed25519.getPublicKey(secret), (m) => ed25519.sign(m, secret));
}

/** A note verifier for an Ed25519 public key. */
export function makeEd25519Verifier(name: string, publicKey: Uint8Array): NoteVerifier {
  checkKey(name, publicKey, "public key");
  const key = publicKey.slice();
  return {
    name,
    keyId: computeKeyId(name, ED25519_TYPE, key),
    verify: (text, signature) => verifyEd25519(key, text, signature),
  };
}

/** Encodes a verifier key as `<name>+<hex key id>+<base64(type ‖ public key)>`. */
export function formatVerifierKey(name: string, publicKey: Uint8Array, type = ED25519_TYPE): string {
  checkKey(name, publicKey, "public key");
  const id = computeKeyId(name, type, publicKey).toString(16).padStart(8, "0");
  return `${name}+${id}+${encodeBase64(concatBytes(Uint8Array.of(type), publicKey))}`;
}

// Splits at the first count − 1 "+" signs: base64 key data may itself contain "+".
function cutFields(text: string, count: number): string[] {
  const fields: string[] = [];
  let rest = text;
  while (fields.length < count - 1) {
    const at = rest.indexOf("+");
    if (at < 0) break;
    fields.push(rest.slice(0, at));
    rest = rest.slice(at + 1);
  }
  return [...fields, rest];
}

/** Parses a verifier key, checking that its key id matches its name and key. */
export function parseVerifierKey(vkey: string): VerifierKey {
  const [name = "", id = "", data = ""] = cutFields(vkey, 3);
  const bytes = decodeBase64(data);
  const type = bytes?.[0];
  if (!/^[0-9a-f]{8}$/.test(id) || !bytes || bytes.length !== 33 || type === undefined) {
    throw invalid("key", "a verifier key is <name>+<8 hex digits>+<base64 of type and 32-byte key>");
  }
  if (type !== ED25519_TYPE && type !== COSIGNATURE_V1_TYPE) throw invalid("key", `unknown key type ${type}`);
  const publicKey = bytes.slice(1);
  checkKey(name, publicKey, "public key");
  const keyId = computeKeyId(name, type, publicKey);
  if (keyId !== parseInt(id, 16)) throw invalid("key", "key id does not match name and public key");
  return { name, keyId, type, publicKey };
}

/** Encodes an Ed25519 seed in Go's signer key format. Keep it secret. */
export function formatSignerKey(name: string, seed: Uint8Array): string {
  const publicKey = ed25519.getPublicKey(seed);
  const id = formatVerifierKey(name, publicKey).split("+")[1]!;
  return `PRIVATE+KEY+${name}+${id}+${encodeBase64(concatBytes(Uint8Array.of(ED25519_TYPE), seed))}`;
}

/** Parses Go's signer key format into a note signer. */
export function parseSignerKey(skey: string): NoteSigner {
  const [p, k, name = "", id = "", data = ""] = cutFields(skey, 5);
  const bytes = decodeBase64(data);
  if (p !== "PRIVATE" || k !== "KEY" || !bytes || bytes.length !== 33 || bytes[0] !== ED25519_TYPE) {
    throw invalid("key", "a signer key is PRIVATE+KEY+<name>+<key id>+<base64 of 0x01 and 32-byte seed>");
  }
  const signer = makeEd25519Signer(name, bytes.slice(1));
  if (!/^[0-9a-f]{8}$/.test(id) || signer.keyId !== parseInt(id, 16)) {
    throw invalid("key", "key id does not match name and key");
  }
  return signer;
}

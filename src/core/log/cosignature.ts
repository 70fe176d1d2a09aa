import { ed25519 } from "@noble/curves/ed25519.js";
import { invalid } from "../errors.ts";
import { concatBytes, encodeUtf8 } from "./bytes.ts";
import type { NoteSignature, NoteSigner, NoteVerifier } from "./note.ts";
import {
  checkKey,
  COSIGNATURE_V1_TYPE,
  computeKeyId,
  makeEd25519Verifier,
  parseVerifierKey,
  verifyEd25519,
} from "./note-keys.ts";

/**
 * Witness cosignatures, c2sp.org/tlog-cosignature, Ed25519 "cosignature/v1" (signature type 0x04).
 * The note signature is a timestamped_signature: u64 big-endian POSIX seconds ‖ 64-byte Ed25519
 * signature over "cosignature/v1\ntime <seconds>\n" followed by the checkpoint's note text.
 * A cosignature says that, at that time, this was the largest consistent tree the witness had
 * seen for the origin — which is what bounds the log operator's own claims about time.
 */

const TIMESTAMP_BYTES = 8;
const SIGNATURE_BYTES = 64;

/** The exact bytes a cosignature/v1 signs (§"Ed25519 signed message"). */
export function formatCosignedMessage(checkpointText: Uint8Array, timestamp: number): Uint8Array {
  return concatBytes(encodeUtf8(`cosignature/v1\ntime ${timestamp}\n`), checkpointText);
}

function checkTimestamp(timestamp: number): void {
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw invalid("timestamp", "timestamp is a non-negative POSIX time in seconds");
  }
}

/** A note signer that cosigns at `timestamp` with any Ed25519 signing function. */
export function makeCosigner(
  name: string,
  publicKey: Uint8Array,
  timestamp: number,
  sign: (message: Uint8Array) => Uint8Array,
): NoteSigner {
  checkTimestamp(timestamp);
  checkKey(name, publicKey, "public key");
  const keyId = computeKeyId(name, COSIGNATURE_V1_TYPE, publicKey);
  return {
    name,
    keyId,
    sign(text) {
      const out = new Uint8Array(TIMESTAMP_BYTES + SIGNATURE_BYTES);
      new DataView(out.buffer).setBigUint64(0, BigInt(timestamp));
      out.set(sign(formatCosignedMessage(text, timestamp)), TIMESTAMP_BYTES);
      return out;
    },
  };
}

/** A cosigner from a 32-byte Ed25519 seed, signing with @noble/curves. */
export function makeEd25519Cosigner(name: string, seed: Uint8Array, timestamp: number): NoteSigner {
  checkKey(name, seed, "seed");
  const secret = seed.slice();
  return makeCosigner(name, ed25519.getPublicKey(secret), timestamp, (m) => ed25519.sign(m, secret));
}

/** The timestamp a cosignature claims, or null when it is not a timestamped_signature. */
export function readCosignatureTime(signature: NoteSignature): number | null {
  const bytes = signature.signature;
  if (bytes.length !== TIMESTAMP_BYTES + SIGNATURE_BYTES) return null;
  const timestamp = new DataView(bytes.buffer, bytes.byteOffset).getBigUint64(0);
  // The spec caps it at 2^63 − 1; anything beyond 2^53 is no real time and is refused here.
  return timestamp <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(timestamp) : null;
}

/** A note verifier for a witness's cosignature/v1 key. */
export function makeCosignatureVerifier(name: string, publicKey: Uint8Array): NoteVerifier {
  checkKey(name, publicKey, "public key");
  const key = publicKey.slice();
  return {
    name,
    keyId: computeKeyId(name, COSIGNATURE_V1_TYPE, key),
    verify(text, signature) {
      const timestamp = readCosignatureTime({ name, keyId: 0, signature });
      if (timestamp === null) return false;
      return verifyEd25519(key, formatCosignedMessage(text, timestamp), signature.subarray(TIMESTAMP_BYTES));
    },
  };
}

/** A note verifier from a verifier key string: Ed25519 (type 0x01) or cosignature/v1 (type 0x04). */
export function makeVerifier(vkey: string): NoteVerifier {
  const key = parseVerifierKey(vkey);
  return key.type === COSIGNATURE_V1_TYPE
    ? makeCosignatureVerifier(key.name, key.publicKey)
    : makeEd25519Verifier(key.name, key.publicKey);
}

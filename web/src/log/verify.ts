/**
 * Checks, in the browser, that an entry is in the contribution log: RFC 9162 inclusion proofs
 * hashed with WebCrypto's SHA-256, and the C2SP signed-note checkpoint the proof leads to,
 * verified with the log's Ed25519 key.
 *
 * Trust: only the log's verifier key is trusted, and only as far as the reader compared it with
 * the one the campaign publishes. Everything else (entry, index, proof, checkpoint) is
 * attacker-controlled and checked for shape before use.
 */

const HASH_SIZE = 32;
const ED25519_TYPE = 0x01;
const encoder = new TextEncoder();

export function decodeBase64(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return null;
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

export const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

const equal = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

async function sha256(...parts: Uint8Array[]): Promise<Uint8Array> {
  const input = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    input.set(p, at);
    at += p.length;
  }
  return new Uint8Array(await crypto.subtle.digest("SHA-256", input));
}

/** RFC 9162 §2.1.1: leaf hash SHA-256(0x00 ‖ leaf). */
export const hashLeaf = (leaf: Uint8Array) => sha256(Uint8Array.of(0x00), leaf);

/** RFC 9162 §2.1.1: node hash SHA-256(0x01 ‖ left ‖ right). */
const hashChildren = (left: Uint8Array, right: Uint8Array) => sha256(Uint8Array.of(0x01), left, right);

const isSize = (n: number) => Number.isSafeInteger(n) && n >= 0;

/** Recomputes the tree head from an inclusion proof (RFC 9162 §2.1.3.2), or null when the proof is malformed. */
export async function rootFromInclusionProof(leafHash: Uint8Array, index: number, size: number, proof: readonly Uint8Array[]) {
  if (!isSize(index) || !isSize(size) || index >= size || leafHash.length !== HASH_SIZE) return null;
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0 || p.length !== HASH_SIZE) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = await hashChildren(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = await hashChildren(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : null;
}

export interface Checkpoint {
  origin: string;
  size: number;
  root: Uint8Array;
  /** The note text the signatures cover. */
  text: string;
  signatures: { name: string; keyId: number; signature: Uint8Array }[];
}

/** Splits a C2SP signed note into its checkpoint body and its signature lines. */
export function parseCheckpoint(note: string): Checkpoint | null {
  const split = note.lastIndexOf("\n\n");
  if (split < 0) return null;
  const text = note.slice(0, split + 1);
  const [origin = "", sizeLine = "", rootLine = ""] = text.slice(0, -1).split("\n");
  const root = decodeBase64(rootLine);
  if (!origin || !/^(0|[1-9][0-9]*)$/.test(sizeLine) || !root || root.length !== HASH_SIZE) return null;
  const signatures = [];
  for (const line of note.slice(split + 2).split("\n")) {
    if (line === "") continue;
    const m = /^\u2014 (\S+) ([A-Za-z0-9+/=]+)$/.exec(line);
    const bytes = m ? decodeBase64(m[2]!) : null;
    if (!m || !bytes || bytes.length < 5) return null;
    signatures.push({ name: m[1]!, keyId: new DataView(bytes.buffer).getUint32(0), signature: bytes.slice(4) });
  }
  return { origin, size: Number(sizeLine), root, text, signatures };
}

export interface VerifierKey {
  name: string;
  keyId: number;
  publicKey: Uint8Array;
}

/** Parses `<name>+<hex key id>+<base64(0x01 ‖ Ed25519 public key)>` and checks the key id (c2sp.org/signed-note). */
export async function parseVerifierKey(vkey: string): Promise<VerifierKey | null> {
  const first = vkey.indexOf("+");
  const second = vkey.indexOf("+", first + 1);
  if (first <= 0 || second < 0) return null;
  const name = vkey.slice(0, first);
  const id = vkey.slice(first + 1, second);
  const bytes = decodeBase64(vkey.slice(second + 1));
  if (!/^[0-9a-f]{8}$/.test(id) || !bytes || bytes.length !== 33 || bytes[0] !== ED25519_TYPE) return null;
  const publicKey = bytes.slice(1);
  const digest = await sha256(encoder.encode(`${name}\n`), Uint8Array.of(ED25519_TYPE), publicKey);
  const keyId = new DataView(digest.buffer).getUint32(0);
  return keyId === parseInt(id, 16) ? { name, keyId, publicKey } : null;
}

/** Ed25519 through WebCrypto where the browser has it, else through @noble/curves. */
async function verifyEd25519(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean> {
  if (signature.length !== 64) return false;
  try {
    // Copies, so that WebCrypto gets views of plain ArrayBuffers.
    const key = await crypto.subtle.importKey("raw", new Uint8Array(publicKey), { name: "Ed25519" }, false, ["verify"]);
    return await crypto.subtle.verify({ name: "Ed25519" }, key, new Uint8Array(signature), new Uint8Array(message));
  } catch {
    const { ed25519 } = await import("@noble/curves/ed25519.js");
    try {
      return ed25519.verify(signature, message, publicKey);
    } catch {
      return false;
    }
  }
}

/** Whether the log's key signed the checkpoint. */
export async function checkpointSignedBy(checkpoint: Checkpoint, key: VerifierKey): Promise<boolean> {
  const line = checkpoint.signatures.find((s) => s.name === key.name && s.keyId === key.keyId);
  return line !== undefined && verifyEd25519(key.publicKey, encoder.encode(checkpoint.text), line.signature);
}

export interface InclusionCheck {
  /** The checkpoint carries a valid signature of the log key. */
  signed: boolean;
  /** The proof leads from the entry's leaf hash to the checkpoint's root. */
  included: boolean;
  /** The leaf hash given matches the entry's bytes, when the entry was given. */
  leafMatches: boolean | null;
  checkpoint: Checkpoint | null;
}

/**
 * Verifies that an entry is in the log: the checkpoint is signed by `key`, and the inclusion
 * proof leads from the entry's leaf hash at `index` to the checkpoint's root.
 */
export async function checkInclusion(input: {
  key: VerifierKey;
  checkpoint: string;
  index: number;
  leafHash: string;
  proof: string[];
  leaf?: Uint8Array;
}): Promise<InclusionCheck> {
  const checkpoint = parseCheckpoint(input.checkpoint);
  const leafHash = decodeBase64(input.leafHash);
  const proof = input.proof.map(decodeBase64);
  const leafMatches = input.leaf && leafHash ? equal(await hashLeaf(input.leaf), leafHash) : null;
  if (!checkpoint || !leafHash || proof.some((p) => p === null)) return { signed: false, included: false, leafMatches, checkpoint };
  const signed = await checkpointSignedBy(checkpoint, input.key);
  const root = await rootFromInclusionProof(leafHash, input.index, checkpoint.size, proof as Uint8Array[]);
  return { signed, included: root !== null && equal(root, checkpoint.root), leafMatches, checkpoint };
}

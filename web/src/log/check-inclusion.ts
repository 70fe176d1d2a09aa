/**
 * Checks, in the browser, that an entry is in the contribution log with the same log core the
 * server and the CLI use (src/core/log): the RFC 9162 inclusion proof, and the C2SP signed-note
 * checkpoint it leads to, verified with the log's Ed25519 key.
 *
 * Trust: only the log's verifier key is trusted, and only as far as the reader compared it with
 * the one the campaign publishes. Everything else (entry, index, proof, checkpoint) is
 * attacker-controlled; the core checks each for shape before use.
 */
import {
  ED25519_TYPE,
  decodeBase64,
  equalBytes,
  hashLeaf,
  makeEd25519Verifier,
  openCheckpoint,
  parseCheckpoint,
  parseNote,
  parseVerifierKey,
  verifyInclusion,
  type Checkpoint,
  type NoteVerifier,
} from "../../../src/core/log/index.ts";

/** The log's verifier key text as a note verifier, or null when it is malformed or not an Ed25519 key. */
export function readLogKey(vkey: string): NoteVerifier | null {
  try {
    const key = parseVerifierKey(vkey);
    return key.type === ED25519_TYPE ? makeEd25519Verifier(key.name, key.publicKey) : null;
  } catch {
    return null;
  }
}

/** The checkpoint a signed note carries when the log's key signed it, else null. */
export function openLogCheckpoint(note: string, key: NoteVerifier): Checkpoint | null {
  try {
    return openCheckpoint(note, key).checkpoint;
  } catch {
    return null;
  }
}

/** The checkpoint a signed note carries, whoever signed it, or null when it is malformed. */
function readCheckpoint(note: string): Checkpoint | null {
  try {
    return parseCheckpoint(parseNote(note).text);
  } catch {
    return null;
  }
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
export function checkInclusion(input: {
  key: NoteVerifier;
  checkpoint: string;
  index: number;
  leafHash: string;
  proof: readonly string[];
  leaf?: Uint8Array;
}): InclusionCheck {
  const checkpoint = readCheckpoint(input.checkpoint);
  const leafHash = decodeBase64(input.leafHash);
  const proof = input.proof.map(decodeBase64).filter((p): p is Uint8Array => p !== null);
  const leafMatches = input.leaf && leafHash ? equalBytes(hashLeaf(input.leaf), leafHash) : null;
  if (!checkpoint || !leafHash || proof.length !== input.proof.length) return { signed: false, included: false, leafMatches, checkpoint };
  return {
    signed: openLogCheckpoint(input.checkpoint, input.key) !== null,
    included: verifyInclusion(leafHash, input.index, checkpoint.size, proof, checkpoint.root),
    leafMatches,
    checkpoint,
  };
}

import { invalid } from "../errors.ts";
import { decodeBase64, encodeBase64 } from "./bytes.ts";
import { HASH_SIZE } from "./hash.ts";
import { openNote, signNote, type NoteSignature, type NoteSigner, type NoteVerifier } from "./note.ts";

/**
 * C2SP tlog-checkpoint (c2sp.org/tlog-checkpoint §"Note text"): the body of a signed note with
 * the origin line, the tree size in decimal, the base64 root hash, and optional extension lines.
 */
export interface Checkpoint {
  readonly origin: string;
  readonly size: number;
  readonly root: Uint8Array;
  readonly extensions: readonly string[];
}

/** A checkpoint whose note signatures were checked by openCheckpoint. */
export interface SignedCheckpoint {
  readonly checkpoint: Checkpoint;
  /** The exact note text that was signed, for cosigning and consistency checks. */
  readonly text: string;
  readonly verified: readonly NoteSignature[];
  readonly unverified: readonly NoteSignature[];
}

const SIZE = /^(0|[1-9][0-9]*)$/;
// eslint-disable-next-line no-control-regex -- C2SP checkpoint lines must not hold control characters: this is the check.
const CONTROL = /[\u0000-\u001f]/;

function checkLine(line: string, field: string): void {
  if (line.length === 0 || CONTROL.test(line)) {
    throw invalid(field, `${field} is a non-empty line without control characters`);
  }
}

/** Writes the checkpoint's note text, ending in a newline. */
export function formatCheckpoint(checkpoint: Checkpoint): string {
  checkLine(checkpoint.origin, "origin");
  if (!Number.isSafeInteger(checkpoint.size) || checkpoint.size < 0) {
    throw invalid("size", "size is a non-negative safe integer");
  }
  if (checkpoint.root.length !== HASH_SIZE) throw invalid("root", "root is a 32-byte hash");
  checkpoint.extensions.forEach((e) => checkLine(e, "extensions"));
  const lines = [checkpoint.origin, String(checkpoint.size), encodeBase64(checkpoint.root), ...checkpoint.extensions];
  return lines.join("\n") + "\n";
}

/** Parses checkpoint note text (without signatures). */
export function parseCheckpoint(text: string): Checkpoint {
  if (!text.endsWith("\n")) throw invalid("checkpoint", "checkpoint text ends in a newline");
  const [origin = "", size = "", root = "", ...extensions] = text.slice(0, -1).split("\n");
  checkLine(origin, "origin");
  const n = Number(size);
  // The spec forbids leading zeroes, so one size has one spelling.
  if (!SIZE.test(size) || !Number.isSafeInteger(n)) throw invalid("size", "size is a decimal without leading zeroes");
  const hash = decodeBase64(root);
  if (hash === null || hash.length !== HASH_SIZE) throw invalid("root", "root is a base64 32-byte hash");
  extensions.forEach((e) => checkLine(e, "extensions"));
  return { origin, size: n, root: hash, extensions };
}

/** Formats and signs a checkpoint as a signed note. */
export function signCheckpoint(checkpoint: Checkpoint, signers: readonly NoteSigner[]): string {
  return signNote({ text: formatCheckpoint(checkpoint), signatures: [] }, signers);
}

/**
 * Opens a signed checkpoint. The log's own signature must be present and valid; witnesses'
 * cosignatures are checked when their verifiers are given, and appear in `verified`.
 */
export function openCheckpoint(
  message: string,
  log: NoteVerifier,
  witnesses: readonly NoteVerifier[] = [],
): SignedCheckpoint {
  const note = openNote(message, [log, ...witnesses]);
  if (!note.verified.some((s) => s.name === log.name && s.keyId === log.keyId)) {
    throw invalid("checkpoint", `checkpoint is not signed by the log key ${log.name}`);
  }
  return { checkpoint: parseCheckpoint(note.text), ...note };
}

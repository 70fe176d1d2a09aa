import { invalid } from "../errors.ts";
import { decodeBase64, encodeBase64, encodeUtf8, equalBytes } from "./bytes.ts";

/**
 * C2SP signed-note (c2sp.org/signed-note): a UTF-8 text ending in a newline, a blank line, then
 * one line per signature: "— <key name> base64(4-byte big-endian key id ‖ signature)".
 * Parsing follows Go's golang.org/x/mod/sumdb/note, the reference implementation.
 */

/** One signature line. `signature` excludes the key id. */
export interface NoteSignature {
  readonly name: string;
  readonly keyId: number;
  readonly signature: Uint8Array;
}

/** A note: its text (with the final newline) and its signatures in order. */
export interface Note {
  readonly text: string;
  readonly signatures: readonly NoteSignature[];
}

/** Signs note text with one key; `sign` may wrap node:crypto, a KMS call result, or @noble/curves. */
export interface NoteSigner {
  readonly name: string;
  readonly keyId: number;
  sign(text: Uint8Array): Uint8Array;
}

/** Checks signatures of one key over note text. */
export interface NoteVerifier {
  readonly name: string;
  readonly keyId: number;
  verify(text: Uint8Array, signature: Uint8Array): boolean;
}

/** A note whose text may be trusted: at least one known key signed it and none failed. */
export interface OpenedNote {
  readonly text: string;
  readonly verified: readonly NoteSignature[];
  readonly unverified: readonly NoteSignature[];
}

/** Go's note package refuses more; the spec asks verifiers to accept at least 16. */
export const MAX_SIGNATURES = 100;

const DASH = "\u2014 ";
const FORBIDDEN_IN_NAME = /[\s\p{Zs}+]/u;
// eslint-disable-next-line no-control-regex -- a signed note's text holds no control character but newline: this is the check.
const CONTROL = /[\u0000-\u0009\u000b-\u001f]/;

/** Whether a key name is allowed: non-empty, without Unicode spaces or "+". */
export function isKeyName(name: string): boolean {
  return name.length > 0 && !FORBIDDEN_IN_NAME.test(name) && !CONTROL.test(name);
}

function checkText(text: string): void {
  if (!text.endsWith("\n") || CONTROL.test(text)) {
    throw invalid("note", "note text ends in a newline and has no control characters but newlines");
  }
}

/** Writes a note: text, blank line, signature lines. */
export function formatNote(note: Note): string {
  checkText(note.text);
  let out = note.text + "\n";
  for (const s of note.signatures) {
    if (!isKeyName(s.name)) throw invalid("name", `invalid key name ${JSON.stringify(s.name)}`);
    const bytes = new Uint8Array(4 + s.signature.length);
    new DataView(bytes.buffer).setUint32(0, s.keyId >>> 0);
    bytes.set(s.signature, 4);
    out += `${DASH}${s.name} ${encodeBase64(bytes)}\n`;
  }
  return out;
}

function parseSignatureLine(line: string): NoteSignature {
  const parts = line.startsWith(DASH) ? line.slice(DASH.length).split(" ") : [];
  const bytes = parts.length === 2 ? decodeBase64(parts[1]!) : null;
  if (bytes === null || bytes.length < 5 || !isKeyName(parts[0]!)) {
    throw invalid("note", "malformed signature line");
  }
  const keyId = new DataView(bytes.buffer).getUint32(0);
  return { name: parts[0]!, keyId, signature: bytes.slice(4) };
}

/** Splits a signed note into text and signatures, checking syntax only — nothing is verified. */
export function parseNote(message: string): Note {
  if (CONTROL.test(message)) throw invalid("note", "a note has no control characters but newlines");
  const split = message.lastIndexOf("\n\n");
  const block = split < 0 ? "" : message.slice(split + 2);
  if (!block.endsWith("\n")) throw invalid("note", "a note ends with signature lines");
  const lines = block.slice(0, -1).split("\n");
  if (lines.length > MAX_SIGNATURES) throw invalid("note", `more than ${MAX_SIGNATURES} signatures`);
  return { text: message.slice(0, split + 1), signatures: lines.map(parseSignatureLine) };
}

/** Signs `note.text` with each signer, replacing earlier signatures by the same keys. */
export function signNote(note: Note, signers: readonly NoteSigner[]): string {
  checkText(note.text);
  const text = encodeUtf8(note.text);
  const fresh = signers.map((s) => ({ name: s.name, keyId: s.keyId, signature: s.sign(text) }));
  const kept = note.signatures.filter((o) => !fresh.some((f) => f.name === o.name && f.keyId === o.keyId));
  return formatNote({ text: note.text, signatures: [...kept, ...fresh] });
}

/**
 * Parses and verifies a signed note. Signatures by unknown keys are ignored (listed as unverified);
 * a known key's bad signature rejects the whole note; at least one known key must have signed.
 */
export function openNote(message: string, verifiers: readonly NoteVerifier[]): OpenedNote {
  const note = parseNote(message);
  const text = encodeUtf8(note.text);
  const verified: NoteSignature[] = [];
  const unverified: NoteSignature[] = [];
  const seen = (list: NoteSignature[], s: NoteSignature) =>
    list.some((o) => o.name === s.name && o.keyId === s.keyId && equalBytes(o.signature, s.signature));
  for (const s of note.signatures) {
    const keys = verifiers.filter((v) => v.name === s.name && v.keyId === s.keyId);
    if (keys.length > 1) throw invalid("note", `ambiguous key ${s.name}`);
    const key = keys[0];
    if (key && !key.verify(text, s.signature)) throw invalid("note", `invalid signature for key ${s.name}`);
    const list = key ? verified : unverified;
    if (!seen(list, s)) list.push(s);
  }
  if (verified.length === 0) throw invalid("note", "note has no verifiable signatures");
  return { text: note.text, verified, unverified };
}

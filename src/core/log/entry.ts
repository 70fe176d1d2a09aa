import canonicalize from "canonicalize";
import { invalid } from "../errors.ts";
import { concatBytes, decodeUtf8, encodeBase64, encodeUtf8, equalBytes } from "./bytes.ts";
import { checkEntry, type JsonValue, type LogEntry } from "./entry-shape.ts";
import { hashBytes } from "./hash.ts";

export type { EntryBody, JsonValue, LogEntry } from "./entry-shape.ts";

/**
 * A log entry is the leaf of the Merkle tree: the exact bytes of the RFC 8785 canonical JSON of
 * `{v, kind, campaign, author, time, body}`. RFC 8785 fixes key order, number and string forms,
 * so one entry has one byte string and anyone can re-derive the leaf from the decoded JSON.
 *
 * Why the body holds a salted digest instead of the content. The content (a values card, a vote,
 * a wish) lives in the tables; the leaf only carries digest = SHA-256(salt ‖ canonical JSON of the
 * content), with a fresh random salt stored in the row next to the content. When a person asks
 * for erasure, the row's content and its salt are deleted. The leaf bytes do not change, so the
 * leaf hash, every inclusion and consistency proof and every signed checkpoint stay valid. And the
 * digest no longer reveals anything: without the salt, guessing short content ("upgrade", a name)
 * and hashing the guesses cannot be checked against it — an unsalted hash would allow exactly that
 * dictionary attack, and so would defeat the erasure.
 */

/** Minimum salt length: 128 bits, so that a digest cannot be matched by guessing the salt too. */
export const MIN_SALT_BYTES = 16;

const canonicalJson = (value: unknown, field: string): string => {
  try {
    const text = canonicalize(value);
    if (text === undefined) throw new Error("not JSON");
    return text;
  } catch (cause) {
    throw invalid(field, `cannot be written as RFC 8785 JSON: ${(cause as Error).message}`);
  }
};

/** digest = base64(SHA-256(salt ‖ RFC 8785 canonical JSON of the content)). */
export function commitContent(content: JsonValue, salt: Uint8Array): string {
  if (salt.length < MIN_SALT_BYTES) throw invalid("salt", `a salt has at least ${MIN_SALT_BYTES} bytes`);
  const json = encodeUtf8(canonicalJson(content, "content"));
  return encodeBase64(hashBytes(concatBytes(salt, json)));
}

/** Whether `content` with `salt` is what the entry's digest commits to. */
export function verifyContent(entry: LogEntry, content: JsonValue, salt: Uint8Array): boolean {
  if (salt.length < MIN_SALT_BYTES) return false;
  return equalBytes(encodeUtf8(commitContent(content, salt)), encodeUtf8(entry.body.digest));
}

/** The exact leaf bytes of an entry: UTF-8 of its RFC 8785 canonical JSON. */
export function encodeEntry(entry: LogEntry): Uint8Array {
  return encodeUtf8(canonicalJson(checkEntry(entry), "entry"));
}

/** Parses leaf bytes; throws unless they are a well-formed entry in canonical form. */
export function decodeEntry(leaf: Uint8Array): LogEntry {
  const text = decodeUtf8(leaf);
  if (text === null) throw invalid("leaf", "is not valid UTF-8");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalid("leaf", "is not JSON");
  }
  const entry = checkEntry(parsed);
  // Only one byte string may stand for an entry; anything else was written by another encoder.
  if (!equalBytes(encodeEntry(entry), leaf)) throw invalid("leaf", "is not in RFC 8785 canonical form");
  return entry;
}

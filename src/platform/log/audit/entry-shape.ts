// Direct imports rather than the log's index: the shape worker loads only what it runs.
import { decodeUtf8 } from "../../../core/log/bytes.ts";
import { decodeEntry } from "../../../core/log/entry.ts";
import { checkEntry } from "../../../core/log/entry-shape.ts";
import { VerificationFailure } from "./failure.ts";

/**
 * How closely each entry is read. "fields": the leaf is JSON with exactly the fields and types of
 * a log entry (v, kind, campaign, author, time, body with its digest). "canonical": also that
 * the leaf is the RFC 8785 form of that JSON, the only byte string the log may write for it; it
 * costs about four times as much, and the tree does not depend on it (it hashes the bytes).
 */
export type ShapeCheck = "fields" | "canonical";

function readFields(leaf: Uint8Array): void {
  const text = decodeUtf8(leaf);
  if (text === null) throw new Error("the leaf is not UTF-8");
  checkEntry(JSON.parse(text));
}

/** Throws a VerificationFailure naming `index` unless `leaf` is a well-formed entry. */
export function checkEntryShape(leaf: Uint8Array, index: number, check: ShapeCheck): void {
  try {
    if (check === "canonical") decodeEntry(leaf);
    else readFields(leaf);
  } catch (error) {
    const field = (error as { field?: string }).field;
    const where = field ? ` (${field})` : "";
    throw new VerificationFailure("shape", `index ${index} is not a well-formed log entry: ${(error as Error).message}${where}`, {
      index,
    });
  }
}

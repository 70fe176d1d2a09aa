import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import canonicalize from "canonicalize";
import { equalBytes } from "../../src/core/log/bytes.ts";
import { openCheckpoint } from "../../src/core/log/checkpoint.ts";
import { hashLeaf } from "../../src/core/log/hash.ts";
import type { NoteVerifier } from "../../src/core/log/note.ts";
import { hashTreeRecursively } from "../../src/core/log/reference.ts";

/**
 * The straightforward offline verifier, the baseline of bench/log/run.ts: read the export line by
 * line with readline, JSON.parse each line, decode its base64 leaf and check that the entry is
 * its canonical JSON, keep every leaf hash, then recompute the root from scratch with RFC 9162's
 * recursive MTH and compare it with the signed checkpoint's. Returns what is wrong, or null.
 */
export async function verifyNaively(path: string, signed: string, log: NoteVerifier): Promise<string | null> {
  const { checkpoint } = openCheckpoint(signed, log);
  const leafHashes: Uint8Array[] = [];
  const lines = createInterface({ input: createReadStream(path, "utf8"), crlfDelay: Infinity });
  for await (const text of lines) {
    const line = JSON.parse(text) as { index: number; leaf: string; entry: unknown };
    if (line.index !== leafHashes.length) return `line ${leafHashes.length} holds index ${line.index}`;
    const leaf = new Uint8Array(Buffer.from(line.leaf, "base64"));
    if (canonicalize(line.entry) !== Buffer.from(leaf).toString("utf8")) return `entry ${line.index} is not its leaf`;
    leafHashes.push(hashLeaf(leaf));
  }
  if (leafHashes.length !== checkpoint.size) return `${leafHashes.length} lines for a tree of ${checkpoint.size}`;
  return equalBytes(hashTreeRecursively(leafHashes), checkpoint.root) ? null : "root differs from the checkpoint";
}

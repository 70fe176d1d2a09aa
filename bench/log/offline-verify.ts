import { equalBytes } from "../../src/core/log/bytes.ts";
import { openCheckpoint } from "../../src/core/log/checkpoint.ts";
import { decodeEntry } from "../../src/core/log/entry.ts";
import { readExportLine } from "../../src/core/log/export-line.ts";
import { Frontier } from "../../src/core/log/frontier.ts";
import type { TreeHasher } from "../../src/core/log/hash.ts";
import type { NoteVerifier } from "../../src/core/log/note.ts";

/**
 * What an offline verifier does with an export and a signed checkpoint: check the log's signature,
 * read each line (its entry must be its leaf's text), rebuild the root with a frontier, and compare.
 * `strict` also decodes every leaf as an entry (shape and RFC 8785 form). Returns what is wrong,
 * or null when everything matches.
 */
export function verifyExport(
  lines: Iterable<Uint8Array>,
  signed: string,
  log: NoteVerifier,
  options: { hasher: TreeHasher; strict: boolean },
): string | null {
  const { checkpoint } = openCheckpoint(signed, log);
  const frontier = new Frontier(options.hasher);
  let i = 0;
  for (const bytes of lines) {
    const line = readExportLine(bytes);
    if (line.index !== i) return `line ${i} holds index ${line.index}`;
    if (options.strict) decodeEntry(line.leaf);
    frontier.append(options.hasher.hashLeaf(line.leaf));
    i++;
  }
  if (frontier.size !== checkpoint.size) return `${frontier.size} lines for a tree of ${checkpoint.size}`;
  return equalBytes(frontier.root(), checkpoint.root) ? null : "root differs from the checkpoint";
}

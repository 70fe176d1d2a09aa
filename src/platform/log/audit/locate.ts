import { encodeBase64, equalBytes, type HashTree } from "../../../core/log/index.ts";
import { bisectWithProofs } from "./bisect.ts";
import type { Evidence } from "./evidence.ts";
import type { LeafEvidence } from "./failure.ts";

/** Where the first bad index lies: [start, end), exact when end = start + 1. */
export interface Location {
  readonly start: number;
  readonly end: number;
  /** Proofs fetched from the log. */
  readonly proofs: number;
  /** The log's own leaf at `start`, proven against a trusted root, when one is known. */
  readonly evidence: LeafEvidence | null;
  /** Why the running log's proofs could not be used or believed, when they could not. */
  readonly note: string | null;
}

const evidenceOf = (index: number, found: Uint8Array, logged: Uint8Array): LeafEvidence => ({
  index,
  found: encodeBase64(found),
  logged: encodeBase64(logged),
});

/**
 * Finds the first index at which `tree` (rebuilt from the data) departs from the log, knowing it
 * departs before `end`. "The first m leaves are the log's" holds up to the first bad index and
 * fails after it, so the answer is where it turns. Checkpoints answer it at their sizes; a leaf
 * the log proved extends a good prefix by one, and a leaf that differs bounds the answer; what
 * remains, a running log's proofs narrow (bisect.ts).
 */
export async function locateFirstBadIndex(tree: HashTree, end: number, evidence: Evidence): Promise<Location> {
  const leaf = (i: number) => tree.readNode(0, i);
  let lo = 0;
  let hi = end;
  for (const a of evidence.anchors) {
    if (a.size > tree.size || a.size === 0) continue;
    if (equalBytes(tree.root(a.size), a.root)) lo = Math.max(lo, a.size);
    else hi = Math.min(hi, a.size);
  }
  const known = evidence.facts.filter((f) => f.index < tree.size);
  const differs = known.filter((f) => !equalBytes(f.leafHash, leaf(f.index)));
  for (const f of differs) hi = Math.min(hi, f.index + 1);
  const matches = new Set(known.filter((f) => !differs.some((d) => d.index === f.index)).map((f) => f.index));
  while (lo < hi - 1 && matches.has(lo)) lo++;
  const proven = (i: number) => differs.find((f) => f.index === i);
  const located = (start: number, stop: number, proofs = 0, note: string | null = null): Location => {
    const fact = stop - start === 1 ? proven(start) : undefined;
    return { start, end: stop, proofs, evidence: fact ? evidenceOf(start, leaf(start), fact.leafHash) : null, note };
  };
  // Trusted checkpoints that contradict each other (a fork) bound the index only from above.
  if (lo >= hi) return located(0, hi);
  if (!evidence.prover) return located(lo, hi);
  const found = await bisectWithProofs(tree, lo, hi, evidence.target, evidence.prover);
  return found.evidence ? found : located(found.start, found.end, found.proofs, found.note);
}

import {
  encodeBase64,
  equalBytes,
  verifyConsistency,
  verifyInclusion,
  type HashTree,
} from "../../core/log/index.ts";
import type { LeafEvidence } from "./failure.ts";
import type { LeafFact } from "./leaf-proofs.ts";

/** A trusted tree head: a size and the root a checked checkpoint gives for it. */
export interface Anchor {
  readonly size: number;
  readonly root: Uint8Array;
}

/** The proofs a running log serves; nothing it returns is trusted before it verifies. */
export interface LogProver {
  /** RFC 9162 consistency proof from the tree of size1 to the tree of size2. */
  proveConsistency(size1: number, size2: number): Promise<Uint8Array[]>;
  /** The log's leaf hash at `index` and its inclusion proof in the tree of `size`. */
  proveLeaf(index: number, size: number): Promise<{ leafHash: Uint8Array; proof: Uint8Array[] }>;
}

/** What the search may use: trusted checkpoints and leaves, and perhaps the running log. */
export interface Evidence {
  readonly anchors: readonly Anchor[];
  readonly facts: readonly LeafFact[];
  /** The checkpoint the log's proofs must lead to. */
  readonly target: Anchor;
  readonly prover: LogProver | null;
}

/** Where the first bad index lies: [start, end), exact when end = start + 1. */
export interface Location {
  readonly start: number;
  readonly end: number;
  /** Proofs fetched from the log. */
  readonly proofs: number;
  /** The log's own leaf at `start`, proven against a trusted root, when one is known. */
  readonly evidence: LeafEvidence | null;
  /** Whether the log's proofs contradicted the trusted checkpoints (it serves another tree). */
  readonly proverFailed: boolean;
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
 * the log proved extends a good prefix by one, and a leaf that differs bounds the answer; a
 * running log answers it at any m with a consistency proof from m to the target, checked against
 * the data's root at m and the target's trusted root, so bisecting costs O(log n) proofs. The
 * answer is confirmed with the log's leaf there, proven by inclusion.
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
  const located = (start: number, stop: number, proofs: number, proverFailed = false): Location => {
    const fact = stop - start === 1 ? proven(start) : undefined;
    return { start, end: stop, proofs, evidence: fact ? evidenceOf(start, leaf(start), fact.leafHash) : null, proverFailed };
  };
  const { prover, target } = evidence;
  // Trusted checkpoints that contradict each other (a fork) bound the index only from above.
  if (lo >= hi) return located(0, hi, 0);
  if (!prover) return located(lo, hi, 0);
  const before = { lo, hi };
  let proofs = 0;
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (mid >= target.size || mid > tree.size) break;
    const proof = await prover.proveConsistency(mid, target.size);
    proofs++;
    if (verifyConsistency(mid, target.size, proof, tree.root(mid), target.root)) lo = mid;
    else hi = mid;
  }
  if (hi - lo !== 1 || lo >= target.size || lo >= tree.size) return located(lo, hi, proofs);
  const logged = await prover.proveLeaf(lo, target.size);
  proofs++;
  if (!verifyInclusion(logged.leafHash, lo, target.size, logged.proof, target.root) || equalBytes(leaf(lo), logged.leafHash)) {
    // The log cannot back its own consistency proofs: keep only what the trusted evidence showed.
    return located(before.lo, before.hi, proofs, true);
  }
  return { start: lo, end: lo + 1, proofs, evidence: evidenceOf(lo, leaf(lo), logged.leafHash), proverFailed: false };
}

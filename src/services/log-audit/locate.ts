import {
  encodeBase64,
  equalBytes,
  verifyConsistency,
  verifyInclusion,
  type HashTree,
} from "../../core/log/index.ts";
import type { LeafEvidence } from "./failure.ts";

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

/** Where the first bad index lies: [start, end), exact when end = start + 1. */
export interface Location {
  readonly start: number;
  readonly end: number;
  /** Proofs fetched from the log. */
  readonly proofs: number;
  /** The log's own leaf at `start`, proven against the target, when it was fetched and verified. */
  readonly evidence: LeafEvidence | null;
  /** Whether the log's proofs contradicted the trusted checkpoints (it serves another tree). */
  readonly proverFailed: boolean;
}

/**
 * Finds the first index at which `tree` (rebuilt from the data) departs from the log, knowing it
 * departs before `end`. "The first m leaves are the log's" holds up to the first bad index and
 * fails after it, so it can be bisected: anchors (checked checkpoints) answer it for free at their
 * sizes; a prover answers it at any m < target.size with a consistency proof from m to the
 * target, checked against the data's root at m and the target's trusted root — O(log n) proofs.
 * The result is confirmed with the log's leaf at the index it names, proven by inclusion.
 */
export async function locateFirstBadIndex(
  tree: HashTree,
  end: number,
  anchors: readonly Anchor[],
  target: Anchor,
  prover: LogProver | null,
): Promise<Location> {
  let lo = 0;
  let hi = end;
  for (const a of anchors) {
    if (a.size > tree.size || a.size === 0) continue;
    if (equalBytes(tree.root(a.size), a.root)) lo = Math.max(lo, a.size);
    else hi = Math.min(hi, a.size);
  }
  if (!prover || lo >= hi) return { start: lo, end: Math.max(hi, lo + 1), proofs: 0, evidence: null, proverFailed: false };
  const before = { start: lo, end: hi };
  let proofs = 0;
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (mid >= target.size || mid > tree.size) break;
    const proof = await prover.proveConsistency(mid, target.size);
    proofs++;
    if (verifyConsistency(mid, target.size, proof, tree.root(mid), target.root)) lo = mid;
    else hi = mid;
  }
  if (hi - lo !== 1 || lo >= target.size || lo >= tree.size) return { start: lo, end: hi, proofs, evidence: null, proverFailed: false };
  const logged = await prover.proveLeaf(lo, target.size);
  proofs++;
  const found = tree.readNode(0, lo);
  const proven = verifyInclusion(logged.leafHash, lo, target.size, logged.proof, target.root);
  if (!proven || equalBytes(found, logged.leafHash)) {
    // The log cannot back its own consistency proofs: keep only what the anchors showed.
    return { ...before, proofs, evidence: null, proverFailed: true };
  }
  const evidence = { index: lo, found: encodeBase64(found), logged: encodeBase64(logged.leafHash) };
  return { start: lo, end: lo + 1, proofs, evidence, proverFailed: false };
}

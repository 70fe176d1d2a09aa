import { PolyphonyError } from "../../../core/errors.ts";
import { encodeBase64, equalBytes, verifyConsistency, verifyInclusion, type HashTree } from "../../../core/log/index.ts";
import type { LeafEvidence } from "./failure.ts";
import type { Anchor, LogProver } from "./evidence.ts";

/** What bisecting with a running log's proofs found. */
export interface Bisection {
  readonly start: number;
  readonly end: number;
  readonly proofs: number;
  readonly evidence: LeafEvidence | null;
  /** Why the log's proofs could not be used or believed; null when they were. */
  readonly note: string | null;
}

const CONTRADICTED =
  "The log's proofs do not verify against the trusted checkpoint: it serves another tree than the one it signed (a fork or a rewritten history).";

/**
 * Narrows [lo, hi), which holds the first bad index, with the running log's proofs: at each m, a
 * consistency proof from m to the target, checked against the data's root at m and the target's
 * trusted root, says whether the first m entries are the log's. O(log n) proofs. The index found
 * is confirmed by the log's own leaf there, proven by inclusion; a log whose proofs cannot be
 * believed leaves [lo, hi) as it was.
 */
export async function bisectWithProofs(tree: HashTree, lo: number, hi: number, target: Anchor, prover: LogProver): Promise<Bisection> {
  const unchanged = (proofs: number, note: string | null): Bisection => ({ start: lo, end: hi, proofs, evidence: null, note });
  let [start, end, proofs] = [lo, hi, 0];
  try {
    while (end - start > 1) {
      const mid = start + Math.floor((end - start) / 2);
      if (mid >= target.size || mid > tree.size) break;
      const proof = await prover.proveConsistency(mid, target.size);
      proofs++;
      if (verifyConsistency(mid, target.size, proof, tree.root(mid), target.root)) start = mid;
      else end = mid;
    }
    if (end - start !== 1 || start >= target.size || start >= tree.size) return { start, end, proofs, evidence: null, note: null };
    const logged = await prover.proveLeaf(start, target.size);
    proofs++;
    const found = tree.readNode(0, start);
    if (!verifyInclusion(logged.leafHash, start, target.size, logged.proof, target.root) || equalBytes(found, logged.leafHash)) {
      return unchanged(proofs, CONTRADICTED);
    }
    const evidence = { index: start, found: encodeBase64(found), logged: encodeBase64(logged.leafHash) };
    return { start, end, proofs, evidence, note: null };
  } catch (error) {
    if (!(error instanceof PolyphonyError) || error.code !== "upstream_failed") throw error;
    return unchanged(proofs, `The running log gave no proofs to narrow it: ${error.message}.`);
  }
}

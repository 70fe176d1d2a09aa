import { EMPTY_ROOT, hashChildren } from "./hash.ts";
import { splitPoint } from "./tree-math.ts";

/**
 * RFC 9162's recursive definitions, transcribed literally over an array of leaf hashes. Every call
 * rehashes the subtrees it needs — O(n) per proof — so this is the oracle for the property tests
 * and the "recompute from scratch" baseline of bench/log, not something to serve proofs with.
 */

/** MTH(D[lo:hi]) by the recursion of RFC 9162 §2.1.1. */
export function hashTreeRecursively(
  leafHashes: readonly Uint8Array[],
  lo = 0,
  hi = leafHashes.length,
): Uint8Array {
  const n = hi - lo;
  if (n === 0) return EMPTY_ROOT.slice();
  if (n === 1) return leafHashes[lo]!;
  const k = splitPoint(n);
  return hashChildren(
    hashTreeRecursively(leafHashes, lo, lo + k),
    hashTreeRecursively(leafHashes, lo + k, hi),
  );
}

/** PATH(m, D[lo:hi]) of RFC 9162 §2.1.3.1, where m is relative to lo. */
export function provePathRecursively(
  m: number,
  leafHashes: readonly Uint8Array[],
  lo = 0,
  hi = leafHashes.length,
): Uint8Array[] {
  const n = hi - lo;
  if (n <= 1) return [];
  const k = splitPoint(n);
  if (m < k) {
    return [...provePathRecursively(m, leafHashes, lo, lo + k), hashTreeRecursively(leafHashes, lo + k, hi)];
  }
  return [...provePathRecursively(m - k, leafHashes, lo + k, hi), hashTreeRecursively(leafHashes, lo, lo + k)];
}

/** PROOF(m, D[n]) of RFC 9162 §2.1.4.1 for 0 < m ≤ n. */
export function proveConsistencyRecursively(m: number, leafHashes: readonly Uint8Array[]): Uint8Array[] {
  return subproof(m, leafHashes, 0, leafHashes.length, true);
}

function subproof(
  m: number,
  leafHashes: readonly Uint8Array[],
  lo: number,
  hi: number,
  b: boolean,
): Uint8Array[] {
  const n = hi - lo;
  if (m === n) return b ? [] : [hashTreeRecursively(leafHashes, lo, hi)];
  const k = splitPoint(n);
  if (m <= k) {
    return [...subproof(m, leafHashes, lo, lo + k, b), hashTreeRecursively(leafHashes, lo + k, hi)];
  }
  return [...subproof(m - k, leafHashes, lo + k, hi, false), hashTreeRecursively(leafHashes, lo, lo + k)];
}

import { equalBytes } from "./bytes.ts";
import { EMPTY_ROOT, HASH_SIZE, hashChildren } from "./hash.ts";
import { half, isOdd, isTreeSize, isValidSubtree } from "./tree-math.ts";
import { rootFromInclusionProof } from "./verify.ts";

/**
 * Subtree proofs of draft-ietf-plants-merkle-tree-certs (§"Subtrees"), which extends RFC 9162
 * §2.1 from whole trees [0, n) to aligned intervals [start, end). A campaign's entries, or one
 * export batch, can then be proven as one subtree hash. As in verify.ts, `subtreeHash` and `root`
 * are trusted; indices, sizes and proof elements are attacker-controlled.
 */

/** The subtree hash an inclusion proof leads to ("Evaluating a Subtree Inclusion Proof"), or null. */
export function evaluateSubtreeInclusionProof(
  leafHash: Uint8Array,
  index: number,
  start: number,
  end: number,
  proof: readonly Uint8Array[],
): Uint8Array | null {
  if (!isValidSubtree(start, end) || !isTreeSize(index) || index < start || index >= end) {
    return null;
  }
  // The draft's procedure is RFC 9162 §2.1.3.2 with leaf_index = index − start, tree_size = end − start.
  return rootFromInclusionProof(leafHash, index - start, end - start, proof);
}

/** Verifies that `leafHash` is leaf `index` of the subtree [start, end) with hash `subtreeHash`. */
export function verifySubtreeInclusion(
  leafHash: Uint8Array,
  index: number,
  start: number,
  end: number,
  proof: readonly Uint8Array[],
  subtreeHash: Uint8Array,
): boolean {
  const computed = evaluateSubtreeInclusionProof(leafHash, index, start, end, proof);
  return computed !== null && equalBytes(computed, subtreeHash);
}

/** Verifies the subtree [start, end) with `subtreeHash` against the tree of `size` with `root`. */
export function verifySubtreeConsistency(
  start: number,
  end: number,
  size: number,
  proof: readonly Uint8Array[],
  subtreeHash: Uint8Array,
  root: Uint8Array,
): boolean {
  // 1. [start, end) must be a subtree of the tree of `size`.
  if (!isValidSubtree(start, end) || !isTreeSize(size) || end > size) return false;
  // 2. The empty subtree: empty proof, and its hash is HASH() — nothing is said about `root`.
  if (start === end) return proof.length === 0 && equalBytes(subtreeHash, EMPTY_ROOT);
  if (!proof.every((p) => p.length === HASH_SIZE)) return false;
  // 3. fn = start, sn = end − 1, tn = size − 1.
  let [fn, sn, tn] = [start, end - 1, size - 1];
  const shift = () => {
    [fn, sn, tn] = [half(fn), half(sn), half(tn)];
  };
  // 4. Climb to the lowest node of the tree that the subtree shares with it.
  if (sn === tn) {
    while (fn !== sn) shift();
  } else {
    while (fn !== sn && isOdd(sn)) shift();
  }
  // 5–6. Seed both hashes with the subtree hash, or with the first proof element.
  let rest = proof;
  let seed = subtreeHash;
  if (fn !== sn) {
    if (proof.length === 0) return false;
    seed = proof[0]!;
    rest = proof.slice(1);
  } else if (rest.length > 0 && subtreeHash.length !== HASH_SIZE) {
    return false;
  }
  let fr = seed;
  let sr = seed;
  // 7. fr rebuilds the subtree hash, sr the root.
  for (const c of rest) {
    if (tn === 0) return false;
    if (isOdd(sn) || sn === tn) {
      if (fn < sn) fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      while (!isOdd(sn)) shift();
    } else {
      sr = hashChildren(sr, c);
    }
    shift();
  }
  // 8. All three must agree.
  return tn === 0 && equalBytes(fr, subtreeHash) && equalBytes(sr, root);
}

import { equalBytes } from "./bytes.ts";
import { HASH_SIZE, hashChildren } from "./hash.ts";
import { bitCeil, half, isOdd, isTreeSize } from "./tree-math.ts";

/**
 * Proof verification, following RFC 9162 §2.1.3.2 and §2.1.4.2 step by step.
 *
 * Trust: `root`, `root1` and `root2` are what the verifier already trusts (taken from checkpoints
 * whose signatures it checked). Everything else — leaf hash, index, sizes and every proof element
 * — comes from the log or from a receipt and is attacker-controlled: each is checked for shape
 * before use, and no loop runs longer than the tree is deep.
 */

function isHash(h: Uint8Array): boolean {
  return h.length === HASH_SIZE;
}

/** Recomputes the root from an inclusion proof (RFC 9162 §2.1.3.2 steps 1–4), or null. */
export function rootFromInclusionProof(
  leafHash: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
): Uint8Array | null {
  if (!isTreeSize(index) || !isTreeSize(size) || !isHash(leafHash)) return null;
  // 1. leaf_index must be below tree_size.
  if (index >= size) return null;
  // 2–3. fn = leaf_index, sn = tree_size − 1, r = hash.
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  // 4. Walk the inclusion path from the leaf upwards.
  for (const p of proof) {
    if (sn === 0 || !isHash(p)) return null;
    if (isOdd(fn) || fn === sn) {
      r = hashChildren(p, r);
      // Skip the levels where this node has no right sibling (the tree's right border).
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = hashChildren(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  // 5. A proof that ends below the root is incomplete.
  return sn === 0 ? r : null;
}

/** Verifies that `leafHash` is leaf `index` of the tree of `size` with head `root` (RFC 9162 §2.1.3.2). */
export function verifyInclusion(
  leafHash: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  const computed = rootFromInclusionProof(leafHash, index, size, proof);
  return computed !== null && equalBytes(computed, root);
}

/**
 * Verifies that the tree of size2 with head root2 extends the tree of size1 with head root1
 * (RFC 9162 §2.1.4.2). Equal sizes need an empty proof and equal roots. size1 = 0 always fails:
 * every tree extends the empty one, so such a "proof" would only show that the caller skipped a
 * check (the same rule as transparency-dev/merkle).
 */
export function verifyConsistency(
  size1: number,
  size2: number,
  proof: readonly Uint8Array[],
  root1: Uint8Array,
  root2: Uint8Array,
): boolean {
  if (!isTreeSize(size1) || !isTreeSize(size2) || size1 === 0 || size1 > size2) return false;
  if (size1 === size2) return proof.length === 0 && equalBytes(root1, root2);
  // 1. An empty consistency_path fails.
  if (proof.length === 0 || !isHash(root1) || !proof.every(isHash)) return false;
  // 2. If first is an exact power of 2, prepend first_hash.
  const path = bitCeil(size1) === size1 ? [root1, ...proof] : proof;
  // 3. fn = first − 1, sn = second − 1.
  let fn = size1 - 1;
  let sn = size2 - 1;
  // 4. Climb while fn is a right child: those levels are shared by both trees.
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  // 5. fr = sr = the first value of the path.
  let fr = path[0]!;
  let sr = fr;
  // 6. Rebuild both heads from the remaining values.
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = hashChildren(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  // 7. Both heads must match and the path must have reached the root.
  return sn === 0 && equalBytes(fr, root1) && equalBytes(sr, root2);
}

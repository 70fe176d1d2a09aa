import { invalid } from "../errors.ts";
import { isTreeSize, isValidSubtree, splitPoint, type LeafRange } from "./tree-math.ts";

/**
 * Which subtree hashes make up a proof, without reading any hash. A store can collect the perfect
 * nodes of these ranges (listPerfectNodes), fetch them in one query, and then hash the ranges.
 *
 * One recursion serves every proof: SUBTREE_PROOF of draft-ietf-plants-merkle-tree-certs §"Generating
 * a Subtree Consistency Proof", which extends RFC 9162 §2.1.4.1. With start = 0 it is the
 * consistency proof PROOF(end, D_n); with end = start + 1 it is the inclusion path PATH(start, D_n)
 * of RFC 9162 §2.1.3.1; applied to D[lo:hi] it gives a subtree inclusion proof.
 */
function listSubtreeProof(start: number, end: number, lo: number, hi: number): LeafRange[] {
  if (start === end) return [];
  const siblings: LeafRange[] = [];
  let omitFirst = true;
  let [s, l, h] = [start, lo, hi];
  while (!(s === l && end === h)) {
    const mid = l + splitPoint(h - l);
    if (end <= mid) {
      siblings.push({ start: mid, end: h });
      h = mid;
    } else if (mid <= s) {
      siblings.push({ start: l, end: mid });
      l = mid;
    } else {
      // start < k < end, so the range starts at l: continue in the right child; the left child
      // is a sibling, and the root of the range is no longer a node of the tree (b = false).
      siblings.push({ start: l, end: mid });
      l = mid;
      s = mid;
      omitFirst = false;
    }
  }
  const head: LeafRange[] = omitFirst ? [] : [{ start: l, end: h }];
  return head.concat(siblings.reverse());
}

function checkSize(name: string, n: number): void {
  if (!isTreeSize(n)) throw invalid(name, `${name} must be a non-negative safe integer`);
}

/** Ranges of the inclusion proof of leaf `index` in the tree of `size` leaves (RFC 9162 §2.1.3.1). */
export function listInclusionRanges(index: number, size: number): LeafRange[] {
  checkSize("index", index);
  checkSize("size", size);
  if (index >= size) throw invalid("index", `index ${index} is not below tree size ${size}`);
  return listSubtreeProof(index, index + 1, 0, size);
}

/** Ranges of the consistency proof from size1 to size2 (RFC 9162 §2.1.4.1); 0 < size1 ≤ size2. */
export function listConsistencyRanges(size1: number, size2: number): LeafRange[] {
  checkSize("size1", size1);
  checkSize("size2", size2);
  if (size1 === 0) throw invalid("size1", "a consistency proof from the empty tree proves nothing");
  if (size1 > size2) throw invalid("size1", `size1 ${size1} exceeds size2 ${size2}`);
  return listSubtreeProof(0, size1, 0, size2);
}

/** Ranges of the inclusion proof of leaf `index` in the subtree [start, end). */
export function listSubtreeInclusionRanges(index: number, start: number, end: number): LeafRange[] {
  checkSize("index", index);
  if (!isValidSubtree(start, end)) throw invalid("start", `[${start}, ${end}) is not a subtree`);
  if (index < start || index >= end) {
    throw invalid("index", `index ${index} is outside [${start}, ${end})`);
  }
  return listSubtreeProof(index, index + 1, start, end);
}

/** Ranges of the consistency proof between the subtree [start, end) and the tree of `size`. */
export function listSubtreeConsistencyRanges(start: number, end: number, size: number): LeafRange[] {
  checkSize("size", size);
  if (!isValidSubtree(start, end)) throw invalid("start", `[${start}, ${end}) is not a subtree`);
  if (end > size) throw invalid("end", `end ${end} exceeds tree size ${size}`);
  return listSubtreeProof(start, end, 0, size);
}

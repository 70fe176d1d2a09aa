import { invalid } from "../errors.ts";
import { EMPTY_ROOT, SHA256_HASHER, type TreeHasher } from "./hash.ts";
import {
  listConsistencyRanges,
  listInclusionRanges,
  listSubtreeConsistencyRanges,
  listSubtreeInclusionRanges,
} from "./proof-ranges.ts";
import { isValidSubtree, listPerfectNodes, type LeafRange } from "./tree-math.ts";

/**
 * Read access to stored perfect subtree hashes: level 0 holds the leaf hashes, and node (L, k) is
 * MTH(D[k·2^L : (k+1)·2^L]). Only perfect nodes are ever stored; they never change once written,
 * so a store can persist them as they are made and any later tree size can be proven from them.
 */
export interface NodeReader {
  readNode(level: number, index: number): Uint8Array;
}

/** MTH(D[start:end]) for a subtree [start, end), folded from its perfect nodes. */
export function hashRange(
  reader: NodeReader,
  start: number,
  end: number,
  hasher: TreeHasher = SHA256_HASHER,
): Uint8Array {
  if (!isValidSubtree(start, end)) throw invalid("start", `[${start}, ${end}) is not a subtree`);
  const nodes = listPerfectNodes(start, end);
  let i = nodes.length - 1;
  if (i < 0) return EMPTY_ROOT.slice();
  const last = nodes[i]!;
  let hash = reader.readNode(last.level, last.index);
  while (--i >= 0) {
    const node = nodes[i]!;
    hash = hasher.hashChildren(reader.readNode(node.level, node.index), hash);
  }
  return hash;
}

function hashRanges(reader: NodeReader, ranges: readonly LeafRange[], hasher?: TreeHasher): Uint8Array[] {
  return ranges.map((r) => hashRange(reader, r.start, r.end, hasher));
}

/** Inclusion proof (audit path) of leaf `index` in the tree of `size` leaves (RFC 9162 §2.1.3.1). */
export function proveInclusion(
  reader: NodeReader,
  index: number,
  size: number,
  hasher?: TreeHasher,
): Uint8Array[] {
  return hashRanges(reader, listInclusionRanges(index, size), hasher);
}

/** Consistency proof between tree sizes size1 ≤ size2 (RFC 9162 §2.1.4.1). */
export function proveConsistency(
  reader: NodeReader,
  size1: number,
  size2: number,
  hasher?: TreeHasher,
): Uint8Array[] {
  return hashRanges(reader, listConsistencyRanges(size1, size2), hasher);
}

/** Inclusion proof of leaf `index` in the subtree [start, end) (MTC draft, subtree inclusion). */
export function proveSubtreeInclusion(
  reader: NodeReader,
  index: number,
  start: number,
  end: number,
  hasher?: TreeHasher,
): Uint8Array[] {
  return hashRanges(reader, listSubtreeInclusionRanges(index, start, end), hasher);
}

/** Consistency proof of the subtree [start, end) with the tree of `size` (MTC draft). */
export function proveSubtreeConsistency(
  reader: NodeReader,
  start: number,
  end: number,
  size: number,
  hasher?: TreeHasher,
): Uint8Array[] {
  return hashRanges(reader, listSubtreeConsistencyRanges(start, end, size), hasher);
}

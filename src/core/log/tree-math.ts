/**
 * Index arithmetic on RFC 9162 trees. Sizes and indices are plain numbers; every function here is
 * exact for safe integers (< 2^53), which is why it divides instead of using 32-bit bit operators.
 */

/** A stored perfect subtree: level L, index k covers leaves [k·2^L, (k+1)·2^L). */
export interface NodeId {
  readonly level: number;
  readonly index: number;
}

/** A half-open interval [start, end) of leaf indices. */
export interface LeafRange {
  readonly start: number;
  readonly end: number;
}

/** Whether n can be a tree size or a leaf index: a non-negative safe integer. */
export function isTreeSize(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}

/** Whether the lowest bit of n is set (LSB in RFC 9162 §2.1.3.2). */
export function isOdd(n: number): boolean {
  return n % 2 === 1;
}

/** n shifted right by one bit. */
export function half(n: number): number {
  return Math.floor(n / 2);
}

/** The largest power of two smaller than n, for n ≥ 2: the split point k of RFC 9162 §2.1.1. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** The smallest power of two ≥ n (BIT_CEIL; 1 for n = 0). */
export function bitCeil(n: number): number {
  let k = 1;
  while (k < n) k *= 2;
  return k;
}

/**
 * Whether [start, end) is a subtree: 0 ≤ start ≤ end and start is a multiple of
 * BIT_CEIL(end − start) (draft-ietf-plants-merkle-tree-certs, "Definition of a Subtree").
 * [0, n) is always one; so is every stored perfect node.
 */
export function isValidSubtree(start: number, end: number): boolean {
  if (!isTreeSize(start) || !isTreeSize(end) || start > end) return false;
  return start % bitCeil(end - start) === 0;
}

/**
 * The perfect subtrees that make up the subtree [start, end), left to right: one per set bit of
 * end − start, largest first. MTH(D[start:end]) is their right fold with the node hash, since
 * RFC 9162 §2.1.1 always splits off the largest power of two on the left.
 */
export function listPerfectNodes(start: number, end: number): NodeId[] {
  const nodes: NodeId[] = [];
  let at = start;
  while (at < end) {
    let size = 1;
    let level = 0;
    while (size * 2 <= end - at) {
      size *= 2;
      level++;
    }
    nodes.push({ level, index: at / size });
    at += size;
  }
  return nodes;
}

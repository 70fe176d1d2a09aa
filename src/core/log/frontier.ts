import { invalid } from "../errors.ts";
import { EMPTY_ROOT, HASH_SIZE, SHA256_HASHER, type TreeHasher } from "./hash.ts";
import { half, isOdd, isTreeSize, listPerfectNodes } from "./tree-math.ts";

/**
 * The compact range [0, n) (transparency-dev's "compact range", the "frontier" of a log): the
 * roots of the perfect subtrees that MTH(D[0:n]) splits into, one per set bit of n, largest first.
 * It holds at most ⌈log2 n⌉ hashes, appends in amortised O(1) hashes, and gives the root in
 * O(log n). A sequencer that only needs the next root can keep this instead of the whole tree,
 * and persist it in a few hundred bytes.
 */
export class Frontier {
  readonly #hasher: TreeHasher;
  #size = 0;
  #nodes: Uint8Array[] = [];

  /** An empty frontier; `hasher` defaults to the pure SHA-256 one. */
  constructor(hasher: TreeHasher = SHA256_HASHER) {
    this.#hasher = hasher;
  }

  /** Rebuilds a frontier from its size and its subtree roots, largest first (as `nodes` returns). */
  static restore(size: number, nodes: readonly Uint8Array[], hasher?: TreeHasher): Frontier {
    if (!isTreeSize(size)) throw invalid("size", "size must be a non-negative safe integer");
    if (nodes.length !== listPerfectNodes(0, size).length) {
      throw invalid("nodes", `a frontier of size ${size} has one node per set bit of the size`);
    }
    if (nodes.some((n) => n.length !== HASH_SIZE)) throw invalid("nodes", "nodes must be 32-byte hashes");
    const frontier = new Frontier(hasher);
    frontier.#size = size;
    frontier.#nodes = nodes.map((n) => n.slice());
    return frontier;
  }

  /** Number of leaves appended so far. */
  get size(): number {
    return this.#size;
  }

  /** Copies of the subtree roots, largest (leftmost) first. */
  get nodes(): Uint8Array[] {
    return this.#nodes.map((n) => n.slice());
  }

  /** Appends one leaf hash, merging the equal-sized subtrees it completes. */
  append(leafHash: Uint8Array): void {
    if (leafHash.length !== HASH_SIZE) throw invalid("leafHash", "a leaf hash has 32 bytes");
    let hash: Uint8Array = leafHash.slice();
    // Each trailing one bit of the old size is a subtree of the new leaf's size: merge it.
    for (let n = this.#size; isOdd(n); n = half(n)) {
      hash = this.#hasher.hashChildren(this.#nodes.pop()!, hash);
    }
    this.#nodes.push(hash);
    this.#size++;
  }

  /** MTH(D[0:n]): the right fold of the subtree roots (RFC 9162 §2.1.1). */
  root(): Uint8Array {
    let i = this.#nodes.length - 1;
    if (i < 0) return EMPTY_ROOT.slice();
    let hash = this.#nodes[i]!;
    while (--i >= 0) hash = this.#hasher.hashChildren(this.#nodes[i]!, hash);
    return hash.slice();
  }
}

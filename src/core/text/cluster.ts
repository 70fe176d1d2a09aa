import { findSimilarPairs, type SimilarPairOptions } from "./similar-pairs.ts";

/** Disjoint sets over 0..n-1 with path halving and union by size. */
class DisjointSets {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;

  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
    this.size = new Int32Array(n).fill(1);
  }

  find(x: number): number {
    let node = x;
    while (this.parent[node] !== node) {
      const grandparent = this.parent[this.parent[node]!]!;
      this.parent[node] = grandparent;
      node = grandparent;
    }
    return node;
  }

  union(a: number, b: number): void {
    let rootA = this.find(a);
    let rootB = this.find(b);
    if (rootA === rootB) return;
    if (this.size[rootA]! < this.size[rootB]!) [rootA, rootB] = [rootB, rootA];
    this.parent[rootB] = rootA;
    this.size[rootA] = this.size[rootA]! + this.size[rootB]!;
  }
}

/** Groups items 0..n-1 connected by the given pairs; returns groups of two or more, ascending. */
export function groupConnected(n: number, pairs: Iterable<{ readonly i: number; readonly j: number }>): number[][] {
  const sets = new DisjointSets(n);
  for (const { i, j } of pairs) sets.union(i, j);
  const groups = new Map<number, number[]>();
  for (let item = 0; item < n; item++) {
    const root = sets.find(item);
    const group = groups.get(root);
    if (group) group.push(item);
    else groups.set(root, [item]);
  }
  // Items are visited in ascending order, so each group is sorted and groups appear in the order
  // of their smallest member.
  return [...groups.values()].filter((group) => group.length > 1);
}

/**
 * Single-link clusters: items joined by any chain of pairs with similarity ≥ threshold. Chains
 * can link two dissimilar items through a middle one, so review clusters before merging them.
 */
export function clusterBySimilarity(
  vectors: readonly Float32Array[],
  threshold: number,
  options: Pick<SimilarPairOptions, "accept"> = {},
): number[][] {
  return groupConnected(vectors.length, findSimilarPairs(vectors, threshold, options));
}

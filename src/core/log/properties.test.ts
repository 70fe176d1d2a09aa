import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { equalBytes } from "./bytes.ts";
import { Frontier } from "./frontier.ts";
import { hashLeaf } from "./hash.ts";
import { HashTree } from "./hash-tree.ts";
import { proveSubtreeConsistency, proveSubtreeInclusion } from "./prove.ts";
import {
  hashTreeRecursively,
  proveConsistencyRecursively,
  provePathRecursively,
} from "./reference.ts";
import { verifyConsistency, verifyInclusion } from "./verify.ts";
import { verifySubtreeConsistency, verifySubtreeInclusion } from "./verify-subtree.ts";
import { bitCeil } from "./tree-math.ts";

// Properties checked against the literal recursive definitions of RFC 9162 (reference.ts).
const leafHashes = (seed: number, n: number) =>
  Array.from({ length: n }, (_, i) => hashLeaf(Uint8Array.of(seed, i & 255, i >> 8)));

const treeArb = fc
  .record({ seed: fc.integer({ min: 0, max: 255 }), n: fc.integer({ min: 1, max: 80 }) })
  .map(({ seed, n }) => {
    const leaves = leafHashes(seed, n);
    return { leaves, tree: HashTree.fromLeafHashes(leaves) };
  });

const sameList = (a: Uint8Array[], b: Uint8Array[]) =>
  a.length === b.length && a.every((x, i) => equalBytes(x, b[i]!));

describe("roots", () => {
  it("HashTree and Frontier agree with the recursive MTH at every size", () => {
    fc.assert(
      fc.property(treeArb, ({ leaves, tree }) => {
        const frontier = new Frontier();
        expect(equalBytes(frontier.root(), hashTreeRecursively([]))).toBe(true);
        leaves.forEach((leaf, i) => {
          frontier.append(leaf);
          const want = hashTreeRecursively(leaves.slice(0, i + 1));
          expect(equalBytes(frontier.root(), want)).toBe(true);
          expect(equalBytes(tree.root(i + 1), want)).toBe(true);
        });
      }),
    );
  });
});

describe("inclusion proofs", () => {
  it("equal PATH(m, D[n]), verify, and fail for any other leaf or index", () => {
    fc.assert(
      fc.property(treeArb, fc.nat(), fc.nat(), ({ leaves, tree }, a, b) => {
        const size = 1 + (a % leaves.length);
        const index = b % size;
        const root = tree.root(size);
        const proof = tree.proveInclusion(index, size);
        expect(sameList(proof, provePathRecursively(index, leaves.slice(0, size)))).toBe(true);
        expect(verifyInclusion(leaves[index]!, index, size, proof, root)).toBe(true);
        for (let other = 0; other < size; other++) {
          if (other === index) continue;
          expect(verifyInclusion(leaves[other]!, index, size, proof, root)).toBe(false);
          expect(verifyInclusion(leaves[index]!, other, size, proof, root)).toBe(false);
        }
      }),
    );
  });
});

describe("consistency proofs", () => {
  it("equal PROOF(m, D[n]) and verify for every 0 < m ≤ n", () => {
    fc.assert(
      fc.property(treeArb, fc.nat(), fc.nat(), ({ leaves, tree }, a, b) => {
        const size2 = 1 + (a % leaves.length);
        const size1 = 1 + (b % size2);
        const proof = tree.proveConsistency(size1, size2);
        expect(sameList(proof, proveConsistencyRecursively(size1, leaves.slice(0, size2)))).toBe(true);
        expect(verifyConsistency(size1, size2, proof, tree.root(size1), tree.root(size2))).toBe(true);
        if (size1 < size2) {
          expect(verifyConsistency(size1, size2, proof, tree.root(size2), tree.root(size1))).toBe(false);
        }
      }),
    );
  });
});

describe("subtree proofs (MTC draft)", () => {
  // An aligned subtree [start, end) of the tree of `size`: start is a multiple of BIT_CEIL(end − start).
  const subtree = (size: number, a: number, b: number) => {
    const width = 1 + (a % size);
    const align = bitCeil(width);
    const start = align * (b % Math.ceil(size / align));
    return { start, end: Math.min(start + width, size) };
  };

  it("inclusion and consistency proofs verify against the recursive subtree hash", () => {
    fc.assert(
      fc.property(treeArb, fc.nat(), fc.nat(), fc.nat(), ({ leaves, tree }, a, b, c) => {
        const size = tree.size;
        const { start, end } = subtree(size, a, b);
        const hash = hashTreeRecursively(leaves, start, end);
        const index = start + (c % (end - start));
        const inclusion = proveSubtreeInclusion(tree, index, start, end);
        expect(verifySubtreeInclusion(leaves[index]!, index, start, end, inclusion, hash)).toBe(true);
        const consistency = proveSubtreeConsistency(tree, start, end, size);
        expect(verifySubtreeConsistency(start, end, size, consistency, hash, tree.root())).toBe(true);
      }),
    );
  });
});

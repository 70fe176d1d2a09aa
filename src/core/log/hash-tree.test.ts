import { describe, expect, it } from "vitest";
import { PolyphonyError } from "../errors.ts";
import { encodeHex } from "./bytes.ts";
import { Frontier } from "./frontier.ts";
import { EMPTY_ROOT, hashLeaf } from "./hash.ts";
import { HashTree } from "./hash-tree.ts";

// The eight leaves and their roots used across the RFC 6962 ecosystem (certificate-transparency's
// merkle_tree_test.cc; transparency-dev/merkle testonly/constants.go, whose proofs the vectors in
// vectors.test.ts are made from).
const leaves = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"];
const roots = [
  "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
  "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
  "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
  "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
  "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
  "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
  "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
  "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
];
const leafHashes = leaves.map((hex) => hashLeaf(Uint8Array.from(hex.match(/../g) ?? [], (b) => parseInt(b, 16))));

describe("known roots", () => {
  it("gives SHA-256('') for the empty tree", () => {
    expect(encodeHex(new HashTree().root())).toBe(encodeHex(EMPTY_ROOT));
    expect(encodeHex(EMPTY_ROOT)).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });

  it("gives the published root at every size from 1 to 8", () => {
    const tree = HashTree.fromLeafHashes(leafHashes);
    const frontier = new Frontier();
    leafHashes.forEach((h, i) => {
      frontier.append(h);
      expect(encodeHex(tree.root(i + 1))).toBe(roots[i]);
      expect(encodeHex(frontier.root())).toBe(roots[i]);
    });
  });
});

describe("HashTree", () => {
  it("returns the nodes each append stores: the leaf, then every parent it completes", () => {
    const tree = new HashTree();
    const stored = leafHashes.map((h) => tree.append(h));
    expect(stored[0]).toEqual([{ level: 0, index: 0 }]);
    expect(stored[3]).toEqual([
      { level: 0, index: 3 },
      { level: 1, index: 1 },
      { level: 2, index: 0 },
    ]);
    expect(stored[7]?.at(-1)).toEqual({ level: 3, index: 0 });
  });

  it("restores from stored nodes without rehashing and answers the same proofs", () => {
    const tree = HashTree.fromLeafHashes(leafHashes.slice(0, 7));
    const restored = HashTree.restore(7, (level, index) => tree.readNode(level, index));
    expect(encodeHex(restored.root())).toBe(roots[6]);
    expect(restored.proveInclusion(5).map(encodeHex)).toEqual(tree.proveInclusion(5).map(encodeHex));
    restored.append(leafHashes[7]!);
    expect(encodeHex(restored.root())).toBe(roots[7]);
  });

  it("hands out copies, so a caller cannot change the tree", () => {
    const tree = HashTree.fromLeafHashes(leafHashes);
    tree.readNode(0, 0).fill(0);
    tree.proveInclusion(0)[0]!.fill(0);
    tree.root().fill(0);
    expect(encodeHex(tree.root())).toBe(roots[7]);
  });

  it("refuses nodes, sizes and leaves beyond what it holds", () => {
    const tree = HashTree.fromLeafHashes(leafHashes.slice(0, 5));
    expect(() => tree.readNode(1, 2)).toThrow(PolyphonyError);
    expect(() => tree.readNode(0, 5)).toThrow(PolyphonyError);
    expect(() => tree.root(6)).toThrow(PolyphonyError);
    expect(() => tree.proveInclusion(5)).toThrow(PolyphonyError);
    expect(() => tree.proveInclusion(4, 4)).toThrow(PolyphonyError);
    expect(() => tree.proveConsistency(0, 5)).toThrow(PolyphonyError);
    expect(() => tree.proveConsistency(3, 6)).toThrow(PolyphonyError);
    expect(() => tree.append(new Uint8Array(31))).toThrow(PolyphonyError);
    expect(tree.size).toBe(5);
  });
});

describe("Frontier", () => {
  it("keeps one subtree root per set bit of the size and restores from them", () => {
    const frontier = new Frontier();
    leafHashes.slice(0, 7).forEach((h) => frontier.append(h));
    expect(frontier.nodes).toHaveLength(3);
    const restored = Frontier.restore(7, frontier.nodes);
    restored.append(leafHashes[7]!);
    expect(restored.nodes).toHaveLength(1);
    expect(encodeHex(restored.root())).toBe(roots[7]);
  });

  it("refuses a node list that does not fit the size", () => {
    expect(() => Frontier.restore(7, [EMPTY_ROOT, EMPTY_ROOT])).toThrow(PolyphonyError);
    expect(() => Frontier.restore(1, [new Uint8Array(8)])).toThrow(PolyphonyError);
  });
});

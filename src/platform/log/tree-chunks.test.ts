import { describe, expect, it } from "vitest";
import { HashTree, hashLeaf } from "../../core/log/index.ts";
import { NODE_HASHER } from "./node-hasher.ts";
import { encodeChunk, restoreFromChunks } from "./tree-chunks.ts";

const leafHashes = (n: number) => Array.from({ length: n }, (_, i) => hashLeaf(new TextEncoder().encode(`leaf ${i}`)));

describe("tree chunks", () => {
  it("restore the tree of whole chunks node for node, for every chunk count", () => {
    const bits = 2;
    const full = HashTree.fromLeafHashes(leafHashes(37), NODE_HASHER);
    for (let count = 0; count <= 9; count++) {
      const chunks = Array.from({ length: count }, (_, k) => encodeChunk(full, k, bits));
      const restored = restoreFromChunks(chunks, NODE_HASHER, bits);
      const size = count * 4;
      expect(restored.size).toBe(size);
      for (let level = 0; 2 ** level <= size; level++) {
        for (let i = 0; i < Math.floor(size / 2 ** level); i++) expect(restored.readNode(level, i)).toEqual(full.readNode(level, i));
      }
      if (size > 0) expect(restored.root()).toEqual(full.root(size));
    }
  });

  it("hold 2^(bits+1) − 1 hashes, the leaves first and the subtree's root last", () => {
    const full = HashTree.fromLeafHashes(leafHashes(16), NODE_HASHER);
    const chunk = encodeChunk(full, 1, 3);
    expect(chunk.length).toBe(15 * 32);
    expect(chunk.subarray(0, 32)).toEqual(full.readNode(0, 8));
    expect(chunk.subarray(14 * 32)).toEqual(full.readNode(3, 1));
  });
});

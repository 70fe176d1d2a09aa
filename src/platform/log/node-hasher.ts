import { hash } from "node:crypto";
import type { TreeHasher } from "../../core/log/index.ts";

const nodeInput = new Uint8Array(65);
nodeInput[0] = 0x01;
let leafInput = new Uint8Array(1024);

/**
 * RFC 9162 §2.1.1 leaf and node hashes with node:crypto's one-shot hash(): roughly half the CPU
 * time of the core's pure default, which matters when the server rebuilds a million-leaf tree.
 */
export const NODE_HASHER: TreeHasher = {
  hashLeaf(leaf) {
    if (leaf.length + 1 > leafInput.length) leafInput = new Uint8Array(2 * (leaf.length + 1));
    leafInput[0] = 0x00;
    leafInput.set(leaf, 1);
    return hash("sha256", leafInput.subarray(0, leaf.length + 1), "buffer");
  },
  hashChildren(left, right) {
    nodeInput.set(left, 1);
    nodeInput.set(right, 33);
    return hash("sha256", nodeInput, "buffer");
  },
};

import { sha256 } from "@noble/hashes/sha2.js";

/**
 * RFC 6962 §2.1 / RFC 9162 §2.1.1 hashing with SHA-256.
 *
 * The core hashes with @noble/hashes (pure JavaScript) by default. Bulk work — building a tree,
 * appending, rebuilding a million-entry export — takes a TreeHasher, so that a Node caller can
 * pass node:crypto: measured on Node 20 (bench/log/README.md) it needs roughly half the CPU time
 * per hash. Verifying one proof hashes at most 2·log2(n) nodes, so verifiers keep the default.
 */

/** Size in bytes of every hash in the tree. */
export const HASH_SIZE = 32;

const LEAF_PREFIX = Uint8Array.of(0x00);
const nodeInput = new Uint8Array(1 + 2 * HASH_SIZE);
nodeInput[0] = 0x01;

/** MTH({}) = SHA-256() — the root of the empty tree (RFC 9162 §2.1.1). */
export const EMPTY_ROOT: Uint8Array = sha256(new Uint8Array(0));

/** Leaf hash SHA-256(0x00 ‖ leaf) (RFC 9162 §2.1.1). */
export function hashLeaf(leaf: Uint8Array): Uint8Array {
  return sha256.create().update(LEAF_PREFIX).update(leaf).digest();
}

/** Interior node hash SHA-256(0x01 ‖ left ‖ right) (RFC 9162 §2.1.1). */
export function hashChildren(left: Uint8Array, right: Uint8Array): Uint8Array {
  if (left.length !== HASH_SIZE || right.length !== HASH_SIZE) {
    throw new RangeError(`node hashes must be ${HASH_SIZE} bytes`);
  }
  nodeInput.set(left, 1);
  nodeInput.set(right, 1 + HASH_SIZE);
  return sha256(nodeInput);
}

/** SHA-256 of arbitrary bytes, for commitments and key ids outside the tree. */
export function hashBytes(bytes: Uint8Array): Uint8Array {
  return sha256(bytes);
}

/** The two hashes a tree needs; implementations must compute exactly hashLeaf and hashChildren. */
export interface TreeHasher {
  hashLeaf(leaf: Uint8Array): Uint8Array;
  hashChildren(left: Uint8Array, right: Uint8Array): Uint8Array;
}

/** The pure default TreeHasher. */
export const SHA256_HASHER: TreeHasher = { hashLeaf, hashChildren };

import { invalid } from "../errors.ts";
import { HASH_SIZE, SHA256_HASHER, type TreeHasher } from "./hash.ts";
import { hashRange, proveConsistency, proveInclusion, type NodeReader } from "./prove.ts";
import { isOdd, isTreeSize, type NodeId } from "./tree-math.ts";

/**
 * Every perfect subtree hash of the log, one flat Uint8Array per level (32 bytes a node): level 0
 * holds the n leaf hashes, level L the ⌊n/2^L⌋ complete nodes above them, ~2n·32 bytes in all
 * (64 MB for a million entries). Stored nodes never change, so the same arrays answer proofs for
 * every earlier tree size m ≤ n: a proof reads O(log n) nodes and hashes only along the right
 * border of size m. A store can persist the nodes each append returns, or rebuild from leaf hashes.
 */
export class HashTree implements NodeReader {
  readonly #hasher: TreeHasher;
  #size = 0;
  #levels: Uint8Array[] = [];

  /** An empty tree; `hasher` defaults to the pure SHA-256 one. */
  constructor(hasher: TreeHasher = SHA256_HASHER) {
    this.#hasher = hasher;
  }

  /** Builds the tree of the given leaf hashes, in order. */
  static fromLeafHashes(leafHashes: Iterable<Uint8Array>, hasher?: TreeHasher): HashTree {
    const tree = new HashTree(hasher);
    for (const h of leafHashes) tree.append(h);
    return tree;
  }

  /** Restores a tree of `size` leaves from stored nodes, without hashing (see `append`). */
  static restore(
    size: number,
    readNode: (level: number, index: number) => Uint8Array,
    hasher?: TreeHasher,
  ): HashTree {
    if (!isTreeSize(size)) throw invalid("size", "size must be a non-negative safe integer");
    const tree = new HashTree(hasher);
    for (let level = 0, count = size; count > 0; level++, count = Math.floor(count / 2)) {
      for (let index = 0; index < count; index++) tree.#write(level, index, readNode(level, index));
    }
    tree.#size = size;
    return tree;
  }

  /** Number of leaves. */
  get size(): number {
    return this.#size;
  }

  /** Bytes allocated for the level arrays (they grow by doubling). */
  get storedBytes(): number {
    return this.#levels.reduce((n, level) => n + level.length, 0);
  }

  /** Appends a leaf hash; returns the nodes it stored (the leaf, then each completed parent). */
  append(leafHash: Uint8Array): NodeId[] {
    let index = this.#size;
    this.#write(0, index, leafHash);
    const stored: NodeId[] = [{ level: 0, index }];
    let hash = leafHash;
    for (let level = 0; isOdd(index); level++) {
      hash = this.#hasher.hashChildren(this.#view(level, index - 1), hash);
      index = (index - 1) / 2;
      this.#write(level + 1, index, hash);
      stored.push({ level: level + 1, index });
    }
    this.#size++;
    return stored;
  }

  /** A copy of the stored node (level, index); throws if that node is not complete yet. */
  readNode(level: number, index: number): Uint8Array {
    if (!Number.isInteger(level) || level < 0 || !isTreeSize(index) || index >= this.#count(level)) {
      throw invalid("index", `node (${level}, ${index}) is not stored in a tree of size ${this.#size}`);
    }
    return this.#view(level, index).slice();
  }

  /** MTH(D[0:size]) for any size ≤ the current one. */
  root(size: number = this.#size): Uint8Array {
    this.#checkSize(size);
    return hashRange(this, 0, size, this.#hasher);
  }

  /** Inclusion proof of leaf `index` in the tree of `size` ≤ the current size (RFC 9162 §2.1.3.1). */
  proveInclusion(index: number, size: number = this.#size): Uint8Array[] {
    this.#checkSize(size);
    return proveInclusion(this, index, size, this.#hasher);
  }

  /** Consistency proof from size1 to size2 ≤ the current size (RFC 9162 §2.1.4.1). */
  proveConsistency(size1: number, size2: number = this.#size): Uint8Array[] {
    this.#checkSize(size2);
    return proveConsistency(this, size1, size2, this.#hasher);
  }

  #count(level: number): number {
    return Math.floor(this.#size / 2 ** level);
  }

  #checkSize(size: number): void {
    if (!isTreeSize(size) || size > this.#size) {
      throw invalid("size", `size ${size} is beyond the tree's ${this.#size} leaves`);
    }
  }

  #view(level: number, index: number): Uint8Array {
    const offset = index * HASH_SIZE;
    return this.#levels[level]!.subarray(offset, offset + HASH_SIZE);
  }

  #write(level: number, index: number, hash: Uint8Array): void {
    if (hash.length !== HASH_SIZE) throw invalid("hash", "a tree hash has 32 bytes");
    let store = this.#levels[level] ?? new Uint8Array(0);
    const end = (index + 1) * HASH_SIZE;
    if (end > store.length) {
      const grown = new Uint8Array(Math.max(end, store.length * 2, 64 * HASH_SIZE));
      grown.set(store);
      store = grown;
    }
    store.set(hash, index * HASH_SIZE);
    this.#levels[level] = store;
  }
}

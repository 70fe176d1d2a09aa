import { sql } from "drizzle-orm";
import { HASH_SIZE, HashTree, type TreeHasher } from "../../core/log/index.ts";
import type { Db } from "../../store/open.ts";
import { rowsOf } from "../../store/rows.ts";

/**
 * The tree saved in chunks (`log_tree_chunks`): chunk k is the perfect subtree over leaves
 * [k·2^bits, (k+1)·2^bits), every node of it, level 0 (the leaf hashes) first and its root last,
 * 2^(bits+1) − 1 hashes in all. Reading a few large values is what makes a million-leaf tree load
 * in about a second: reading the leaf hashes row by row and rehashing every node takes several.
 */

/** 2^16 leaves a chunk: 4 MB of hashes, one row per 65,536 entries. */
export const CHUNK_BITS = 16;

/** Where level `level` starts in a chunk, counted in hashes. */
const levelStart = (bits: number, level: number) => 2 ** (bits + 1) - 2 ** (bits + 1 - level);

/** The nodes of chunk `chunk` of `tree`, which must hold all its leaves. */
export function encodeChunk(tree: HashTree, chunk: number, bits = CHUNK_BITS): Uint8Array {
  const out = new Uint8Array((2 ** (bits + 1) - 1) * HASH_SIZE);
  let at = 0;
  for (let level = 0; level <= bits; level++) {
    const width = 2 ** (bits - level);
    for (let i = 0; i < width; i++, at += HASH_SIZE) out.set(tree.readNode(level, chunk * width + i), at);
  }
  return out;
}

/**
 * The tree of the first `chunks.length` chunks. Nodes inside chunks are copied; only the few
 * above them (one per pair of chunks) are hashed.
 */
export function restoreFromChunks(chunks: readonly Uint8Array[], hasher: TreeHasher, bits = CHUNK_BITS): HashTree {
  const node = (chunk: Uint8Array, offset: number) => chunk.subarray(offset * HASH_SIZE, (offset + 1) * HASH_SIZE);
  const above: Uint8Array[][] = [chunks.map((c) => node(c, 2 ** (bits + 1) - 2))];
  for (let level = 1; above[level - 1]!.length > 1; level++) {
    const below = above[level - 1]!;
    above.push(Array.from({ length: Math.floor(below.length / 2) }, (_, i) => hasher.hashChildren(below[2 * i]!, below[2 * i + 1]!)));
  }
  return HashTree.restore(
    chunks.length * 2 ** bits,
    (level, index) => {
      if (level > bits) return above[level - bits]![index]!;
      const perChunk = 2 ** (bits - level);
      const chunk = Math.floor(index / perChunk);
      return node(chunks[chunk]!, levelStart(bits, level) + index - chunk * perChunk);
    },
    hasher,
  );
}

/**
 * The stored chunks 0, 1, 2, … up to the first one missing. They are read as hex text: PGlite
 * decodes large bytea values more than ten times slower than Node decodes the same hex.
 */
export async function readChunks(db: Db): Promise<Uint8Array[]> {
  const result = await db.execute(sql`SELECT chunk, encode(nodes, 'hex') AS hex FROM log_tree_chunks ORDER BY chunk`);
  const chunks: Uint8Array[] = [];
  for (const row of rowsOf<{ chunk: string | number; hex: string }>(result)) {
    if (Number(row.chunk) !== chunks.length) break;
    chunks.push(Buffer.from(row.hex, "hex"));
  }
  return chunks;
}

/** Saves a chunk (as hex, which PGlite takes five times faster than bytea); another server may have saved it already. */
export async function saveChunk(db: Db, chunk: number, nodes: Uint8Array): Promise<void> {
  const hex = Buffer.from(nodes.buffer, nodes.byteOffset, nodes.byteLength).toString("hex");
  await db.execute(sql`INSERT INTO log_tree_chunks (chunk, nodes) VALUES (${chunk}, decode(${hex}, 'hex')) ON CONFLICT (chunk) DO NOTHING`);
}

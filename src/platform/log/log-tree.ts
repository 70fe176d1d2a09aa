import { sql } from "drizzle-orm";
import { HASH_SIZE, HashTree, type TreeHasher } from "../../core/log/index.ts";
import { PolyphonyError } from "../../core/errors.ts";
import type { Db } from "../../store/open.ts";
import { rowsOf } from "../../store/rows.ts";
import { logTreeChunks } from "./schema.ts";
import { NODE_HASHER } from "./node-hasher.ts";
import { CHUNK_BITS, encodeChunk, readChunks, restoreFromChunks, saveChunk } from "./tree-chunks.ts";

/** Leaf hashes read per query: 2 MB of hashes, aggregated by the database into one value. */
const CHUNK = 65536;

/**
 * The process's copy of the Merkle tree over every committed leaf hash. The first catch-up loads
 * the saved chunks (see tree-chunks.ts) and the leaf hashes after them from `log_entries`; later
 * ones read only the entries committed since, by this server or any other on the same database,
 * and save each chunk that fills up. Appends commit in index order (see the sequencer), so what
 * is visible is always a prefix.
 */
export class LogTree {
  readonly #db: Db;
  readonly #hasher: TreeHasher;
  readonly #bits: number;
  #tree: HashTree;
  #loaded = false;
  #fromEntries = false;
  #savedChunks = 0;
  #running: Promise<void> | null = null;
  #queued: Promise<void> | null = null;

  constructor(db: Db, hasher: TreeHasher = NODE_HASHER, chunkBits = CHUNK_BITS) {
    this.#db = db;
    this.#hasher = hasher;
    this.#bits = chunkBits;
    this.#tree = new HashTree(hasher);
  }

  /** The tree as of the last catch-up. */
  get tree(): HashTree {
    return this.#tree;
  }

  /**
   * Reads the entries committed since the last catch-up. Calls made while a read runs share one
   * read that starts after it, so that whatever committed before the call is always included.
   * Must not be called inside a transaction: on PGlite it would wait for that transaction.
   */
  catchUp(): Promise<HashTree> {
    if (this.#queued === null) {
      const previous = this.#running;
      this.#queued = (previous ?? Promise.resolve())
        .catch(() => undefined)
        .then(() => {
          this.#queued = null;
          const run = this.#readNew().finally(() => {
            if (this.#running === run) this.#running = null;
          });
          this.#running = run;
          return run;
        });
    }
    return this.#queued.then(() => this.#tree);
  }

  /**
   * Drops the tree and the saved chunks and rebuilds both from `log_entries` alone: for when the
   * chunks disagree with a signed checkpoint.
   */
  rebuild(): Promise<HashTree> {
    this.#loaded = false;
    this.#fromEntries = true;
    return this.catchUp();
  }

  async #load(): Promise<void> {
    if (this.#fromEntries) {
      await this.#db.delete(logTreeChunks);
      this.#tree = new HashTree(this.#hasher);
      this.#savedChunks = 0;
    } else {
      const chunks = await readChunks(this.#db);
      this.#tree = restoreFromChunks(chunks, this.#hasher, this.#bits);
      this.#savedChunks = chunks.length;
    }
    this.#loaded = true;
  }

  async #saveFullChunks(): Promise<void> {
    while ((this.#savedChunks + 1) * 2 ** this.#bits <= this.#tree.size) {
      await saveChunk(this.#db, this.#savedChunks, encodeChunk(this.#tree, this.#savedChunks, this.#bits));
      this.#savedChunks++;
    }
  }

  async #readNew(): Promise<void> {
    if (!this.#loaded) await this.#load();
    await this.#readEntries();
    await this.#saveFullChunks();
  }

  async #readEntries(): Promise<void> {
    for (;;) {
      const from = this.#tree.size;
      const result = await this.#db.execute(sql`
        SELECT count(*)::int AS n, min(index) AS first, max(index) AS last,
          encode(string_agg(leaf_hash, ''::bytea ORDER BY index), 'hex') AS hashes
        FROM (SELECT index, leaf_hash FROM log_entries WHERE index >= ${from} ORDER BY index LIMIT ${CHUNK}) AS fresh`);
      const row = rowsOf<{ n: number; first: string | number; last: string | number; hashes: string }>(result)[0]!;
      if (row.n === 0) return;
      // Hex, for the reason readChunks gives.
      const hashes = Buffer.from(row.hashes, "hex");
      const contiguous = Number(row.first) === from && Number(row.last) === from + row.n - 1;
      if (!contiguous || hashes.length !== row.n * HASH_SIZE) throw await this.#describeGap(from);
      for (let at = 0; at < hashes.length; at += HASH_SIZE) this.#tree.append(hashes.subarray(at, at + HASH_SIZE));
      if (row.n < CHUNK) return;
    }
  }

  /** Names the first missing index at or after `from`: the stored entries were tampered with. */
  async #describeGap(from: number): Promise<PolyphonyError> {
    const result = await this.#db.execute(sql`
      SELECT index FROM log_entries WHERE index >= ${from} ORDER BY index LIMIT ${CHUNK}`);
    const found = rowsOf<{ index: string | number }>(result).map((r) => Number(r.index));
    const missing = found.findIndex((index, i) => index !== from + i);
    const at = from + (missing < 0 ? found.length : missing);
    return new PolyphonyError("internal", `the log's entries are not contiguous: entry ${at} is missing`);
  }
}

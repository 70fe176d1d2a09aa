import { encodeBase64, equalBytes, type HashTree, type TreeHasher } from "../../core/log/index.ts";
import { formatTlogProof } from "../../core/log/tlog-proof.ts";
import { PolyphonyError } from "../../core/errors.ts";
import type { Clock } from "../../ports.ts";
import type { Store } from "../../store/open.ts";
import { readLatestCheckpoint, signNextCheckpoint, type StoredCheckpoint } from "./checkpoints.ts";
import type { AppendedEntry, Opening } from "./drafts.ts";
import { DEFAULT_COMMIT_SETTINGS, GroupCommit, type Batched, type CommitSettings, type Work } from "./group-commit.ts";
import type { LogKey } from "./log-key.ts";
import { LogTree } from "./log-tree.ts";

/**
 * What a contributor keeps to check offline, later, that *their* contribution is in the log: the
 * entry's leaf bytes (so its hash can be recomputed), the opening (so the leaf can be seen to
 * commit to what they sent), the inclusion proof and the signed checkpoint it leads to — and the
 * same proof as a C2SP tlog-proof file.
 */
export interface Receipt {
  readonly index: number;
  /** Base64 RFC 9162 leaf hash of the entry. */
  readonly leafHash: string;
  /** Base64 hashes of the inclusion proof of `index` in the checkpoint's tree. */
  readonly inclusionProof: string[];
  /** The signed checkpoint (C2SP note text) the proof leads to. */
  readonly checkpoint: string;
  /** Base64 of the entry's exact leaf bytes (RFC 8785 JSON). */
  readonly leaf: string;
  /** What opens the entry's digest; null for an entry whose opening was erased. */
  readonly opening: Opening | null;
  /** The proof in the C2SP tlog-proof text form, with the leaf bytes as its `extra`. */
  readonly tlogProof: string;
}

export type { Opening } from "./drafts.ts";

/**
 * One process's view of the log: the tree of committed leaves, the signed checkpoints, and the
 * receipts made from them. Contributions are committed through `commit`, which groups those that
 * arrive together into one transaction (group-commit.ts); the sequencer appends their entries.
 */
export class TransparencyLog {
  readonly key: LogKey;
  readonly #store: Store;
  readonly #clock: Clock;
  readonly #tree: LogTree;
  #latest: StoredCheckpoint | null = null;
  /** The latest note this process signed itself, which it need not verify again before extending it. */
  #signed: string | null = null;
  #signing: Promise<StoredCheckpoint> | null = null;
  #checked: Promise<void> | null = null;
  readonly #commits: GroupCommit;

  constructor(
    store: Store,
    key: LogKey,
    clock: Clock,
    options: { hasher?: TreeHasher; chunkBits?: number; commit?: CommitSettings } = {},
  ) {
    this.key = key;
    this.#store = store;
    this.#clock = clock;
    this.#tree = new LogTree(store.db, options.hasher, options.chunkBits);
    this.#commits = new GroupCommit(store, clock, options.commit ?? DEFAULT_COMMIT_SETTINGS);
  }

  /**
   * Commits a contribution: runs `work` in a transaction (shared with others that arrive at the
   * same moment), appends the log entries it returns, and answers once they are durable, with a
   * receipt for each under one signed checkpoint. `alone`: see GroupCommit.run.
   */
  async commit<T, I = never>(work: Work<T> | Batched<I, T>, options: { alone?: boolean } = {}): Promise<{ value: T; receipts: Receipt[] }> {
    const { value, entries } = await this.#commits.run(work, options);
    return { value, receipts: await this.issueReceipts(entries) };
  }

  /** Brings the tree up to every committed entry and returns it. */
  async catchUp(): Promise<HashTree> {
    const tree = await this.#tree.catchUp();
    this.#checked ??= this.#checkLoaded(tree).catch((error: unknown) => {
      this.#checked = null;
      throw error;
    });
    await this.#checked;
    return this.#tree.tree;
  }

  /**
   * Checks the tree as first loaded against the latest signed checkpoint. Saved chunks that
   * disagree with it are dropped and the tree rebuilt from the entries; if that disagrees too,
   * signing will refuse (see checkpoints.ts).
   */
  async #checkLoaded(tree: HashTree): Promise<void> {
    const latest = await readLatestCheckpoint(this.#store.db);
    if (!latest || latest.size > tree.size || equalBytes(tree.root(latest.size), latest.root)) return;
    console.error(`the saved tree disagrees with signed checkpoint ${latest.size}: rebuilding it from the log's entries`);
    await this.#tree.rebuild();
  }

  /** The latest signed checkpoint, or null when none was signed yet. */
  async latestCheckpoint(): Promise<StoredCheckpoint | null> {
    const stored = await readLatestCheckpoint(this.#store.db);
    if (stored && (this.#latest === null || stored.size > this.#latest.size)) this.#latest = stored;
    return this.#latest;
  }

  /**
   * A signed checkpoint of at least `size` entries, with the tree caught up to it. Signs one on
   * demand when the latest is smaller; concurrent callers share one signing.
   */
  async checkpointCovering(size: number): Promise<StoredCheckpoint> {
    for (;;) {
      const latest = this.#latest;
      if (latest && latest.size >= size) {
        if (this.#tree.tree.size < latest.size) await this.catchUp();
        return latest;
      }
      // A signing already under way may have read the tree before the caller's entry committed:
      // wait for it, then sign again if it fell short. One this call started read after the commit.
      const mine = this.#signing === null;
      this.#signing ??= this.#signNext().finally(() => (this.#signing = null));
      const signed = await this.#signing;
      if (mine && signed.size < size) {
        throw new PolyphonyError("internal", `entry ${size - 1} is not in the committed log`);
      }
    }
  }

  async #signNext(): Promise<StoredCheckpoint> {
    const tree = await this.catchUp();
    const { checkpoint: signed, signed: fresh } = await signNextCheckpoint(this.#store, tree, this.key, this.#clock.now(), this.#signed);
    if (fresh) this.#signed = signed.note;
    if (this.#latest === null || signed.size > this.#latest.size) this.#latest = signed;
    return signed;
  }

  /** A receipt for an appended entry: its inclusion proof in a signed checkpoint that covers it. */
  async issueReceipt(entry: AppendedEntry): Promise<Receipt> {
    const checkpoint = await this.checkpointCovering(entry.index + 1);
    const proof = this.#tree.tree.proveInclusion(entry.index, checkpoint.size);
    return {
      index: entry.index,
      leafHash: encodeBase64(entry.leafHash),
      inclusionProof: proof.map(encodeBase64),
      checkpoint: checkpoint.note,
      leaf: encodeBase64(entry.leaf),
      opening: entry.opening,
      tlogProof: formatTlogProof({ index: entry.index, proof, checkpoint: checkpoint.note, extra: entry.leaf }),
    };
  }

  /** Receipts for several entries, under one checkpoint when they were appended together. */
  async issueReceipts(entries: readonly AppendedEntry[]): Promise<Receipt[]> {
    const last = entries.reduce((max, e) => Math.max(max, e.index), -1);
    if (last >= 0) await this.checkpointCovering(last + 1);
    return Promise.all(entries.map((e) => this.issueReceipt(e)));
  }
}

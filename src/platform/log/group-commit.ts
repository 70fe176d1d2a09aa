import type { Clock } from "../../ports.ts";
import type { Store, Tx } from "../../store/open.ts";
import type { AppendedEntry, EntryDraft } from "./drafts.ts";
import { appendEntries } from "./sequencer.ts";

/**
 * How contributions are grouped into transactions (POLYPHONY_COMMIT_BATCH_SIZE and
 * POLYPHONY_COMMIT_WINDOW_MS): at most `batchSize` per transaction, gathered for at most
 * `windowMs` after the first arrives. A batch size of 1 commits each on its own, at once.
 */
export interface CommitSettings {
  readonly batchSize: number;
  readonly windowMs: number;
}

export const DEFAULT_COMMIT_SETTINGS: CommitSettings = { batchSize: 64, windowMs: 2 };

/** What a contribution's writes return: its result, and the log entries that record it. */
export interface Written<T> {
  readonly value: T;
  readonly drafts: readonly EntryDraft[];
}

/**
 * A contribution's writes, run inside a transaction it shares with others. `now` is the batch's
 * time, which its log entries record. It may throw to refuse the contribution: its writes are
 * undone and the others in the batch go on.
 */
export type Work<T> = (tx: Tx, now: Date) => Promise<Written<T>>;

/**
 * Writes many contributions of one sort with a few statements for all of them (the hot path:
 * votes). It returns one result per input, in order: what was written, or the error that refused
 * that input, which must then have written nothing. If it throws, every input is refused.
 */
export interface BatchWriter<I, T> {
  write(tx: Tx, now: Date, inputs: readonly I[]): Promise<ReadonlyArray<Written<T> | Error>>;
}

/** One contribution for a batch writer. */
export interface Batched<I, T> {
  readonly writer: BatchWriter<I, T>;
  readonly input: I;
}

interface Pending {
  readonly work: Work<unknown> | Batched<unknown, unknown>;
  readonly resolve: (done: { value: unknown; entries: AppendedEntry[] }) => void;
  readonly reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown; drafts: readonly EntryDraft[] } | { ok: false; error: unknown };

/** Runs `write` in a savepoint: its outcomes, or its error as the outcome of all `n`, written nothing. */
async function inSavepoint(tx: Tx, write: (savepoint: Tx) => Promise<ReadonlyArray<Written<unknown> | Error>>, n = 1): Promise<Outcome[]> {
  try {
    const results = await tx.transaction(write);
    return results.map((r) => (r instanceof Error ? { ok: false, error: r } : { ok: true, value: r.value, drafts: r.drafts }));
  } catch (error) {
    return Array.from({ length: n }, () => ({ ok: false, error }));
  }
}

/** A batch writer's contribution as a work of its own. */
function alone<I, T>({ writer, input }: Batched<I, T>): Work<T> {
  return async (tx, now) => {
    const [result] = await writer.write(tx, now, [input]);
    if (result instanceof Error) throw result;
    return result!;
  };
}

/**
 * Group commit: contributions that arrive close together are written in one transaction, each in
 * its own savepoint, and their log entries appended by one call to the sequencer at its end, so a
 * batch costs one commit, one wait on the sequencer row and (for the receipts) one checkpoint.
 * A contribution is answered only once the transaction holding it has committed. While as many
 * batches as the store runs at once are committing, arrivals wait in the queue and go together
 * in the next batch, so batches grow with the load and stay at one under a light one.
 */
export class GroupCommit {
  readonly #store: Store;
  readonly #clock: Clock;
  readonly #settings: CommitSettings;
  /** Batches committing at once: PGlite runs one transaction at a time; PostgreSQL several. */
  readonly #concurrency: number;
  #queue: Pending[] = [];
  #running = 0;
  /** Cancels the wait for the current batch to fill, while one runs. */
  #cancelWait: (() => void) | null = null;

  constructor(store: Store, clock: Clock, settings: CommitSettings) {
    this.#store = store;
    this.#clock = clock;
    this.#settings = { batchSize: Math.max(1, Math.floor(settings.batchSize)), windowMs: Math.max(0, settings.windowMs) };
    this.#concurrency = store.driver === "pglite" ? 1 : 4;
  }

  /**
   * Runs `work` in a committed transaction with its log entries; resolves once it is durable.
   * `alone` gives it a transaction of its own: for a researcher's action that locks rows others
   * lock too (curation), which inside a batch could wait on a batch waiting on it.
   */
  run<T, I = never>(work: Work<T> | Batched<I, T>, options: { alone?: boolean } = {}): Promise<{ value: T; entries: AppendedEntry[] }> {
    if (this.#settings.batchSize === 1 || options.alone) return this.#alone(typeof work === "function" ? work : alone(work));
    return new Promise((resolve, reject) => {
      this.#queue.push({ work, resolve: resolve as Pending["resolve"], reject });
      this.#schedule();
    });
  }

  /** One transaction for one contribution, at once: every contribution's path at a batch size of 1. */
  async #alone<T>(work: Work<T>): Promise<{ value: T; entries: AppendedEntry[] }> {
    return this.#store.transaction(async (tx) => {
      const now = this.#clock.now();
      const { value, drafts } = await work(tx, now);
      return { value, entries: await appendEntries(tx, drafts, now) };
    });
  }

  #schedule(): void {
    if (this.#running >= this.#concurrency) return; // the batch that ends next takes the queue
    if (this.#queue.length >= this.#settings.batchSize) {
      this.#flush();
      return;
    }
    if (this.#cancelWait !== null) return;
    if (this.#settings.windowMs === 0) {
      const wait = setImmediate(() => this.#flush());
      this.#cancelWait = () => clearImmediate(wait);
    } else {
      const wait = setTimeout(() => this.#flush(), this.#settings.windowMs);
      this.#cancelWait = () => clearTimeout(wait);
    }
  }

  #flush(): void {
    this.#cancelWait?.();
    this.#cancelWait = null;
    if (this.#queue.length === 0 || this.#running >= this.#concurrency) return;
    const batch = this.#queue.splice(0, this.#settings.batchSize);
    this.#running++;
    void this.#commit(batch).finally(() => {
      this.#running--;
      // What queued meanwhile has waited at least as long as a window: it goes at once.
      if (this.#queue.length > 0) this.#flush();
    });
  }

  async #commit(batch: readonly Pending[]): Promise<void> {
    const outcomes: Outcome[] = [];
    let appended: AppendedEntry[];
    try {
      appended = await this.#store.transaction(async (tx) => {
        outcomes.length = 0;
        const now = this.#clock.now();
        const done = new Set<number>();
        for (const [i, pending] of batch.entries()) {
          if (done.has(i)) continue;
          const { work } = pending;
          if (typeof work === "function") {
            outcomes[i] = await inSavepoint(tx, async (savepoint) => [await work(savepoint, now)]).then((o) => o[0]!);
            continue;
          }
          // Every input for this writer in the batch, written together in one savepoint.
          const group = batch.flatMap((p, j) => (typeof p.work !== "function" && p.work.writer === work.writer ? [j] : []));
          for (const j of group) done.add(j);
          const results = await inSavepoint(tx, (savepoint) => work.writer.write(savepoint, now, group.map((j) => (batch[j]!.work as Batched<unknown, unknown>).input)), group.length);
          group.forEach((j, k) => (outcomes[j] = results[k]!));
        }
        return appendEntries(tx, outcomes.flatMap((o) => (o.ok ? o.drafts : [])), now);
      });
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    let next = 0;
    batch.forEach((pending, i) => {
      const outcome = outcomes[i]!;
      if (!outcome.ok) return pending.reject(outcome.error);
      const entries = appended.slice(next, (next += outcome.drafts.length));
      pending.resolve({ value: outcome.value, entries });
    });
  }
}

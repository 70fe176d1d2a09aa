/**
 * Results computed from a campaign's contributions, kept in memory and keyed by what they depend
 * on. Every contribution appends to the log, so a result whose inputs were read after the log held
 * `size` entries stands for every request that found the log at `size` or less.
 *
 * For one key at most one computation runs. A request takes a result of its size or newer when
 * one is kept; or joins the computation under way when that one serves its size; or else waits
 * for the one computation that starts when the running one ends, which every request arriving
 * meanwhile joins. So however many requests come, a key costs at most one computation running and
 * one waiting, and no computation is started twice for one size.
 *
 * Finished results are kept by key and size, least recently used first out, within `maxBytes`,
 * so a client paging through one result keeps reading it while newer ones are computed.
 */
export interface Computed<T> {
  /** The log size read before the inputs: the result holds at least what the log held then. */
  readonly size: number;
  readonly value: T;
  /** An estimate of the memory the value holds. */
  readonly bytes: number;
}

type Compute<T> = () => Promise<{ value: T; bytes: number }>;

interface Run<T> {
  size: number;
  promise: Promise<Computed<T>>;
}

interface Slot<T> {
  newest: number;
  running: Run<T> | null;
  queued: Run<T> | null;
}

export class ResultsCache<T> {
  readonly #maxBytes: number;
  readonly #done = new Map<string, Computed<T>>();
  readonly #slots = new Map<string, Slot<T>>();
  #bytes = 0;
  /** Computations started so far. */
  computations = 0;

  constructor(maxBytes: number) {
    this.#maxBytes = maxBytes;
  }

  /**
   * A result for `key` at a log size of at least `size`, which the caller read before calling.
   * `compute` reads its inputs when called: the log then holds at least the size it is given.
   */
  get(key: string, size: number, compute: Compute<T>): Promise<Computed<T>> {
    let slot = this.#slots.get(key);
    if (!slot) this.#slots.set(key, (slot = { newest: -1, running: null, queued: null }));
    const done = slot.newest >= size ? this.at(key, slot.newest) : undefined;
    if (done) return Promise.resolve(done);
    if (slot.running && slot.running.size >= size) return slot.running.promise;
    if (!slot.running) return this.#start(key, slot, size, compute).promise;
    if (slot.queued) {
      slot.queued.size = Math.max(slot.queued.size, size);
      return slot.queued.promise;
    }
    const after = slot.running.promise.then(
      () => undefined,
      () => undefined,
    );
    const queued: Run<T> = { size, promise: after.then(() => this.#start(key, slot, queued.size, compute, queued).promise) };
    slot.queued = queued;
    return queued.promise;
  }

  /** The result for `key` computed at exactly `size`, while it is kept. */
  at(key: string, size: number): Computed<T> | undefined {
    const id = `${key}\u0000${size}`;
    const done = this.#done.get(id);
    if (done) {
      this.#done.delete(id);
      this.#done.set(id, done);
    }
    return done;
  }

  #start(key: string, slot: Slot<T>, size: number, compute: Compute<T>, queued?: Run<T>): Run<T> {
    if (queued && slot.queued === queued) slot.queued = null;
    this.computations++;
    const run: Run<T> = {
      size,
      promise: compute().then(
        ({ value, bytes }) => {
          const result = { size: run.size, value, bytes };
          this.#keep(key, slot, result);
          return result;
        },
      ).finally(() => {
        if (slot.running === run) slot.running = null;
      }),
    };
    slot.running = run;
    return run;
  }

  #keep(key: string, slot: Slot<T>, result: Computed<T>) {
    slot.newest = Math.max(slot.newest, result.size);
    const id = `${key}\u0000${result.size}`;
    const old = this.#done.get(id);
    if (old) this.#bytes -= old.bytes;
    this.#done.delete(id);
    this.#done.set(id, result);
    this.#bytes += result.bytes;
    for (const [oldest, entry] of this.#done) {
      if (this.#bytes <= this.#maxBytes || oldest === id) break;
      this.#done.delete(oldest);
      this.#bytes -= entry.bytes;
    }
  }
}

import { availableParallelism } from "node:os";
import { Worker, type TransferListItem } from "node:worker_threads";

const ENTRY = new URL("./worker-entry.mjs", import.meta.url);

interface Job {
  readonly message: unknown;
  readonly transfer: readonly TransferListItem[];
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

interface Thread {
  readonly worker: Worker;
  job: Job | null;
}

type Reply = { ok: true; value: unknown } | { ok: false; error: string };

/**
 * Runs jobs on up to `size` worker threads, each running `module` (a TypeScript module that
 * answers every message with one reply: see `serveJobs`). Threads start on demand and stay for
 * the next job; an idle one does not keep the process alive, and one that dies is replaced. A job
 * waits only while every thread is busy.
 */
export class WorkerPool {
  readonly #module: string;
  readonly #size: number;
  readonly #threads = new Set<Thread>();
  readonly #queue: Job[] = [];

  constructor(module: URL, size = Math.max(1, Math.min(4, availableParallelism() - 1))) {
    this.#module = module.href;
    this.#size = size;
  }

  run<R>(message: unknown, transfer: readonly TransferListItem[] = []): Promise<R> {
    return new Promise<unknown>((resolve, reject) => {
      this.#queue.push({ message, transfer, resolve, reject });
      this.#dispatch();
    }) as Promise<R>;
  }

  /** Stops every thread; jobs under way fail. */
  async close(): Promise<void> {
    await Promise.all([...this.#threads].map((t) => t.worker.terminate()));
  }

  #dispatch() {
    while (this.#queue.length > 0) {
      let thread = [...this.#threads].find((t) => t.job === null);
      if (!thread && this.#threads.size < this.#size) thread = this.#spawn();
      if (!thread) return;
      const job = this.#queue.shift()!;
      thread.job = job;
      thread.worker.ref();
      thread.worker.postMessage(job.message, [...job.transfer]);
    }
  }

  #spawn(): Thread {
    const thread: Thread = { worker: new Worker(ENTRY, { workerData: { module: this.#module } }), job: null };
    this.#threads.add(thread);
    const fail = (error: unknown) => {
      this.#threads.delete(thread);
      thread.job?.reject(error);
      thread.job = null;
      void thread.worker.terminate();
      this.#dispatch();
    };
    thread.worker.on("message", (reply: Reply) => {
      const job = thread.job;
      thread.job = null;
      thread.worker.unref();
      if (reply.ok) job?.resolve(reply.value);
      else job?.reject(new Error(reply.error));
      this.#dispatch();
    });
    thread.worker.on("error", fail);
    thread.worker.on("exit", (code) => fail(new Error(`a worker thread exited (code ${code})`)));
    return thread;
  }
}

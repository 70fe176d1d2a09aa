import { Worker } from "node:worker_threads";
import type { ShapeCheck } from "./entry-shape.ts";
import { VerificationFailure } from "./failure.ts";
import type { ShapeFound } from "./shape-worker.ts";

/**
 * Checks entry shapes on a second thread while the main one hashes. Parsing every entry costs
 * about as much CPU as rebuilding the tree (bench/log/README.md), so on two cores this is what
 * keeps a million-entry verification under 10 s. Chunks are transferred, not copied: give each
 * one here only after its lines were used.
 */
export class ShapeChecker {
  readonly #worker: Worker;
  readonly #result: Promise<ShapeFound | null>;

  constructor(check: ShapeCheck) {
    // The worker runs TypeScript too: register tsx in it first, as bin/polyphony.mjs does here.
    const tsx = import.meta.resolve("tsx/esm/api");
    const entry = new URL("./shape-worker.ts", import.meta.url).href;
    const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
    // Parsing a million entries makes short-lived garbage: a young generation larger than a
    // worker's default cuts its collections (bench/log/README.md).
    this.#worker = new Worker(boot, { eval: true, workerData: { check }, resourceLimits: { maxYoungGenerationSizeMb: 64 } });
    this.#result = new Promise((resolve, reject) => {
      this.#worker.once("message", resolve);
      this.#worker.once("error", reject);
    });
  }

  /** Hands a chunk to the worker; the caller must not touch it afterwards. */
  push(chunk: Uint8Array): void {
    const owns = chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength && chunk.buffer instanceof ArrayBuffer;
    if (owns) this.#worker.postMessage(chunk, [chunk.buffer]);
    else this.#worker.postMessage(chunk);
  }

  /** The first entry with a bad shape among the chunks pushed, or null; stops the worker. */
  async finish(): Promise<VerificationFailure | null> {
    this.#worker.postMessage("end");
    try {
      const found = await this.#result;
      return found && new VerificationFailure("shape", found.message, { index: found.index });
    } finally {
      await this.#worker.terminate();
    }
  }

  /** Stops the worker without waiting for its answer. */
  async stop(): Promise<void> {
    await this.#worker.terminate();
  }
}

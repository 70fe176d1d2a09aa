import { LineSplitter } from "../../../core/log/index.ts";
import type { ShapeCheck } from "./entry-shape.ts";
import { ExportTree } from "./export-tree.ts";
import { VerificationFailure } from "./failure.ts";
import { ShapeChecker } from "./shape-checker.ts";

/** What reading an export gave: the tree of its lines, and the first bad line, if any. */
export interface ExportReading {
  /** Holds at least every line before the first bad one (more when shapes ran on a worker). */
  readonly tree: ExportTree;
  /** Lines accepted: all of them, or those before the first bad one. */
  readonly entries: number;
  readonly failure: VerificationFailure | null;
  readonly bytes: number;
}

/** Options for reading an export. */
export interface ReadOptions {
  /** How closely to read each entry; null skips entry checks (only the tree is rebuilt). */
  readonly shapes: ShapeCheck | null;
  /** Check shapes on a worker thread, in parallel with hashing: worth it for large exports. */
  readonly parallel: boolean;
  /** Called every `PROGRESS_EVERY` lines with the number read so far. */
  readonly onProgress?: ((lines: number) => void) | undefined;
}

const PROGRESS_EVERY = 100_000;

const first = (a: VerificationFailure | null, b: VerificationFailure | null) =>
  a === null ? b : b === null ? a : b.index! < a.index! ? b : a;

/**
 * Streams an export (JSONL, in chunks of any size: a file read piece by piece, HTTP pages) into
 * an ExportTree without holding more than one chunk and the tree, stopping at the first bad line.
 */
export async function readExport(chunks: AsyncIterable<Uint8Array>, options: ReadOptions): Promise<ExportReading> {
  const worker = options.shapes && options.parallel ? new ShapeChecker(options.shapes) : null;
  const tree = new ExportTree(worker ? null : options.shapes);
  const splitter = new LineSplitter();
  let bytes = 0;
  let failure: VerificationFailure | null = null;
  const take = (lines: readonly Uint8Array[]) => {
    for (const line of lines) {
      tree.add(line);
      if (options.onProgress && tree.size % PROGRESS_EVERY === 0) options.onProgress(tree.size);
    }
  };
  try {
    for await (const chunk of chunks) {
      bytes += chunk.length;
      take(splitter.push(chunk));
      worker?.push(chunk);
    }
    take(splitter.finish());
  } catch (error) {
    if (!(error instanceof VerificationFailure)) {
      await worker?.stop();
      throw error;
    }
    failure = error;
  }
  if (worker) failure = first(failure, await worker.finish());
  return { tree, entries: failure ? failure.index! : tree.size, failure, bytes };
}

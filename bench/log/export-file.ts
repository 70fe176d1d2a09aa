import { closeSync, openSync, readSync, writeSync } from "node:fs";
import { formatExportLine } from "../../src/core/log/export-line.ts";
import { LineSplitter } from "../../src/core/log/line-splitter.ts";

const CHUNK = 16 * 2 ** 20;

/** Writes leaves to `path` as an export, one line each, as `polyphony log export` would. */
export function writeExportFile(path: string, leaves: readonly Uint8Array[]): number {
  const fd = openSync(path, "w");
  let bytes = 0;
  let batch: string[] = [];
  const flush = () => {
    const text = batch.join("");
    bytes += writeSync(fd, text);
    batch = [];
  };
  leaves.forEach((leaf, index) => {
    batch.push(formatExportLine(index, leaf) + "\n");
    if (batch.length === 10_000) flush();
  });
  flush();
  closeSync(fd);
  return bytes;
}

/** Reads a file in 16 MB chunks and yields its lines as bytes, never holding the whole file. */
export function* readLines(path: string): Generator<Uint8Array> {
  const fd = openSync(path, "r");
  const chunk = new Uint8Array(CHUNK);
  const splitter = new LineSplitter();
  try {
    // Each line is used before the next read reuses the chunk, as LineSplitter requires.
    for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) yield* splitter.push(chunk.subarray(0, n));
    yield* splitter.finish();
  } finally {
    closeSync(fd);
  }
}

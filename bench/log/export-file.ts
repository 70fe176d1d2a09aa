import { closeSync, openSync, writeSync } from "node:fs";
import { formatExportLine } from "../../src/core/log/export-line.ts";

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

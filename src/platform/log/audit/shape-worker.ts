import { parentPort, workerData } from "node:worker_threads";
import { LineSplitter } from "../../../core/log/line-splitter.ts";
import { checkEntryShape, type ShapeCheck } from "./entry-shape.ts";
import { VerificationFailure } from "./failure.ts";

/**
 * The worker side of ShapeChecker: receives the export's chunks in order, splits them into lines
 * and checks each entry's shape, then answers "end" with the first bad line, if any. Lines whose
 * layout is wrong are skipped: the main thread checks layouts and reports those.
 */

export interface ShapeFound {
  readonly index: number;
  readonly message: string;
}

const check = (workerData as { check: ShapeCheck }).check;
const splitter = new LineSplitter();
let index = 0;
let found: ShapeFound | null = null;

const QUOTE = 0x22;
const LEAF_AT = ',"leaf":"'.length;
const ENTRY_AT = '","entry":'.length;

/** The entry text of `{"index":i,"leaf":"<base64>","entry":<entry>}`, or null if not so laid out. */
function entryOf(line: Uint8Array): Uint8Array | null {
  let at = '{"index":'.length;
  while (line[at]! >= 0x30 && line[at]! <= 0x39) at++;
  const base64End = line.indexOf(QUOTE, at + LEAF_AT);
  return base64End < 0 ? null : line.subarray(base64End + ENTRY_AT, line.length - 1);
}

function take(lines: readonly Uint8Array[]): void {
  for (const line of lines) {
    if (found) return;
    const entry = entryOf(line);
    try {
      if (entry) checkEntryShape(entry, index, check);
    } catch (error) {
      if (error instanceof VerificationFailure) found = { index, message: error.message };
    }
    index++;
  }
}

parentPort!.on("message", (message: Uint8Array | "end") => {
  if (message === "end") {
    take(splitter.finish());
    parentPort!.postMessage(found);
  } else if (!found) {
    take(splitter.push(message));
  }
});

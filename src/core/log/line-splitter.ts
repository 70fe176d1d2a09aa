import { concatBytes } from "./bytes.ts";

const NEWLINE = 0x0a;

/**
 * Splits a byte stream (an export read in chunks from a file or an HTTP body) into lines at
 * "\n", without decoding it: lines are views into the chunks, copied only when a line spans two.
 * Keep a chunk unchanged until its lines have been used.
 */
export class LineSplitter {
  #pending: Uint8Array[] = [];

  /** The lines that `chunk` completes, without their newlines. */
  push(chunk: Uint8Array): Uint8Array[] {
    const lines: Uint8Array[] = [];
    let start = 0;
    for (let end = chunk.indexOf(NEWLINE); end >= 0; end = chunk.indexOf(NEWLINE, start)) {
      const piece = chunk.subarray(start, end);
      lines.push(this.#pending.length > 0 ? concatBytes(...this.#pending.splice(0), piece) : piece);
      start = end + 1;
    }
    if (start < chunk.length) this.#pending.push(chunk.slice(start));
    return lines;
  }

  /** The last line, when the stream does not end with a newline. */
  finish(): Uint8Array[] {
    return this.#pending.length > 0 ? [concatBytes(...this.#pending.splice(0))] : [];
  }
}

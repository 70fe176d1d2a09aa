import { join } from "node:path";
import { canonicalLine } from "./cells.ts";
import { hashFile, TextSink } from "./files/sink.ts";
import type { RowSource, SyntheticMark } from "./types.ts";

export const ROWS_FILE = "provenance/rows.jsonl";
export const OPENINGS_FILE = "provenance/openings.jsonl";

/** One line of `provenance/rows.jsonl`: a data row, its digest, and the log entries it came from. */
export interface ProvenanceLine {
  readonly file: string;
  readonly row: number;
  /** SHA-256 (hex) of the row as written (cells.ts: a JSONL line's bytes, a table row's cells). */
  readonly digest: string;
  /** `[index, digest]` of each log entry the row came from. */
  readonly sources: readonly [number, string][];
  readonly synthetic?: SyntheticMark;
}

/** One line of `provenance/openings.jsonl`: what opens an entry's digest, published with the dataset. */
export interface OpeningLine {
  readonly index: number;
  readonly salt: string;
  readonly content: string;
}

/**
 * Writes the provenance of an export as its rows are written: a line per row, in file and row
 * order, and each published opening once, the first time a row cites its entry.
 */
export class ProvenanceWriter {
  readonly #dir: string;
  readonly #rows: TextSink;
  readonly #openings: TextSink;
  readonly #opened = new Set<number>();
  #count = 0;

  constructor(dir: string) {
    this.#dir = dir;
    this.#rows = new TextSink(join(dir, ROWS_FILE));
    this.#openings = new TextSink(join(dir, OPENINGS_FILE));
  }

  async add(file: string, row: number, digest: string, sources: readonly RowSource[], synthetic?: SyntheticMark): Promise<void> {
    const line: ProvenanceLine = { file, row, digest, sources: sources.map((s) => [s.index, s.digest]), ...(synthetic && { synthetic }) };
    await this.#rows.write(`${canonicalLine(line)}\n`);
    this.#count++;
    for (const source of sources) {
      if (source.opening === null || this.#opened.has(source.index)) continue;
      this.#opened.add(source.index);
      const opening: OpeningLine = { index: source.index, salt: source.opening.salt, content: source.opening.content };
      await this.#openings.write(`${canonicalLine(opening)}\n`);
    }
  }

  async close() {
    await this.#rows.close();
    await this.#openings.close();
    return {
      rows: { path: ROWS_FILE, lines: this.#count, ...(await hashFile(join(this.#dir, ROWS_FILE))) },
      openings: { path: OPENINGS_FILE, lines: this.#opened.size, ...(await hashFile(join(this.#dir, OPENINGS_FILE))) },
    };
  }
}

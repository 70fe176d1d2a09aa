import { createReadStream } from "node:fs";
import { asyncBufferFromFile, parquetMetadataAsync, parquetRead } from "hyparquet";
import type { Cell } from "../cells.ts";
import type { DataFile } from "../manifest.ts";

// Reads an export's data files back row by row, as `dataset verify` digests them: JSONL lines,
// CSV records (RFC 4180; a quoted field is text, an empty unquoted one null) and Parquet rows.

/** Lines of a text file without their line ends, streamed. */
export async function* readLines(path: string): AsyncGenerator<string> {
  let rest = "";
  for await (const chunk of createReadStream(path, { encoding: "utf8", highWaterMark: 1 << 20 })) {
    const lines = (rest + (chunk as string)).split("\n");
    rest = lines.pop()!;
    yield* lines;
  }
  if (rest !== "") yield rest;
}

/** CSV records, each field as text or (an empty unquoted field) null. */
export async function* readCsv(path: string): AsyncGenerator<(string | null)[]> {
  let record: (string | null)[] = [];
  let field = "";
  let quoted = false;
  let inQuotes = false;
  let afterQuote = false;
  const endField = () => {
    record.push(quoted ? field : field === "" ? null : field);
    field = "";
    quoted = false;
    afterQuote = false;
  };
  for await (const chunk of createReadStream(path, { encoding: "utf8", highWaterMark: 1 << 20 })) {
    const text = chunk as string;
    const ready: (string | null)[][] = [];
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (inQuotes) {
        if (c !== '"') field += c;
        else if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
          afterQuote = true;
        }
        continue;
      }
      if (c === '"' && field === "" && !afterQuote) {
        inQuotes = true;
        quoted = true;
      } else if (c === ",") endField();
      else if (c === "\n") {
        endField();
        ready.push(record);
        record = [];
      } else if (c !== "\r") field += c;
    }
    yield* ready;
  }
  if (field !== "" || record.length > 0 || quoted) {
    endField();
    yield record;
  }
}

const ROWS_PER_READ = 50_000;

/** Parquet rows as cells, read a slice at a time with hyparquet: lists as JSON text, INT64 as numbers. */
export async function* readParquet(path: string, file: DataFile): AsyncGenerator<Cell[]> {
  const buffer = await asyncBufferFromFile(path);
  const metadata = await parquetMetadataAsync(buffer);
  const total = Number(metadata.num_rows);
  const types = (file.columns ?? []).map((c) => c.type);
  for (let start = 0; start < total; start += ROWS_PER_READ) {
    const rows = await new Promise<unknown[][]>((resolve, reject) => {
      parquetRead({ file: buffer, metadata, rowStart: start, rowEnd: Math.min(total, start + ROWS_PER_READ), rowFormat: "array", onComplete: resolve }).catch(reject);
    });
    for (const row of rows) {
      yield row.map((value, i): Cell => {
        if (value === null || value === undefined) return null;
        if (typeof value === "bigint") return Number(value);
        if (types[i] === "strings" && typeof value !== "string") return JSON.stringify(value);
        return value as Cell;
      });
    }
  }
}

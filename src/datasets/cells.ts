import { createHash } from "node:crypto";
import type { DatasetColumn, DatasetValue } from "./types.ts";

// How one value of a column is written in each file format, and how a written row is digested so
// that `dataset verify` can tell a changed, added or dropped row (manifest.ts).

/** A cell as Parquet and JSON hold it: lists as their JSON text, times as ISO-8601 strings. */
export type Cell = string | number | boolean | null;

/** The value of `column` in a row, as a cell; a value of the wrong type is the kind's bug. */
export function cellOf(column: DatasetColumn, value: DatasetValue | undefined): Cell {
  if (value === null || value === undefined) return null;
  switch (column.type) {
    case "strings":
      if (!Array.isArray(value)) throw new TypeError(`column ${column.name} holds a list`);
      return JSON.stringify(value);
    case "integer":
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value)) throw new TypeError(`column ${column.name} holds a number`);
      return value;
    case "boolean":
      if (typeof value !== "boolean") throw new TypeError(`column ${column.name} holds true or false`);
      return value;
    case "string":
    case "timestamp":
      if (typeof value !== "string") throw new TypeError(`column ${column.name} holds text`);
      return value;
  }
}

/**
 * A cell as CSV text: null as an empty field, text as written. The writer quotes every text
 * cell, so that an empty string (`""`) and null (nothing) stay apart, as DuckDB and R read them.
 */
export function csvText(cell: Cell): string | null {
  return cell === null ? null : String(cell);
}

/** RFC 4180 field: text always quoted, inner quotes doubled; null as nothing; numbers and booleans bare. */
export function csvField(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "string") return `"${cell.replaceAll('"', '""')}"`;
  return String(cell);
}

/** Sorts object keys recursively: JSON.stringify of the result is RFC 8785 for the values rows hold. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
  return sorted;
}

/** One JSON line in RFC 8785 form: the same row always gives the same bytes. */
export function canonicalLine(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

export const sha256Hex = (text: string | Uint8Array) => createHash("sha256").update(text).digest("hex");

/** The digest of a JSONL row: of its line's bytes. */
export const digestLine = (line: string) => sha256Hex(line);

/** The digest of a table row (CSV or Parquet): of the JSON array of its cells, CSV cells as text. */
export const digestCells = (cells: readonly (Cell | undefined)[]) => sha256Hex(JSON.stringify(cells.map((c) => c ?? null)));

import { ParquetWriter, fileWriter } from "hyparquet-writer";
import type { SchemaElement } from "hyparquet";
import type { Cell } from "../cells.ts";
import type { DatasetColumn } from "../types.ts";

/** Rows per row group: small enough to stay well under the memory budget, large enough to compress. */
export const ROW_GROUP = 50_000;

const ELEMENT: Record<DatasetColumn["type"], Omit<SchemaElement, "name">> = {
  string: { type: "BYTE_ARRAY", converted_type: "UTF8" },
  timestamp: { type: "BYTE_ARRAY", converted_type: "UTF8" },
  strings: { type: "BYTE_ARRAY", converted_type: "JSON" },
  integer: { type: "INT64" },
  number: { type: "DOUBLE" },
  boolean: { type: "BOOLEAN" },
};

/**
 * A Parquet file written a row group at a time (hyparquet-writer's ParquetWriter): rows are
 * buffered by column up to ROW_GROUP, then encoded and flushed. Every column is optional (nulls
 * allowed); integers are INT64, lists their JSON text (JSON logical type), times ISO-8601 text.
 */
export class ParquetFile {
  readonly #columns: readonly DatasetColumn[];
  readonly #writer: ParquetWriter;
  #buffer: Cell[][];

  constructor(path: string, columns: readonly DatasetColumn[]) {
    this.#columns = columns;
    const schema: SchemaElement[] = [
      { name: "root", num_children: columns.length },
      ...columns.map((c) => ({ name: c.name, repetition_type: "OPTIONAL" as const, ...ELEMENT[c.type] })),
    ];
    this.#writer = new ParquetWriter({ writer: fileWriter(path), schema, createdBy: "polyphony" });
    this.#buffer = columns.map(() => []);
  }

  async add(cells: readonly Cell[]): Promise<void> {
    cells.forEach((cell, i) => this.#buffer[i]!.push(cell));
    if (this.#buffer[0]!.length >= ROW_GROUP) await this.#flush();
  }

  async #flush(): Promise<void> {
    const rows = this.#buffer[0]!.length;
    if (rows === 0) return;
    const columnData = this.#columns.map((c, i) => ({
      name: c.name,
      data: this.#encode(c, this.#buffer[i]!),
    }));
    this.#buffer = this.#columns.map(() => []);
    await this.#writer.write({ columnData, rowGroupSize: rows });
  }

  /** INT64 values as BigInts; lists as values, which the writer serialises for the JSON type. */
  #encode(column: DatasetColumn, cells: Cell[]): unknown[] {
    if (column.type === "integer") return cells.map((v) => (v === null ? null : BigInt(v as number)));
    if (column.type === "strings") return cells.map((v) => (v === null ? null : (JSON.parse(v as string) as unknown)));
    return cells;
  }

  async close(): Promise<void> {
    await this.#flush();
    await this.#writer.finish();
  }
}

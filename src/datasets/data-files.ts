import { join } from "node:path";
import { canonicalLine, cellOf, csvField, csvText, digestCells, digestLine } from "./cells.ts";
import type { DataFile } from "./manifest.ts";
import { FAMILY, preferenceRows, sftRows, type TableFormat, type TrainerFormat } from "./formats.ts";
import { hashFile, TextSink } from "./files/sink.ts";
import { ParquetFile } from "./files/parquet-file.ts";
import type { ProvenanceWriter } from "./provenance.ts";
import { testGroups } from "./splits.ts";
import type { DatasetTable, PreferencePair, RowSource, SftExample, SyntheticMark } from "./types.ts";
import { readLines } from "./files/read-rows.ts";
import { rm } from "node:fs/promises";
import type { Queryable } from "../store/open.ts";

/** Trainer rows, read once: the export spools them to split them by group. */
export type TrainerRows = () => AsyncIterable<PreferencePair | SftExample>;

interface Spooled {
  readonly group: string;
  readonly lines: string[];
  readonly sources: RowSource[];
  readonly synthetic?: SyntheticMark;
}

/**
 * Writes trainer rows in `format` as `data/train.jsonl` and, when the groups allow one,
 * `data/test.jsonl`, one RFC 8785 JSON object per line; each row's provenance goes to `provenance`.
 * Which split a group goes to depends on every group's size, so the rows are first spooled to a
 * file (a kind's rows may take a long query to make), then written out from it.
 */
export async function writeTrainerFiles(dir: string, format: TrainerFormat, rows: TrainerRows, testShare: number, provenance: ProvenanceWriter): Promise<DataFile[]> {
  const spoolPath = join(dir, "data/.spool.jsonl");
  const spool = new TextSink(spoolPath);
  const perGroup = new Map<string, number>();
  for await (const row of rows()) {
    perGroup.set(row.group, (perGroup.get(row.group) ?? 0) + 1);
    const records = FAMILY[format] === "sft" ? sftRows(format, row as SftExample) : preferenceRows(format, row as PreferencePair);
    const spooled: Spooled = { group: row.group, lines: records.map(canonicalLine), sources: [...row.sources], ...(row.synthetic && { synthetic: row.synthetic }) };
    await spool.write(`${JSON.stringify(spooled)}\n`);
  }
  await spool.close();
  const test = testGroups(perGroup, testShare);
  const splits = { train: { path: "data/train.jsonl", rows: 0, sink: new TextSink(join(dir, "data/train.jsonl")) }, test: { path: "data/test.jsonl", rows: 0, sink: test.size > 0 ? new TextSink(join(dir, "data/test.jsonl")) : null } };
  for await (const text of readLines(spoolPath)) {
    const row = JSON.parse(text) as Spooled;
    const split = test.has(row.group) ? splits.test : splits.train;
    for (const line of row.lines) {
      await split.sink!.write(`${line}\n`);
      await provenance.add(split.path, split.rows++, digestLine(line), row.sources, row.synthetic);
    }
  }
  await rm(spoolPath);
  const files: DataFile[] = [];
  for (const [name, split] of Object.entries(splits) as ["train" | "test", typeof splits.train][]) {
    if (!split.sink) continue;
    await split.sink.close();
    files.push({ path: split.path, rows: split.rows, ...(await hashFile(join(dir, split.path))), rowDigest: "line", split: name });
  }
  return files;
}

/** Writes each table as `data/<table>.csv` (RFC 4180, a header line) or `data/<table>.parquet`. */
export async function writeTableFiles(db: Queryable, dir: string, format: TableFormat, tables: readonly DatasetTable[], campaignId: string, provenance: ProvenanceWriter | null): Promise<DataFile[]> {
  const files: DataFile[] = [];
  for (const table of tables) {
    const path = `data/${table.name}.${format}`;
    const csv = format === "csv" ? new TextSink(join(dir, path)) : null;
    const parquet = format === "parquet" ? new ParquetFile(join(dir, path), table.columns) : null;
    await csv?.write(`${table.columns.map((c) => csvField(c.name)).join(",")}\r\n`);
    let rows = 0;
    for await (const row of table.rows(db, campaignId)) {
      const cells = table.columns.map((c) => cellOf(c, row.values[c.name]));
      if (csv) await csv.write(`${cells.map(csvField).join(",")}\r\n`);
      else await parquet!.add(cells);
      if (provenance) await provenance.add(path, rows, csv ? digestCells(cells.map(csvText)) : digestCells(cells), row.sources);
      rows++;
    }
    await csv?.close();
    await parquet?.close();
    const columns = table.columns.map((c) => ({ name: c.name, type: c.type, ...(c.content !== undefined && { content: c.content }) }));
    files.push({ path, rows, ...(await hashFile(join(dir, path))), rowDigest: "cells", table: table.name, columns });
  }
  return files;
}

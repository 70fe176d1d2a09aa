import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { decodeBase64, LineSplitter, readExportLine } from "../core/log/index.ts";
import { commitContent, type JsonValue } from "../core/log/entry.ts";
import { PolyphonyError } from "../core/errors.ts";
import { peekCheckpoint, type Trust } from "../platform/log/audit/trusted-checkpoint.ts";
import { verifyExport } from "../platform/log/audit/verify-export.ts";
import type { LogProver } from "../platform/log/audit/evidence.ts";
import { canonicalLine, csvText, digestCells, digestLine, type Cell } from "./cells.ts";
import { hashFile } from "./files/sink.ts";
import { readCsv, readLines, readParquet } from "./files/read-rows.ts";
import { MANIFEST_FILE, MANIFEST_VERSION, type DataFile, type Manifest } from "./manifest.ts";
import type { OpeningLine, ProvenanceLine } from "./provenance.ts";

/** Where and why a dataset failed verification; `file` and `row` name the first row that does not match. */
export interface DatasetFailure {
  readonly file: string | null;
  readonly row: number | null;
  readonly reason: string;
}

export interface DatasetReport {
  readonly ok: boolean;
  readonly format: string;
  readonly campaign: string;
  readonly rows: number;
  /** Log entries the rows cite, and how many of them were opened (content checked against its digest). */
  readonly entries: number;
  readonly opened: number;
  readonly checkpointSize: number;
  readonly failure: DatasetFailure | null;
}

export interface DatasetVerifyRequest {
  readonly dir: string;
  /** The signed checkpoint to check against (the manifest's, or a later one of the same log). */
  readonly checkpoint: string;
  readonly trust: Trust;
  /** The log's entries up to the checkpoint, as `polyphony log export` writes them; read twice. */
  readonly entries: () => AsyncIterable<Uint8Array>;
  readonly prover: LogProver | null;
}

class Mismatch extends Error {
  constructor(readonly failure: DatasetFailure) {
    super(failure.reason);
  }
}

const fail = (file: string | null, row: number | null, reason: string): never => {
  throw new Mismatch({ file, row, reason });
};

async function readManifest(dir: string): Promise<Manifest> {
  let text: string;
  try {
    text = await readFile(join(dir, MANIFEST_FILE), "utf8");
  } catch (error) {
    throw new PolyphonyError("not_found", `${dir} holds no ${MANIFEST_FILE}: ${(error as Error).message}`, { field: "dir" });
  }
  const manifest = JSON.parse(text) as Manifest;
  if ((manifest.version as string) !== MANIFEST_VERSION) throw new PolyphonyError("invalid_input", `${MANIFEST_FILE} is not a ${MANIFEST_VERSION} manifest`, { field: "dir" });
  return manifest;
}

/** The digests of the cited entries, read from the log's export lines. */
async function readCitedDigests(chunks: AsyncIterable<Uint8Array>, cited: ReadonlySet<number>): Promise<Map<number, string>> {
  const digests = new Map<number, string>();
  const splitter = new LineSplitter();
  const take = (lines: readonly Uint8Array[]) => {
    for (const bytes of lines) {
      const { index, leaf } = readExportLine(bytes);
      if (!cited.has(index)) continue;
      const entry = JSON.parse(new TextDecoder().decode(leaf)) as { body: { digest: string } };
      digests.set(index, entry.body.digest);
    }
  };
  for await (const chunk of chunks) take(splitter.push(chunk));
  take(splitter.finish());
  return digests;
}

/** The rows of a data file, each with its digest and cells (null for JSONL). */
async function* rowsOf(dir: string, file: DataFile): AsyncGenerator<{ digest: string; cells: Cell[] | (string | null)[] | null }> {
  const path = join(dir, file.path);
  if (file.rowDigest === "line") {
    for await (const line of readLines(path)) yield { digest: digestLine(line), cells: null };
  } else if (file.path.endsWith(".csv")) {
    let header = true;
    for await (const record of readCsv(path)) {
      if (header) {
        header = false;
        const names = (file.columns ?? []).map((c) => c.name);
        if (record.join(",") !== names.join(",")) fail(file.path, null, `the header is not the manifest's columns (${names.join(", ")})`);
        continue;
      }
      yield { digest: digestCells(record), cells: record };
    }
  } else {
    for await (const cells of readParquet(path, file)) yield { digest: digestCells(cells), cells };
  }
}

/** The provenance lines of one data file, in order. */
async function* provenanceOf(path: string, file: string): AsyncGenerator<ProvenanceLine> {
  for await (const text of readLines(path)) {
    const line = JSON.parse(text) as ProvenanceLine;
    if (line.file === file) yield line;
  }
}

/** Whether a cell holds what the content's field says, in the file's own representation. */
function sameValue(cell: Cell | string | null, value: JsonValue | undefined, csv: boolean): boolean {
  const expected: Cell = value === undefined || value === null ? null : typeof value === "object" ? JSON.stringify(value) : value;
  return csv ? (cell ?? null) === (expected === null ? null : csvText(expected)) : (cell ?? null) === expected;
}

/**
 * Checks an exported dataset against the log, offline: the log's entries against the signed
 * checkpoint (and the manifest's checkpoint against it), every opening against its entry's
 * digest, every row of every file against its digest in the provenance, in order (a changed,
 * added or dropped row fails, naming the first), every cited entry's digest against the log,
 * and the columns a row reproduces from an opened entry against that entry's content.
 */
export async function verifyDataset(request: DatasetVerifyRequest): Promise<DatasetReport> {
  const manifest = await readManifest(request.dir);
  const checkpointSize = peekCheckpoint(request.checkpoint, "the checkpoint").size;
  const summary = { format: manifest.format, campaign: manifest.campaign.id, checkpointSize };
  let rows = 0;
  let opened = 0;
  const cited = new Set<number>();
  try {
    if (checkpointSize < manifest.logSize) fail(null, null, `the checkpoint holds ${checkpointSize} entries; the dataset was read at log size ${manifest.logSize}`);
    for (const part of [manifest.provenance.rows, manifest.provenance.openings]) {
      if ((await hashFile(join(request.dir, part.path)).catch(() => null))?.sha256 !== part.sha256) fail(part.path, null, `${part.path} is not the file the manifest lists`);
    }
    for await (const line of readLines(join(request.dir, manifest.provenance.rows.path))) {
      for (const [index] of (JSON.parse(line) as ProvenanceLine).sources) cited.add(index);
    }
    const previous = manifest.checkpoint === request.checkpoint ? [] : [manifest.checkpoint];
    const log = await verifyExport({ chunks: request.entries(), checkpoint: request.checkpoint, previous, trust: request.trust, shapes: "fields", prover: request.prover });
    if (!log.ok) fail(null, null, `the log does not match the checkpoint: ${log.failure?.reason ?? "unknown"}`);
    const digests = await readCitedDigests(request.entries(), cited);
    const contents = new Map<number, Record<string, JsonValue>>();
    for await (const line of readLines(join(request.dir, manifest.provenance.openings.path))) {
      const opening = JSON.parse(line) as OpeningLine;
      const salt = decodeBase64(opening.salt);
      const content = JSON.parse(opening.content) as JsonValue;
      if (salt === null || commitContent(content, salt) !== digests.get(opening.index)) {
        fail(manifest.provenance.openings.path, null, `the opening of entry ${opening.index} does not open its digest in the log`);
      }
      if (canonicalLine(content) !== opening.content) fail(manifest.provenance.openings.path, null, `the content of entry ${opening.index} is not in RFC 8785 form`);
      contents.set(opening.index, content as Record<string, JsonValue>);
      opened++;
    }
    let listed = 0;
    for (const file of manifest.files) {
      let row = 0;
      const csv = file.path.endsWith(".csv");
      const bound = (file.columns ?? []).flatMap((c, i) => (c.content === undefined ? [] : [{ i, field: c.content }]));
      const provenance = provenanceOf(join(request.dir, manifest.provenance.rows.path), file.path)[Symbol.asyncIterator]();
      for await (const written of rowsOf(request.dir, file)) {
        const next = await provenance.next();
        if (next.done) fail(file.path, row, `row ${row} of ${file.path} is not in the provenance: a row was added`);
        const line = next.value as ProvenanceLine;
        if (line.row !== row || line.digest !== written.digest) fail(file.path, row, `row ${row} of ${file.path} is not the row the provenance records: it was changed`);
        for (const [index, digest] of line.sources) {
          if (index >= checkpointSize) fail(file.path, row, `row ${row} cites entry ${index}, beyond the checkpoint`);
          if (digests.get(index) !== digest) fail(file.path, row, `row ${row} cites entry ${index} with a digest the log does not hold`);
        }
        const content = line.sources.length > 0 ? contents.get(line.sources[0]![0]) : undefined;
        if (content && written.cells) {
          for (const { i, field } of bound) {
            if (!sameValue(written.cells[i] ?? null, content[field], csv)) fail(file.path, row, `row ${row}: ${file.columns![i]!.name} is not what entry ${line.sources[0]![0]} holds`);
          }
        }
        row++;
        rows++;
      }
      const extra = await provenance.next();
      if (!extra.done) fail(file.path, row, `row ${row} of ${file.path} is missing: it was dropped`);
      if (row !== file.rows) fail(file.path, row, `${file.path} has ${row} rows; the manifest lists ${file.rows}`);
      if ((await hashFile(join(request.dir, file.path))).sha256 !== file.sha256) fail(file.path, null, `${file.path} is not the file the manifest lists`);
      listed += file.rows;
    }
    if (listed !== manifest.provenance.rows.lines) fail(manifest.provenance.rows.path, null, "the provenance holds rows of files the manifest does not list");
  } catch (error) {
    if (!(error instanceof Mismatch)) throw error;
    return { ok: false, ...summary, rows, entries: cited.size, opened, failure: error.failure };
  }
  return { ok: true, ...summary, rows, entries: cited.size, opened, failure: null };
}

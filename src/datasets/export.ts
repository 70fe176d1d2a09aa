import { mkdir, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { and, count, eq, isNotNull, sql } from "drizzle-orm";
import { invalid } from "../core/errors.ts";
import type { ServiceDeps } from "../platform/deps.ts";
import type { CampaignKind } from "../platform/kind.ts";
import { getCampaign, type CampaignRecord } from "../platform/campaigns/campaigns.ts";
import { erasures } from "../platform/erasure/schema.ts";
import type { Queryable } from "../store/open.ts";
import { rowsOf } from "../store/rows.ts";
import { renderCard, type CardFacts } from "./card.ts";
import { sortKeys } from "./cells.ts";
import { writeTableFiles, writeTrainerFiles, type TrainerRows } from "./data-files.ts";
import { FAMILY, isTableFormat, type Format, type TrainerFormat } from "./formats.ts";
import { MANIFEST_FILE, MANIFEST_VERSION, type DataFile, type Manifest } from "./manifest.ts";
import { campaignTables, describeParticipants } from "./platform-tables.ts";
import { ProvenanceWriter } from "./provenance.ts";
import { DEFAULT_TEST_SHARE } from "./splits.ts";
import type { PreferencePair, SftExample } from "./types.ts";

export interface ExportOptions {
  readonly format: Format;
  /** Share of rows the test split may hold (trainer formats); DEFAULT_TEST_SHARE when absent. */
  readonly testShare?: number | undefined;
  /** The data's license as the Hub names it (`cc-by-4.0`); `other` when absent. */
  readonly license?: string | undefined;
  /** The language of the text, as an ISO 639-1 code; `en` when absent. */
  readonly language?: string | undefined;
}

/** Fails unless `dir` is missing or empty: an export never mixes with other files. */
export async function prepareFolder(dir: string): Promise<void> {
  const existing = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw invalid("out", `cannot use ${dir}: ${error.message}`);
  });
  if (existing.length > 0) throw invalid("out", `${dir} is not empty: export into a new folder`);
  await mkdir(join(dir, "data"), { recursive: true });
  await mkdir(join(dir, "provenance"), { recursive: true });
}

/** The trainer rows a kind gives for a format, or a clear refusal naming `format`. */
export function trainerRowsOf(kind: CampaignKind, format: TrainerFormat): (db: Queryable, campaignId: string) => AsyncIterable<PreferencePair | SftExample> {
  const family = FAMILY[format];
  const trainer = kind.datasets.trainer;
  const source = family === "sft"
    ? trainer.sft && ((db: Queryable, campaignId: string) => trainer.sft!(db, campaignId))
    : trainer.preference && ((db: Queryable, campaignId: string) => trainer.preference!(db, campaignId));
  if (!source) {
    const hint = family === "sft" && kind.datasets.values ? "; `polyphony dataset synthesize` writes SFT rows grounded in its values" : "";
    throw invalid("format", `${kind.id} campaigns give no ${family === "sft" ? "SFT examples" : "preference pairs"}, so there is nothing to write as ${format}${hint}`);
  }
  return source;
}

async function countHidden(db: Queryable, kind: CampaignKind, campaignId: string): Promise<Record<string, number>> {
  const hidden: Record<string, number> = {};
  for (const [name, content] of Object.entries(kind.moderated)) {
    const [row] = await db.select({ n: count() }).from(content.table).where(and(eq(content.table.campaignId, campaignId), isNotNull(content.table.hiddenAt)));
    hidden[name] = row?.n ?? 0;
  }
  return hidden;
}

/**
 * Exports a campaign in `options.format` into the new folder `dir`: the data files, the
 * provenance of every row, a dataset card (README.md) and manifest.json. Rows are read in one
 * REPEATABLE READ transaction, so they are the campaign as it stood at one log size, and the
 * manifest carries a signed checkpoint covering that size. Rows stream from the database to the
 * files; the same campaign at the same log size gives the same bytes.
 */
export async function exportDataset(deps: ServiceDeps, campaignId: string, options: ExportOptions, dir: string): Promise<Manifest> {
  const campaign = await getCampaign(deps.store.db, campaignId);
  const kind = deps.kinds.get(campaign.kind);
  const format = options.format;
  const trainer = isTableFormat(format) ? null : trainerRowsOf(kind, format);
  await prepareFolder(dir);
  const provenance = new ProvenanceWriter(dir);
  const tables = campaignTables(kind.datasets, campaign);
  const read = await deps.store.transaction(async (tx) => {
    await tx.execute(sql`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY`);
    const [head] = rowsOf<{ size: number | string }>(await tx.execute(sql`SELECT size FROM log_head WHERE id = 1`));
    const logSize = Number(head?.size ?? 0);
    let files: DataFile[];
    if (trainer === null) files = await writeTableFiles(tx, dir, format as "csv" | "parquet", tables, campaignId, provenance);
    else {
      const rows: TrainerRows = () => trainer(tx, campaignId);
      files = await writeTrainerFiles(dir, format as TrainerFormat, rows, options.testShare ?? DEFAULT_TEST_SHARE, provenance);
    }
    return { logSize, files, read: await readFacts(tx, kind, campaign) };
  });
  return finishExport(deps, dir, { campaign, kind, format, logSize: read.logSize, files: read.files, provenance, options, read: read.read });
}

/** What the export read, for its card: who took part, what was hidden, how many were erased. */
export interface ReadFacts {
  readonly participants: CardFacts["participants"];
  readonly hidden: CardFacts["hidden"];
  readonly erased: number;
}

/** Reads the card's facts about a campaign (in the export's transaction, for one snapshot). */
export async function readFacts(db: Queryable, kind: CampaignKind, campaign: { id: string; demographics: CampaignRecord["demographics"]; minGroupSize: number }): Promise<ReadFacts> {
  const participants = await describeParticipants(db, campaign.id, campaign.demographics, campaign.minGroupSize);
  const [erased] = await db.select({ n: count() }).from(erasures).where(eq(erasures.campaignId, campaign.id));
  return { participants, hidden: await countHidden(db, kind, campaign.id), erased: erased?.n ?? 0 };
}

/** Signs (or finds) a checkpoint covering the rows, then writes the manifest and the dataset card. */
export async function finishExport(
  deps: ServiceDeps,
  dir: string,
  parts: {
    campaign: CampaignRecord;
    kind: CampaignKind;
    format: Format;
    logSize: number;
    files: DataFile[];
    provenance: ProvenanceWriter;
    options: Omit<ExportOptions, "format">;
    read: ReadFacts;
    synthetic?: { model: string; template: string };
  },
): Promise<Manifest> {
  const { campaign, kind, read, options } = parts;
  const checkpoint = await deps.log.checkpointCovering(Math.max(parts.logSize, 1));
  const written = await parts.provenance.close();
  const manifest: Manifest = {
    version: MANIFEST_VERSION,
    campaign: { id: campaign.id, kind: campaign.kind, title: campaign.title },
    format: parts.format,
    logSize: parts.logSize,
    checkpoint: checkpoint.note,
    files: parts.files,
    provenance: {
      rows: { path: written.rows.path, lines: written.rows.lines, sha256: written.rows.sha256 },
      openings: { path: written.openings.path, lines: written.openings.lines, sha256: written.openings.sha256 },
    },
    ...(parts.synthetic && { synthetic: parts.synthetic }),
  };
  const tables = campaignTables(kind.datasets, campaign);
  const facts: CardFacts = {
    description: campaign.description,
    license: options.license ?? "other",
    language: options.language ?? "en",
    minGroupSize: campaign.minGroupSize,
    participants: read.participants,
    hidden: read.hidden,
    erased: read.erased,
    tables: tables.map((t) => ({ name: t.name, description: t.description, columns: t.columns })),
    kind: kind.datasets.card,
  };
  await writeFile(join(dir, "README.md"), renderCard(manifest, facts));
  await writeFile(join(dir, MANIFEST_FILE), `${JSON.stringify(sortKeys(manifest), null, 2)}\n`);
  return manifest;
}

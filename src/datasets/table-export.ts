import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { notFound } from "../core/errors.ts";
import type { ServiceDeps } from "../platform/deps.ts";
import { getCampaign } from "../platform/campaigns/campaigns.ts";
import { writeTableFiles } from "./data-files.ts";
import type { TableFormat } from "./formats.ts";
import { campaignTables, PLATFORM_TABLES } from "./platform-tables.ts";

/** Every table name some registered kind's campaigns have, for the route's schema. */
export function knownTables(deps: Pick<ServiceDeps, "kinds">): string[] {
  return [...new Set([...deps.kinds.all.flatMap((k) => k.datasets.tables.map((t) => t.name)), ...PLATFORM_TABLES])];
}

/**
 * Writes one raw table of a campaign as `<dir>/data/<table>.<format>` (no card, no provenance:
 * that is `exportDataset`'s), read in one REPEATABLE READ transaction. Returns the file's path.
 */
export async function exportTable(deps: ServiceDeps, campaignId: string, tableName: string, format: TableFormat, dir: string): Promise<string> {
  const campaign = await getCampaign(deps.store.db, campaignId);
  const tables = campaignTables(deps.kinds.get(campaign.kind).datasets, campaign);
  const table = tables.find((t) => t.name === tableName);
  if (!table) throw notFound(`table of ${campaign.kind} campaigns (${tables.map((t) => t.name).join(", ")})`, tableName, "table");
  await mkdir(join(dir, "data"), { recursive: true });
  await deps.store.transaction(async (tx) => {
    await tx.execute(sql`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY`);
    await writeTableFiles(tx, dir, format, [table], campaignId, null);
  });
  return join(dir, "data", `${table.name}.${format}`);
}

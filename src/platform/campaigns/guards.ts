import { eq } from "drizzle-orm";
import { notFound, PolyphonyError } from "../../core/errors.ts";
import type { Queryable, Tx } from "../../store/open.ts";
import { campaigns } from "./schema.ts";

/**
 * Serialises a researcher's curation of a campaign (merges, moderation) with every other such
 * change to it, until the transaction ends: each then reads the state the one before it left, so
 * two merges cannot fold two cards into each other and one hide cannot be recorded twice. The
 * lock (FOR NO KEY UPDATE) does not block contributions, whose foreign keys take only a key-share
 * lock on the campaign row. Fails when the campaign does not exist.
 */
export async function lockCampaignForCuration(tx: Tx, campaignId: string): Promise<void> {
  const [row] = await tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.id, campaignId)).for("no key update");
  if (!row) throw notFound("campaign", campaignId, "campaign");
}

/** Fails unless the campaign exists and takes contributions. */
export async function requireOpenCampaign(db: Queryable, campaignId: string) {
  const [row] = await db.select({ status: campaigns.status }).from(campaigns).where(eq(campaigns.id, campaignId));
  checkOpenCampaign(row?.status ?? null, campaignId);
}

/** Fails unless a campaign of this status (null: none) takes contributions. */
export function checkOpenCampaign(status: string | null, campaignId: string): void {
  if (status === null) throw notFound("campaign", campaignId, "campaign");
  if (status !== "open") throw new PolyphonyError("forbidden", "the campaign is closed to contributions");
}

import { eq } from "drizzle-orm";
import { notFound, PolyphonyError } from "../../core/errors.ts";
import type { Queryable } from "../../store/open.ts";
import { campaigns } from "./schema.ts";

/** Fails unless the campaign exists and takes contributions. */
export async function requireOpenCampaign(db: Queryable, campaignId: string) {
  const [row] = await db.select({ status: campaigns.status }).from(campaigns).where(eq(campaigns.id, campaignId));
  if (!row) throw notFound("campaign", campaignId, "campaign");
  if (row.status !== "open") throw new PolyphonyError("forbidden", "the campaign is closed to contributions");
}

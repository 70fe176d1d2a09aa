import { and, eq } from "drizzle-orm";
import { invalid, notFound, PolyphonyError } from "../../core/errors.ts";
import type { Queryable } from "../../store/open.ts";
import { campaigns } from "./schema.ts";
import { contexts } from "../../kinds/moral-graph/schema.ts";

/** Fails unless the campaign exists and takes contributions. */
export async function requireOpenCampaign(db: Queryable, campaignId: string) {
  const [row] = await db.select({ status: campaigns.status }).from(campaigns).where(eq(campaigns.id, campaignId));
  if (!row) throw notFound("campaign", campaignId, "campaign");
  if (row.status !== "open") throw new PolyphonyError("forbidden", "the campaign is closed to contributions");
}

/** Fails unless `contextId` is one of the campaign's contexts. */
export async function requireContext(db: Queryable, campaignId: string, contextId: string, field = "context") {
  const [row] = await db
    .select({ id: contexts.id, name: contexts.name })
    .from(contexts)
    .where(and(eq(contexts.id, contextId), eq(contexts.campaignId, campaignId)));
  if (!row) throw invalid(field, `${JSON.stringify(contextId)} is not a context of this campaign`);
  return row;
}

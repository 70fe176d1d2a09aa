import { eq } from "drizzle-orm";
import { notFound } from "../../core/errors.ts";
import type { Queryable } from "../../store/open.ts";
import { campaigns } from "./schema.ts";

export type ResultsVisibility = "public" | "token";

/** Whether a campaign's results (graph, export, legitimacy figures) are public or token-only. */
export async function readResultsVisibility(db: Queryable, campaignId: string): Promise<ResultsVisibility> {
  const [row] = await db.select({ visibility: campaigns.resultsVisibility }).from(campaigns).where(eq(campaigns.id, campaignId));
  if (!row) throw notFound("campaign", campaignId, "campaign");
  return row.visibility === "token" ? "token" : "public";
}

import type { Context } from "hono";
import { eq } from "drizzle-orm";
import { notFound, PolyphonyError } from "../../core/errors.ts";
import type { ServiceDeps } from "../deps.ts";
import { offersResearcherToken, researcherOf } from "../auth/http-auth.ts";
import { campaigns } from "./schema.ts";
import { RESEARCHER_VIEW, type GroupPolicy } from "./group-privacy.ts";

/**
 * Lets the request read a campaign's results and says how they may be broken down by group. A
 * researcher token sees everything; without one, results are readable only when the campaign
 * made them public, and then only through the public grouping rules (group-privacy.ts). A token
 * that is not a researcher's reads public results as the public does. Unknown campaigns answer 404.
 */
export async function resultsAudience(c: Context, deps: ServiceDeps, campaignId: string): Promise<GroupPolicy> {
  const [row] = await deps.store.db
    .select({ visibility: campaigns.resultsVisibility, minGroupSize: campaigns.minGroupSize })
    .from(campaigns)
    .where(eq(campaigns.id, campaignId));
  if (!row) throw notFound("campaign", campaignId, "campaign");
  const publicView: GroupPolicy = { audience: "public", minGroupSize: row.minGroupSize };
  const hasToken = offersResearcherToken(c);
  if (row.visibility === "public") {
    if (!hasToken) return publicView;
    return researcherOf(c, deps).then(
      () => RESEARCHER_VIEW,
      () => publicView,
    );
  }
  if (!hasToken) {
    throw new PolyphonyError("unauthorized", "the results of this campaign are visible to researchers only: send a researcher token", {
      field: "authorization",
    });
  }
  await researcherOf(c, deps);
  return RESEARCHER_VIEW;
}

import { and, eq, isNull } from "drizzle-orm";
import { invalid, notFound } from "../../core/errors.ts";
import type { Queryable } from "../../store/open.ts";
import { campaigns } from "../../platform/campaigns/schema.ts";
import { behaviours, scenarios } from "./schema.ts";

/** Fails unless the campaign exists and is a scenarios campaign. */
export async function requireScenariosCampaign(db: Queryable, campaignId: string) {
  const [row] = await db.select({ kind: campaigns.kind, minGroupSize: campaigns.minGroupSize }).from(campaigns).where(eq(campaigns.id, campaignId));
  if (!row) throw notFound("campaign", campaignId, "campaign");
  if (row.kind !== "scenarios") throw invalid("campaign", `campaign ${campaignId} is a ${row.kind} campaign, not a scenarios one`);
  return row;
}

/** The visible scenario of this campaign; not found otherwise. */
export async function requireScenario(db: Queryable, campaignId: string, scenarioId: string) {
  const [row] = await db
    .select({ id: scenarios.id, gold: scenarios.gold })
    .from(scenarios)
    .where(and(eq(scenarios.id, scenarioId), eq(scenarios.campaignId, campaignId), isNull(scenarios.hiddenAt)));
  if (!row) throw notFound("scenario", scenarioId, "scenario");
  return row;
}

/** The ids of a scenario's visible behaviours (erased ones, with no text, are not among them). */
export async function listBehaviourIds(db: Queryable, scenarioId: string): Promise<Set<string>> {
  const rows = await db
    .select({ id: behaviours.id, description: behaviours.description })
    .from(behaviours)
    .where(and(eq(behaviours.scenarioId, scenarioId), isNull(behaviours.hiddenAt)));
  return new Set(rows.filter((r) => r.description !== "").map((r) => r.id));
}

import { z } from "@hono/zod-openapi";
import { and, asc, count, eq, isNull } from "drizzle-orm";
import type { Queryable, Tx } from "../../store/open.ts";
import type { KindErasure } from "../../platform/kind.ts";
import { behaviours, behaviourTags, scenarioRankings, scenarioRationales, scenarios } from "./schema.ts";

/**
 * Blanks the behaviours a participant proposed (description and thoughts) and deletes their
 * rationales: the text they wrote. Their rankings, skips and tags are judgments with no text of
 * theirs and stay, as a moral-graph vote does; a blanked behaviour drops out of every ranking's
 * results and export.
 */
export async function eraseScenarioText(tx: Tx, participantId: string): Promise<KindErasure> {
  await tx.update(behaviours).set({ description: "", thoughts: null }).where(eq(behaviours.participantId, participantId));
  await tx.delete(scenarioRationales).where(eq(scenarioRationales.participantId, participantId));
  return { entries: [], removed: {} };
}

export const ParticipantScenarios = z.object({
  behaviours: z.number().int().openapi({ description: "Behaviours the participant proposed" }),
  ranked: z.array(z.object({ scenario: z.string(), skipped: z.boolean() })).openapi({ description: "Scenarios the participant ranked or skipped, oldest first" }),
});

/** What a participant proposed and which scenarios they ranked or skipped, for their browser to resume. */
export async function readParticipantScenarios(db: Queryable, participantId: string): Promise<z.infer<typeof ParticipantScenarios>> {
  const [proposed] = await db
    .select({ n: count() })
    .from(behaviours)
    .where(and(eq(behaviours.participantId, participantId), isNull(behaviours.hiddenAt)));
  const ranked = await db
    .select({ scenario: scenarioRankings.scenarioId, skipped: scenarioRankings.skipped })
    .from(scenarioRankings)
    .where(eq(scenarioRankings.participantId, participantId))
    .orderBy(asc(scenarioRankings.createdAt), asc(scenarioRankings.id));
  return { behaviours: proposed?.n ?? 0, ranked };
}

export const ScenarioStats = z.object({
  scenarios: z.number().int(),
  behaviours: z.number().int(),
  rankings: z.number().int(),
  skips: z.number().int(),
  tags: z.number().int(),
  rationales: z.number().int(),
});

/** Counts of a campaign's visible scenarios, behaviours, rankings, skips, tags and rationales. */
export async function countScenarioContributions(db: Queryable, campaignId: string): Promise<z.infer<typeof ScenarioStats>> {
  const visible = async (table: typeof scenarios | typeof behaviours | typeof scenarioRationales) => {
    const [row] = await db.select({ n: count() }).from(table).where(and(eq(table.campaignId, campaignId), isNull(table.hiddenAt)));
    return row?.n ?? 0;
  };
  const rankings = await db
    .select({ skipped: scenarioRankings.skipped, n: count() })
    .from(scenarioRankings)
    .where(and(eq(scenarioRankings.campaignId, campaignId), isNull(scenarioRankings.hiddenAt)))
    .groupBy(scenarioRankings.skipped);
  const [tags] = await db.select({ n: count() }).from(behaviourTags).where(eq(behaviourTags.campaignId, campaignId));
  return {
    scenarios: await visible(scenarios),
    behaviours: await visible(behaviours),
    rankings: rankings.find((r) => !r.skipped)?.n ?? 0,
    skips: rankings.find((r) => r.skipped)?.n ?? 0,
    tags: tags?.n ?? 0,
    rationales: await visible(scenarioRationales),
  };
}

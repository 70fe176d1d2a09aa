import { and, asc, count, eq, isNull, sql } from "drizzle-orm";
import type { Queryable } from "../../store/open.ts";
import { rowsOf } from "../../store/rows.ts";
import { canonicalCards, contexts, stories, valuesCards, votes } from "../../kinds/moral-graph/schema.ts";
import { participants, surveyAnswers } from "../participants/schema.ts";
import { getCampaign } from "../campaigns/campaigns.ts";
import { STEPS, type Step } from "../schemas.ts";

export interface FunnelStep {
  step: Step;
  /** Participants who reached this step. */
  participants: number;
  /**
   * Median seconds from the step a participant reached just before this one (by time) to this
   * one; null when nobody reached it after another step.
   */
  medianSeconds: number | null;
}

async function countWhere(db: Queryable, table: typeof valuesCards | typeof stories | typeof participants | typeof surveyAnswers, where: ReturnType<typeof and>) {
  const [row] = await db.select({ n: count() }).from(table).where(where);
  return row?.n ?? 0;
}

/** The completion funnel: participants per step in the flow's order, with median time to reach it. */
export async function computeFunnel(db: Queryable, campaignId: string): Promise<FunnelStep[]> {
  const result = await db.execute(sql`
    SELECT step, count(*)::int AS participants,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) AS median
    FROM (
      SELECT step, extract(epoch FROM at - lag(at) OVER (PARTITION BY participant_id ORDER BY at, step))::float8 AS seconds
      FROM progress_events WHERE campaign_id = ${campaignId}
    ) timed
    GROUP BY step`);
  const byStep = new Map(rowsOf<{ step: string; participants: number; median: number | string | null }>(result).map((r) => [r.step, r]));
  return STEPS.map((step) => {
    const row = byStep.get(step);
    return {
      step,
      participants: row ? Number(row.participants) : 0,
      medianSeconds: row?.median === null || row?.median === undefined ? null : Number(row.median),
    };
  });
}

/**
 * Live progress of a campaign for its researchers: how many took part and contributed, votes
 * per context, and the completion funnel. Hidden contributions are not counted.
 */
export async function computeCampaignStats(db: Queryable, campaignId: string) {
  await getCampaign(db, campaignId);
  const [canonical] = await db
    .select({ n: count() })
    .from(canonicalCards)
    .where(and(eq(canonicalCards.campaignId, campaignId), isNull(canonicalCards.hiddenAt), isNull(canonicalCards.mergedInto)));
  const perContext = await db
    .select({ id: contexts.id, name: contexts.name, votes: count(votes.id) })
    .from(contexts)
    .leftJoin(votes, and(eq(votes.contextId, contexts.id), isNull(votes.hiddenAt)))
    .where(eq(contexts.campaignId, campaignId))
    .groupBy(contexts.id, contexts.name, contexts.position)
    .orderBy(asc(contexts.position));
  return {
    participants: await countWhere(db, participants, eq(participants.campaignId, campaignId)),
    cards: await countWhere(db, valuesCards, and(eq(valuesCards.campaignId, campaignId), isNull(valuesCards.hiddenAt))),
    canonicalCards: canonical?.n ?? 0,
    votes: perContext.reduce((sum, c) => sum + c.votes, 0),
    votesPerContext: perContext.map((c) => ({ context: { id: c.id, name: c.name }, votes: c.votes })),
    stories: await countWhere(db, stories, and(eq(stories.campaignId, campaignId), isNull(stories.hiddenAt))),
    surveys: await countWhere(db, surveyAnswers, eq(surveyAnswers.campaignId, campaignId)),
    funnel: await computeFunnel(db, campaignId),
  };
}

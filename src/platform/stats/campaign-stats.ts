import { count, eq, sql } from "drizzle-orm";
import type { Queryable } from "../../store/open.ts";
import { rowsOf } from "../../store/rows.ts";
import { participants, surveyAnswers } from "../participants/schema.ts";
import { kindOfCampaign } from "../campaigns/campaigns.ts";
import type { KindRegistry } from "../kind.ts";

export interface FunnelStep {
  step: string;
  /** Participants who reached this step. */
  participants: number;
  /**
   * Median seconds from the step a participant reached just before this one (by time) to this
   * one; null when nobody reached it after another step.
   */
  medianSeconds: number | null;
}

/** The completion funnel: participants per step in the flow's order, with median time to reach it. */
export async function computeFunnel(db: Queryable, flow: readonly string[], campaignId: string): Promise<FunnelStep[]> {
  const result = await db.execute(sql`
    SELECT step, count(*)::int AS participants,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) AS median
    FROM (
      SELECT step, extract(epoch FROM at - lag(at) OVER (PARTITION BY participant_id ORDER BY at, step))::float8 AS seconds
      FROM progress_events WHERE campaign_id = ${campaignId}
    ) timed
    GROUP BY step`);
  const byStep = new Map(rowsOf<{ step: string; participants: number; median: number | string | null }>(result).map((r) => [r.step, r]));
  return flow.map((step) => {
    const row = byStep.get(step);
    return {
      step,
      participants: row ? Number(row.participants) : 0,
      medianSeconds: row?.median === null || row?.median === undefined ? null : Number(row.median),
    };
  });
}

/**
 * Live progress of a campaign for its researchers: how many took part, what they contributed
 * as the campaign's kind counts it (for moral graphs: cards, canonical cards, votes per context,
 * stories), how many answered the survey, and the completion funnel. Hidden contributions are
 * not counted.
 */
export async function computeCampaignStats(db: Queryable, kinds: KindRegistry, campaignId: string) {
  const kind = await kindOfCampaign(db, kinds, campaignId);
  const [joined] = await db.select({ n: count() }).from(participants).where(eq(participants.campaignId, campaignId));
  const [surveyed] = await db.select({ n: count() }).from(surveyAnswers).where(eq(surveyAnswers.campaignId, campaignId));
  return {
    participants: joined?.n ?? 0,
    ...(await kind.stats.read(db, campaignId)),
    surveys: surveyed?.n ?? 0,
    funnel: await computeFunnel(db, kinds.stepsOf(kind), campaignId),
  };
}

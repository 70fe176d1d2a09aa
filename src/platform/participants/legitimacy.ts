import { and, count, eq, gte, sql } from "drizzle-orm";
import { invalid } from "../../core/errors.ts";
import type { Queryable } from "../../store/open.ts";
import { participantAnswers, participants, surveyAnswers } from "./schema.ts";
import { getCampaign } from "../campaigns/campaigns.ts";

/** Answers of 4 or 5 on the 1–5 scale count as agreeing. */
const AGREES = 4;

export interface Share {
  count: number;
  /** count / surveyed; null when nobody answered the survey. */
  share: number | null;
}

export interface LegitimacyFigures {
  participants: number;
  surveyed: number;
  represented: Share;
  fair: Share;
}

interface Tally {
  participants: number;
  surveyed: number;
  represented: number;
  fair: number;
}

function toFigures(t: Tally): LegitimacyFigures {
  const share = (n: number): Share => ({ count: n, share: t.surveyed === 0 ? null : n / t.surveyed });
  return { participants: t.participants, surveyed: t.surveyed, represented: share(t.represented), fair: share(t.fair) };
}

/**
 * How many took part, how many answered the closing survey, and what share of those felt
 * represented and think the process fair (4–5 of 5), overall and per answer to the demographic
 * question `groupBy`. Groups list the question's options first (even empty ones, so that an
 * unheard group shows), then other answers; `group: null` holds those who gave no answer.
 */
export async function computeLegitimacy(db: Queryable, campaignId: string, groupBy?: string) {
  const campaign = await getCampaign(db, campaignId);
  const question = groupBy === undefined ? undefined : campaign.demographics.find((d) => d.key === groupBy);
  if (groupBy !== undefined && !question) throw invalid("groupBy", `the campaign asks no demographic question "${groupBy}"`);
  // Without `groupBy` the join matches nothing (no key is empty), so everyone falls in one group.
  const group = participantAnswers.value;
  const rows = await db
    .select({
      group,
      participants: count(participants.id),
      surveyed: count(surveyAnswers.participantId),
      represented: count(sql`case when ${gte(surveyAnswers.represented, AGREES)} then 1 end`),
      fair: count(sql`case when ${gte(surveyAnswers.fair, AGREES)} then 1 end`),
    })
    .from(participants)
    .leftJoin(surveyAnswers, eq(surveyAnswers.participantId, participants.id))
    .leftJoin(participantAnswers, and(eq(participantAnswers.participantId, participants.id), eq(participantAnswers.key, groupBy ?? "")))
    .where(eq(participants.campaignId, campaignId))
    .groupBy(group);
  const total: Tally = { participants: 0, surveyed: 0, represented: 0, fair: 0 };
  for (const r of rows) {
    total.participants += r.participants;
    total.surveyed += r.surveyed;
    total.represented += r.represented;
    total.fair += r.fair;
  }
  const overall = toFigures(total);
  if (!question) return { overall, groupBy: null, groups: [] };
  const tallies = new Map(rows.map((r) => [r.group, r]));
  const empty = { participants: 0, surveyed: 0, represented: 0, fair: 0 };
  const answered = [...tallies.keys()].filter((g): g is string => g !== null && !question.options?.includes(g)).sort();
  const labels: (string | null)[] = [...(question.options ?? []), ...answered];
  if (tallies.has(null)) labels.push(null);
  return {
    overall,
    groupBy: question.key,
    groups: labels.map((label) => ({ group: label, ...toFigures(tallies.get(label) ?? empty) })),
  };
}

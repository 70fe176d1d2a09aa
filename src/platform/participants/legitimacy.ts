import { and, count, eq, gte, sql } from "drizzle-orm";
import type { Queryable } from "../../store/open.ts";
import { participantAnswers, participants, surveyAnswers } from "./schema.ts";
import { getCampaign } from "../campaigns/campaigns.ts";
import { groupingQuestion, RESEARCHER_VIEW, visibleGroups, type GroupPolicy } from "../campaigns/group-privacy.ts";

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

/** A group the view does not show: too small, or small enough together with the other hidden ones to be derived. */
export interface HiddenGroup {
  group: string | null;
  hidden: true;
}

/**
 * How many took part, how many answered the closing survey, and what share of those felt
 * represented and think the process fair (4–5 of 5), overall and per answer to the demographic
 * question `groupBy`. Groups list the question's options first (even empty ones, so that an
 * unheard group shows), then, for researchers, other answers; `group: null` holds those who gave
 * no answer. In public, groups are hidden by the rules of group-privacy.ts.
 */
export async function computeLegitimacy(db: Queryable, campaignId: string, groupBy?: string, policy: GroupPolicy = RESEARCHER_VIEW) {
  const campaign = await getCampaign(db, campaignId);
  const question = groupBy === undefined ? undefined : groupingQuestion(campaign.demographics, groupBy, policy);
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
  const minGroupSize = policy.audience === "public" ? policy.minGroupSize : null;
  if (!question) return { overall, groupBy: null, minGroupSize, groups: [] };
  const tallies = new Map(rows.map((r) => [r.group, r]));
  const empty = { participants: 0, surveyed: 0, represented: 0, fair: 0 };
  const shown = visibleGroups(new Map(rows.map((r) => [r.group, r.participants])), question, policy);
  const answered = policy.audience === "public" ? [] : [...tallies.keys()].filter((g): g is string => g !== null && !question.options?.includes(g)).sort();
  const labels: (string | null)[] = [...(question.options ?? []), ...answered];
  if (tallies.has(null)) labels.push(null);
  return {
    overall,
    groupBy: question.key,
    minGroupSize,
    groups: labels.map((label): ({ group: string | null } & LegitimacyFigures) | HiddenGroup => {
      const tally = tallies.get(label) ?? empty;
      // An option nobody chose is shown as empty: it reveals no one.
      return tally.participants === 0 || shown.has(label) ? { group: label, ...toFigures(tally) } : { group: label, hidden: true };
    }),
  };
}

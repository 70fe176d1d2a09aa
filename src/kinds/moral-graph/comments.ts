import { aliasedTable, and, asc, eq, isNotNull, isNull, ne } from "drizzle-orm";
import { getCampaign } from "../../platform/campaigns/campaigns.ts";
import { surveyAnswers } from "../../platform/participants/schema.ts";
import type { Queryable } from "../../store/open.ts";
import { canonicalCards, contexts, votes } from "./schema.ts";

/**
 * What participants wrote beside their answers, for the campaign's researchers: the reasons given
 * with votes (hidden votes left out) and the closing survey's comments. Each names the
 * participant's pseudonymous id, so a researcher can read one person's comments together.
 */
export async function listComments(db: Queryable, campaignId: string) {
  await getCampaign(db, campaignId);
  const from = aliasedTable(canonicalCards, "from_card");
  const to = aliasedTable(canonicalCards, "to_card");
  const reasons = await db
    .select({
      id: votes.id,
      participant: votes.participantId,
      relationship: votes.relationship,
      comment: votes.comment,
      context: contexts.name,
      from: from.title,
      to: to.title,
      createdAt: votes.createdAt,
    })
    .from(votes)
    .innerJoin(contexts, eq(contexts.id, votes.contextId))
    .innerJoin(from, eq(from.id, votes.fromId))
    .innerJoin(to, eq(to.id, votes.toId))
    .where(and(eq(votes.campaignId, campaignId), isNull(votes.hiddenAt), isNotNull(votes.comment), ne(votes.comment, "")))
    .orderBy(asc(votes.createdAt), asc(votes.id));
  const survey = await db
    .select({
      participant: surveyAnswers.participantId,
      represented: surveyAnswers.represented,
      fair: surveyAnswers.fair,
      comment: surveyAnswers.comment,
      createdAt: surveyAnswers.createdAt,
    })
    .from(surveyAnswers)
    .where(and(eq(surveyAnswers.campaignId, campaignId), isNotNull(surveyAnswers.comment), ne(surveyAnswers.comment, "")))
    .orderBy(asc(surveyAnswers.createdAt), asc(surveyAnswers.participantId));
  return {
    votes: reasons.map((r) => ({ ...r, comment: r.comment!, createdAt: r.createdAt.toISOString() })),
    survey: survey.map((s) => ({ ...s, comment: s.comment!, createdAt: s.createdAt.toISOString() })),
  };
}

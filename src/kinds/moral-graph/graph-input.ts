import { and, count, eq } from "drizzle-orm";
import { invalid } from "../../core/errors.ts";
import type { Queryable } from "../../store/open.ts";
import { participantAnswers, participants } from "../../platform/participants/schema.ts";
import { visibleGroups, type GroupPolicy } from "../../platform/campaigns/group-privacy.ts";
import type { DemographicQuestion } from "../../platform/campaigns/schema.ts";
import { getMoralGraphCampaign, type MoralGraphCampaign } from "./campaign-settings.ts";
import { loadVoteText } from "./results/load-votes.ts";
import { countVotes } from "./results/vote-text.ts";

/** Finds a campaign context by id or by name. */
export function findContext(campaign: MoralGraphCampaign, idOrName: string) {
  const context = campaign.contexts.find((c) => c.id === idOrName || c.name === idOrName);
  if (!context) throw invalid("context", `${JSON.stringify(idOrName)} is not a context of this campaign`);
  return context;
}

/** A campaign's upgrade votes as they count (`countVotes`), and its active canonical cards by id. */
export async function loadUpgradeVotes(db: Queryable, campaignId: string) {
  const campaign = await getMoralGraphCampaign(db, campaignId);
  const { text, cards } = await loadVoteText(db, campaignId, campaign.contexts.map((c) => c.id));
  return { votes: countVotes(text), cards };
}

/**
 * Each participant's answer to one demographic question, as the index of a group label: the
 * groups `policy` lets its reader see (group-privacy.ts); a participant in a hidden group, or who
 * gave no answer, belongs to none.
 */
export async function loadGroupAnswers(db: Queryable, campaignId: string, question: DemographicQuestion, policy: GroupPolicy) {
  const rows = await db
    .select({ participant: participantAnswers.participantId, value: participantAnswers.value })
    .from(participantAnswers)
    .innerJoin(participants, eq(participants.id, participantAnswers.participantId))
    .where(and(eq(participants.campaignId, campaignId), eq(participantAnswers.key, question.key)));
  const sizes = new Map<string | null, number>();
  for (const r of rows) sizes.set(r.value, (sizes.get(r.value) ?? 0) + 1);
  const [{ n: everyone } = { n: 0 }] = await db.select({ n: count() }).from(participants).where(eq(participants.campaignId, campaignId));
  if (everyone > rows.length) sizes.set(null, everyone - rows.length);
  const shown = visibleGroups(sizes, question, policy);
  const answered = rows.filter((r) => shown.has(r.value));
  const labels = [...new Set(answered.map((r) => r.value))].sort();
  const index = new Map(labels.map((l, i) => [l, i]));
  return { labels, of: new Map(answered.map((r) => [r.participant, index.get(r.value)!])) };
}

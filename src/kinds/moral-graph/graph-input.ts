import { and, asc, count, eq, isNull } from "drizzle-orm";
import { resolveCanonical } from "./core/canonical.ts";
import { indexVotes } from "./core/index-votes.ts";
import type { IndexedVotes, UpgradeVote } from "./core/types.ts";
import { invalid } from "../../core/errors.ts";
import type { Queryable } from "../../store/open.ts";
import { participantAnswers, participants } from "../../platform/participants/schema.ts";
import { votes } from "./schema.ts";
import { visibleGroups, type GroupPolicy } from "../../platform/campaigns/group-privacy.ts";
import type { DemographicQuestion } from "../../platform/campaigns/schema.ts";
import { getMoralGraphCampaign, type MoralGraphCampaign } from "./campaign-settings.ts";
import { listCanonicalCards, listHiddenCardIds, type CanonicalCardView } from "./cards.ts";

export interface GraphInput {
  campaign: MoralGraphCampaign;
  votes: IndexedVotes;
  /** Active canonical cards by id. */
  cards: Map<string, CanonicalCardView>;
  contextName: Map<string, string>;
}

/** Finds a campaign context by id or by name. */
export function findContext(campaign: MoralGraphCampaign, idOrName: string) {
  const context = campaign.contexts.find((c) => c.id === idOrName || c.name === idOrName);
  if (!context) throw invalid("context", `${JSON.stringify(idOrName)} is not a context of this campaign`);
  return context;
}

/**
 * A campaign's upgrade votes as they count. Votes on merged cards count for the card they were
 * merged into; when a merge makes two of a participant's votes share a key, the later one counts,
 * as it would had the participant voted again; an upgrade from a card to itself is dropped.
 * Hidden (moderated) votes do not count; votes touching a hidden card do not either.
 */
export async function loadUpgradeVotes(db: Queryable, campaignId: string, options: { contextId?: string | undefined } = {}) {
  const all = await listCanonicalCards(db, campaignId, { includeMerged: true });
  const root = resolveCanonical(new Map(all.map((c) => [c.id, c.mergedInto])));
  const hidden = await listHiddenCardIds(db, campaignId);
  const rows = await db
    .select({
      participant: votes.participantId,
      from: votes.fromId,
      to: votes.toId,
      context: votes.contextId,
      relationship: votes.relationship,
    })
    .from(votes)
    .where(and(eq(votes.campaignId, campaignId), isNull(votes.hiddenAt), options.contextId ? eq(votes.contextId, options.contextId) : undefined))
    .orderBy(asc(votes.updatedAt), asc(votes.id));
  const latest = new Map<string, UpgradeVote>();
  for (const row of rows) {
    const from = root.get(row.from) ?? row.from;
    const to = root.get(row.to) ?? row.to;
    if (from === to || hidden.has(from) || hidden.has(to)) continue;
    latest.set(`${row.participant}\u0000${from}\u0000${to}\u0000${row.context}`, {
      participant: row.participant,
      from,
      to,
      context: row.context,
      relationship: row.relationship,
    });
  }
  const cards = new Map(all.filter((c) => c.mergedInto === null).map((c) => [c.id, c]));
  return { votes: [...latest.values()], cards };
}

/** Loads a campaign's counted upgrade votes (`loadUpgradeVotes`) and cards for scoring. */
export async function loadGraphInput(db: Queryable, campaignId: string, options: { context?: string } = {}): Promise<GraphInput> {
  const campaign = await getMoralGraphCampaign(db, campaignId);
  const contextId = options.context === undefined ? undefined : findContext(campaign, options.context).id;
  const { votes: counted, cards } = await loadUpgradeVotes(db, campaignId, { contextId });
  return {
    campaign,
    // Every active card is a node, voted on or not, so a first vote never changes the node set.
    votes: indexVotes(counted, { cards: [...cards.keys()], contexts: campaign.contexts.map((c) => c.id) }),
    cards,
    contextName: new Map(campaign.contexts.map((c) => [c.id, c.name])),
  };
}

/**
 * Each participant's answer to one demographic question, as group labels: the groups `policy`
 * lets its reader see (group-privacy.ts); a participant in a hidden group belongs to none.
 */
export async function loadGroups(db: Queryable, campaignId: string, question: DemographicQuestion, participantIds: readonly string[], policy: GroupPolicy) {
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
  const answer = new Map(rows.filter((r) => shown.has(r.value)).map((r) => [r.participant, r.value]));
  const labels = [...new Set(answer.values())].sort();
  const index = new Map(labels.map((l, i) => [l, i]));
  const ofParticipant = Int32Array.from(participantIds, (p) => {
    const a = answer.get(p);
    return a === undefined ? -1 : index.get(a)!;
  });
  return { labels, ofParticipant };
}

import { and, eq, getTableColumns, sql } from "drizzle-orm";
import { invalid } from "../../core/errors.ts";
import { stories, votes } from "./schema.ts";
import { requireActiveCard } from "./cards.ts";
import type { ServiceDeps } from "../../platform/deps.ts";
import { requireOpenCampaign } from "../../platform/campaigns/guards.ts";
import { requireContext } from "./campaign-settings.ts";
import { newId } from "../../platform/ids.ts";
import { signContribution } from "../../platform/participants/participant-keys.ts";
import type { Participant } from "../../platform/participants/participants.ts";
import type { CastVote } from "./inputs.ts";

/**
 * Records a participant's judgment of an upgrade from one canonical card to another in a context.
 * The key is (participant, from, to, context): voting again replaces the earlier vote. Each vote is
 * logged under the participant's key, signed over its content; a replacing vote says so.
 */
export async function castVote(deps: ServiceDeps, participant: Participant, input: CastVote) {
  const campaignId = participant.campaignId;
  if (input.from === input.to) throw invalid("to", "an upgrade needs two different cards");
  const { value: vote, receipts } = await deps.log.commit(async (tx, now) => {
    await requireOpenCampaign(tx, campaignId);
    await requireContext(tx, campaignId, input.context);
    await requireActiveCard(tx, campaignId, input.from, "from");
    await requireActiveCard(tx, campaignId, input.to, "to");
    if (input.story !== undefined) {
      const [story] = await tx
        .select({ id: stories.id })
        .from(stories)
        .where(
          and(
            eq(stories.id, input.story),
            eq(stories.campaignId, campaignId),
            eq(stories.fromId, input.from),
            eq(stories.toId, input.to),
            eq(stories.contextId, input.context),
          ),
        );
      if (!story) throw invalid("story", "the story does not tell this upgrade in this context");
    }
    const content = {
      from: input.from,
      to: input.to,
      context: input.context,
      relationship: input.relationship,
      ...(input.comment !== undefined && { comment: input.comment }),
      ...(input.story !== undefined && { story: input.story }),
    };
    const signed = await signContribution(tx, participant, "vote", content, now);
    const [row] = await tx
      .insert(votes)
      .values({
        id: newId("vote"),
        campaignId,
        participantId: participant.id,
        fromId: input.from,
        toId: input.to,
        contextId: input.context,
        storyId: input.story ?? null,
        relationship: input.relationship,
        comment: input.comment ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [votes.participantId, votes.fromId, votes.toId, votes.contextId],
        set: {
          relationship: input.relationship,
          comment: input.comment ?? null,
          storyId: input.story ?? null,
          updatedAt: now,
          // A new judgment is new content: moderation of the one it replaces does not carry over.
          hiddenAt: null,
          hiddenReason: null,
        },
      })
      // xmax is 0 on a freshly inserted row and set on one the conflict updated.
      .returning({ ...getTableColumns(votes), inserted: sql<boolean>`(xmax = 0)` });
    const { inserted, ...vote } = row!;
    const refs = {
      vote: vote.id,
      from: input.from,
      to: input.to,
      context: input.context,
      ...(input.story !== undefined && { story: input.story }),
      replaced: !inserted,
    };
    const draft = { kind: "vote", campaign: campaignId, author: signed.author, refs, content, signature: signed.signature, participant: participant.id };
    return {
      drafts: [draft],
      value: {
        id: vote.id,
        from: vote.fromId,
        to: vote.toId,
        context: vote.contextId,
        relationship: vote.relationship,
        comment: vote.comment,
        story: vote.storyId,
        createdAt: vote.createdAt.toISOString(),
        updatedAt: vote.updatedAt.toISOString(),
      },
    };
  });
  return { vote, receipt: receipts[0]! };
}

import { invalid } from "../core/errors.ts";
import { votes } from "../store/schema.ts";
import { and, eq } from "drizzle-orm";
import { requireActiveCard } from "./cards.ts";
import type { ServiceDeps } from "./deps.ts";
import { requireContext, requireOpenCampaign } from "./guards.ts";
import { newId } from "./ids.ts";
import type { Participant } from "./participants.ts";
import type { CastVote } from "./schemas.ts";
import { stories } from "../store/schema.ts";

/**
 * Records a participant's judgment of an upgrade from one canonical card to another in a context.
 * The key is (participant, from, to, context): voting again replaces the earlier vote.
 */
export async function castVote(deps: ServiceDeps, participant: Participant, input: CastVote) {
  const campaignId = participant.campaignId;
  if (input.from === input.to) throw invalid("to", "an upgrade needs two different cards");
  return deps.store.transaction(async (tx) => {
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
    const now = deps.clock.now();
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
      .returning();
    const vote = row!;
    return {
      vote: {
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
}

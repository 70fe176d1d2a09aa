import { z } from "@hono/zod-openapi";
import { and, asc, count, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Queryable, Tx } from "../../store/open.ts";
import { rowsOf } from "../../store/rows.ts";
import type { KindErasure } from "../../platform/kind.ts";
import { articulationChats, canonicalCards, contexts, stories, valuesCards, votes } from "./schema.ts";

/** Canonical cards made from the participant's own cards: their `canonical_card` entries name them. */
async function listCanonicalCardsOf(tx: Tx, participantId: string): Promise<string[]> {
  const result = await tx.execute(sql`
    SELECT convert_from(e.leaf, 'UTF8')::jsonb -> 'body' ->> 'card' AS card
    FROM log_openings o JOIN log_entries e ON e.index = o.entry_index
    WHERE o.participant_id = ${participantId} AND e.kind = 'canonical_card'`);
  return rowsOf<{ card: string }>(result).map((r) => r.card);
}

/** What a story written from an erased card says instead of its text, and why it is no longer served. */
export const ERASED_STORY_REASON = "erased: it was written from a values card whose author asked to be forgotten";

/**
 * Blanks the text of a participant's values cards and of the canonical cards made from them,
 * clears their vote comments and deletes their articulation chats. Stories written from those
 * canonical cards quote them, so their text goes too (and their entries' openings): they are
 * hidden with the reason, and the erasure reports how many. Their votes stay.
 */
export async function eraseMoralGraphText(tx: Tx, participantId: string, now: Date): Promise<KindErasure> {
  const blank = { title: "", description: "", policies: [] as string[] };
  await tx.update(valuesCards).set(blank).where(eq(valuesCards.participantId, participantId));
  const canonical = await listCanonicalCardsOf(tx, participantId);
  let derived: string[] = [];
  if (canonical.length > 0) {
    await tx.update(canonicalCards).set(blank).where(inArray(canonicalCards.id, canonical));
    const erased = await tx
      .update(stories)
      .set({ text: "", hiddenAt: now, hiddenReason: ERASED_STORY_REASON })
      .where(or(inArray(stories.fromId, canonical), inArray(stories.toId, canonical)))
      .returning({ id: stories.id });
    derived = erased.map((s) => s.id);
  }
  await tx.update(votes).set({ comment: null }).where(eq(votes.participantId, participantId));
  await tx.delete(articulationChats).where(eq(articulationChats.participantId, participantId));
  const entries =
    derived.length === 0
      ? []
      : rowsOf<{ index: number | string }>(
          await tx.execute(sql`
            SELECT e.index FROM log_entries e
            WHERE e.kind = 'story' AND convert_from(e.leaf, 'UTF8')::jsonb -> 'body' ->> 'story' IN (${sql.join(derived.map((id) => sql`${id}`), sql`, `)})`),
        ).map((r) => Number(r.index));
  return { entries, removed: { stories: derived.length } };
}

export const ParticipantContributions = z.object({
  cards: z.array(
    z.object({
      id: z.string(),
      question: z.string().nullable(),
      title: z.string(),
      description: z.string(),
      policies: z.array(z.string()),
      canonicalId: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  votes: z.number().int().openapi({ description: "How many upgrades the participant judged" }),
});

/** A participant's visible values cards and how many upgrades they judged, for their browser to resume. */
export async function readParticipantContributions(db: Queryable, participantId: string): Promise<z.infer<typeof ParticipantContributions>> {
  const cards = await db
    .select({
      id: valuesCards.id,
      question: valuesCards.questionId,
      title: valuesCards.title,
      description: valuesCards.description,
      policies: valuesCards.policies,
      canonicalId: valuesCards.canonicalId,
      createdAt: valuesCards.createdAt,
    })
    .from(valuesCards)
    .where(and(eq(valuesCards.participantId, participantId), isNull(valuesCards.hiddenAt)))
    .orderBy(asc(valuesCards.createdAt), asc(valuesCards.id));
  const [judged] = await db
    .select({ n: count() })
    .from(votes)
    .where(and(eq(votes.participantId, participantId), isNull(votes.hiddenAt)));
  return { cards: cards.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() })), votes: judged?.n ?? 0 };
}

export const MoralGraphStats = z.object({
  cards: z.number().int(),
  canonicalCards: z.number().int().openapi({ description: "Canonical cards not merged into another" }),
  votes: z.number().int(),
  votesPerContext: z.array(z.object({ context: z.object({ id: z.string(), name: z.string() }), votes: z.number().int() })),
  stories: z.number().int(),
});

/** Visible cards, canonical cards, votes (per context) and stories of a campaign. */
export async function countMoralGraphContributions(db: Queryable, campaignId: string): Promise<z.infer<typeof MoralGraphStats>> {
  const visible = async (table: typeof valuesCards | typeof stories) => {
    const [row] = await db
      .select({ n: count() })
      .from(table)
      .where(and(eq(table.campaignId, campaignId), isNull(table.hiddenAt)));
    return row?.n ?? 0;
  };
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
    cards: await visible(valuesCards),
    canonicalCards: canonical?.n ?? 0,
    votes: perContext.reduce((sum, c) => sum + c.votes, 0),
    votesPerContext: perContext.map((c) => ({ context: { id: c.id, name: c.name }, votes: c.votes })),
    stories: await visible(stories),
  };
}

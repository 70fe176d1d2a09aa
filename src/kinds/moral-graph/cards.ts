import { and, asc, eq, isNotNull, isNull } from "drizzle-orm";
import { invalid, notFound } from "../../core/errors.ts";
import type { Queryable } from "../../store/open.ts";
import { canonicalCards, questions, valuesCards } from "./schema.ts";
import type { ServiceDeps } from "../../platform/deps.ts";
import { requireOpenCampaign } from "../../platform/campaigns/guards.ts";
import { newId } from "../../platform/ids.ts";
import { SYSTEM_AUTHOR, type EntryDraft } from "../../platform/log/drafts.ts";
import { signContribution } from "../../platform/participants/participant-keys.ts";
import type { Participant } from "../../platform/participants/participants.ts";
import type { CardContent, SubmitCard } from "./inputs.ts";

export interface CanonicalCardView {
  id: string;
  questionId: string | null;
  title: string;
  description: string;
  policies: string[];
  mergedInto: string | null;
  externalRef: string | null;
}

export async function requireQuestion(db: Queryable, campaignId: string, questionId: string) {
  const [q] = await db
    .select({ id: questions.id })
    .from(questions)
    .where(and(eq(questions.id, questionId), eq(questions.campaignId, campaignId)));
  if (!q) throw notFound("question", questionId, "question");
}

/** Loads a canonical card of the campaign that has not been merged away or hidden. */
export async function requireActiveCard(db: Queryable, campaignId: string, cardId: string, field: string) {
  const [card] = await db
    .select()
    .from(canonicalCards)
    .where(and(eq(canonicalCards.id, cardId), eq(canonicalCards.campaignId, campaignId)));
  checkActiveCard(card, cardId, field);
  return card!;
}

/** Fails unless the card (undefined: none of the campaign's) stands: not merged away, not hidden. */
export function checkActiveCard(card: { hiddenAt: Date | null; mergedInto: string | null } | undefined, cardId: string, field: string): void {
  if (!card) throw notFound("canonical card", cardId, field);
  if (card.hiddenAt !== null) throw invalid(field, `canonical card ${cardId} was hidden by moderation`);
  if (card.mergedInto !== null) {
    throw invalid(field, `canonical card ${cardId} was merged into ${card.mergedInto}; use that card`);
  }
}

/**
 * Stores a participant's values card. A card that is "the same as" an existing canonical card
 * points at it; otherwise the card becomes a canonical card of its own, which researchers may
 * later merge with others. Both are logged: the card under the participant's key, signed over its
 * content, and a new canonical card by the system, with the same text as content.
 */
export async function submitCard(deps: ServiceDeps, participant: Participant, input: SubmitCard) {
  const campaignId = participant.campaignId;
  const { value: card, receipts } = await deps.log.commit(async (tx, now) => {
    await requireOpenCampaign(tx, campaignId);
    await requireQuestion(tx, campaignId, input.question);
    const text = pickContent(input);
    const content = { question: input.question, ...text, ...(input.sameAs !== undefined && { sameAs: input.sameAs }) };
    const signed = await signContribution(tx, participant, "values_card", content, now);
    const id = newId("card");
    let canonicalId: string;
    const drafts: EntryDraft[] = [];
    if (input.sameAs !== undefined) {
      canonicalId = (await requireActiveCard(tx, campaignId, input.sameAs, "sameAs")).id;
    } else {
      canonicalId = newId("cc");
      await tx.insert(canonicalCards).values({ id: canonicalId, campaignId, questionId: input.question, ...text, createdAt: now });
      drafts.push({
        kind: "canonical_card",
        campaign: campaignId,
        author: SYSTEM_AUTHOR,
        refs: { card: canonicalId, from: id },
        content: { question: input.question, ...text },
        participant: participant.id,
      });
    }
    await tx.insert(valuesCards).values({
      id,
      campaignId,
      questionId: input.question,
      participantId: participant.id,
      ...text,
      canonicalId,
      createdAt: now,
    });
    drafts.unshift({
      kind: "values_card",
      campaign: campaignId,
      author: signed.author,
      refs: { card: id, canonical: canonicalId, question: input.question },
      signature: signed.signature,
      content,
      participant: participant.id,
    });
    return { value: { id, ...text, question: input.question, canonicalId }, drafts };
  });
  return { card, receipt: receipts[0]! };
}

export function pickContent(card: CardContent): CardContent {
  return { title: card.title, description: card.description, policies: card.policies };
}

/** The campaign's canonical cards; merged-away cards only when asked, hidden ones never. */
export async function listCanonicalCards(
  db: Queryable,
  campaignId: string,
  options: { includeMerged?: boolean } = {},
): Promise<CanonicalCardView[]> {
  const where = and(
    eq(canonicalCards.campaignId, campaignId),
    isNull(canonicalCards.hiddenAt),
    options.includeMerged ? undefined : isNull(canonicalCards.mergedInto),
  );
  return db
    .select({
      id: canonicalCards.id,
      questionId: canonicalCards.questionId,
      title: canonicalCards.title,
      description: canonicalCards.description,
      policies: canonicalCards.policies,
      mergedInto: canonicalCards.mergedInto,
      externalRef: canonicalCards.externalRef,
    })
    .from(canonicalCards)
    .where(where)
    .orderBy(asc(canonicalCards.createdAt), asc(canonicalCards.id));
}

/** The participants' own cards that were mapped onto one canonical card. */
export async function listCardsOf(db: Queryable, campaignId: string, canonicalId: string) {
  return db
    .select({
      id: valuesCards.id,
      title: valuesCards.title,
      description: valuesCards.description,
      policies: valuesCards.policies,
      participantId: valuesCards.participantId,
    })
    .from(valuesCards)
    .where(and(eq(valuesCards.campaignId, campaignId), eq(valuesCards.canonicalId, canonicalId), isNull(valuesCards.hiddenAt)));
}

/** Ids of the campaign's canonical cards that moderation has hidden. */
export async function listHiddenCardIds(db: Queryable, campaignId: string): Promise<Set<string>> {
  const rows = await db
    .select({ id: canonicalCards.id })
    .from(canonicalCards)
    .where(and(eq(canonicalCards.campaignId, campaignId), isNotNull(canonicalCards.hiddenAt)));
  return new Set(rows.map((r) => r.id));
}

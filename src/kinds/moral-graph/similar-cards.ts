import { cardText } from "../../core/text/card-text.ts";
import { findSimilarPairs } from "../../core/text/similar-pairs.ts";
import { cosineSimilarity } from "../../core/text/vectors.ts";
import { listCanonicalCards, requireQuestion, type CanonicalCardView } from "./cards.ts";
import type { ServiceDeps } from "../../platform/deps.ts";
import type { CardContent } from "./inputs.ts";

export interface MergeProposal {
  similarity: number;
  cards: [CanonicalCardView, CanonicalCardView];
}

/**
 * Proposes merges: pairs of canonical cards of the same question whose texts embed close
 * together. A researcher decides; nothing is merged here.
 */
export async function proposeMerges(
  deps: ServiceDeps,
  campaignId: string,
  options: { threshold: number; limit: number },
): Promise<{ embedder: string; threshold: number; proposals: MergeProposal[] }> {
  const cards = await listCanonicalCards(deps.store.db, campaignId);
  const embedder = await deps.embedder();
  const vectors = await embedder.embed(cards.map(cardText));
  const pairs = findSimilarPairs(vectors, options.threshold, {
    limit: options.limit,
    accept: (i, j) => cards[i]!.questionId === cards[j]!.questionId,
  });
  return {
    embedder: embedder.name,
    threshold: options.threshold,
    proposals: pairs.map((p) => ({ similarity: p.similarity, cards: [cards[p.i]!, cards[p.j]!] })),
  };
}

/** Canonical cards of a question most like a draft, so a participant can say "mine is the same". */
export async function findSimilarToDraft(
  deps: ServiceDeps,
  campaignId: string,
  questionId: string,
  draft: CardContent,
  options: { limit: number; threshold: number },
) {
  await requireQuestion(deps.store.db, campaignId, questionId);
  const cards = (await listCanonicalCards(deps.store.db, campaignId)).filter((c) => c.questionId === questionId);
  if (cards.length === 0) return { similar: [] };
  const embedder = await deps.embedder();
  const [target, ...vectors] = await embedder.embed([cardText(draft), ...cards.map(cardText)]);
  const scored = cards
    .map((card, i) => ({ card, similarity: cosineSimilarity(target!, vectors[i]!) }))
    .filter((s) => s.similarity >= options.threshold)
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, options.limit);
  return { similar: scored };
}

import { cardText } from "../../core/text/card-text.ts";
import { findSimilarPairs } from "../../core/text/similar-pairs.ts";
import { cosineSimilarity } from "../../core/text/vectors.ts";
import { listCanonicalCards, requireQuestion, type CanonicalCardView } from "./cards.ts";
import type { ServiceDeps } from "../../platform/deps.ts";
import type { CardContent } from "./inputs.ts";
import { and, eq, inArray } from "drizzle-orm";
import { invalid } from "../../core/errors.ts";
import type { Researcher } from "../../platform/auth/tokens.ts";
import { researcherAuthor } from "../../platform/log/drafts.ts";
import { canonicalCards, mergeDismissals } from "./schema.ts";

/**
 * Averaged word vectors put any two cards about people and care close together (two unrelated
 * MAI values score 0.9), so only pairs closer than this are proposed unless the researcher asks.
 */
export const DEFAULT_MERGE_THRESHOLD = 0.95;

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
): Promise<{ embedder: string; threshold: number; count: number; dismissed: number; proposals: MergeProposal[] }> {
  const cards = await listCanonicalCards(deps.store.db, campaignId);
  const dismissed = new Set(
    (await deps.store.db
      .select({ first: mergeDismissals.firstId, second: mergeDismissals.secondId })
      .from(mergeDismissals)
      .where(eq(mergeDismissals.campaignId, campaignId))).map((d) => `${d.first}|${d.second}`),
  );
  const embedder = await deps.embedder();
  const vectors = await embedder.embed(cards.map(cardText));
  let skipped = 0;
  const pairs = findSimilarPairs(vectors, options.threshold, {
    accept: (i, j) => {
      if (cards[i]!.questionId !== cards[j]!.questionId) return false;
      if (!dismissed.has(pairKey(cards[i]!.id, cards[j]!.id))) return true;
      skipped++;
      return false;
    },
  });
  return {
    embedder: embedder.name,
    threshold: options.threshold,
    count: pairs.length,
    dismissed: skipped,
    proposals: pairs.slice(0, options.limit).map((p) => ({ similarity: p.similarity, cards: [cards[p.i]!, cards[p.j]!] })),
  };
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/**
 * Records that a researcher judged two cards distinct: the pair is no longer proposed, at any
 * threshold. Nothing in the data changes, so nothing is logged; dismissing twice is harmless.
 */
export async function dismissMergeProposal(deps: ServiceDeps, researcher: Researcher, campaignId: string, pair: readonly [string, string]) {
  const [a, b] = pair;
  if (a === b) throw invalid("cards", "name two different cards");
  return deps.store.db.transaction(async (tx) => {
    const found = await tx
      .select({ id: canonicalCards.id })
      .from(canonicalCards)
      .where(and(eq(canonicalCards.campaignId, campaignId), inArray(canonicalCards.id, [a, b])));
    const missing = [a, b].find((id) => !found.some((f) => f.id === id));
    if (missing !== undefined) throw invalid("cards", `${JSON.stringify(missing)} is not a canonical card of this campaign`);
    const [firstId, secondId] = a < b ? [a, b] : [b, a];
    await tx
      .insert(mergeDismissals)
      .values({ campaignId, firstId, secondId, dismissedBy: researcherAuthor(researcher), createdAt: deps.clock.now() })
      .onConflictDoNothing();
    return { cards: [firstId, secondId] as [string, string] };
  });
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

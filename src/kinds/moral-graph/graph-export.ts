import { and, asc, eq, isNull } from "drizzle-orm";
import { stories } from "./schema.ts";
import { listCanonicalCards } from "./cards.ts";
import type { ServiceDeps } from "../../platform/deps.ts";
import { LazyList, materialize } from "../../http/json-stream.ts";
import { describeMai2023, maiEdgeAt } from "./graph-mai.ts";
import { describePolyphony } from "./graph-polyphony.ts";
import { listMerges } from "./merges.ts";
import type { ExportFormat } from "./inputs.ts";
import { firstGroupingQuestion, RESEARCHER_VIEW, type GroupPolicy } from "../../platform/campaigns/group-privacy.ts";
import { getMoralGraphCampaign } from "./campaign-settings.ts";
import { scoreGraph, type ScoredGraph, type ScoredMai2023 } from "./results/scored-graph.ts";

const asMethod = <M extends ScoredGraph["method"]>(s: ScoredGraph, method: M) => {
  if (s.method !== method) throw new TypeError(`asked for a ${method} graph, got ${s.method}`);
  return s as Extract<ScoredGraph, { method: M }>;
};

/**
 * The whole moral graph as one document, its long lists lazy so that it streams (`streamJson`):
 * cards (merged ones with where they went), merges, stories, and both methods' scores,
 * polyphony's per context, broken down by the first demographic question `policy` lets its reader
 * group by; or, with `format` `mai`, the shape MAI's viewer reads. No participant is named in it.
 */
export async function describeExport(deps: ServiceDeps, campaignId: string, format: ExportFormat, policy: GroupPolicy) {
  const db = deps.store.db;
  const mai = (await scoreGraph(deps, campaignId, { method: "mai-2023" }, policy)).value;
  if (format === "mai") return describeMaiViewer(asMethod(mai, "mai-2023"));
  const question = firstGroupingQuestion((await getMoralGraphCampaign(db, campaignId)).demographics, policy);
  const polyphony = (await scoreGraph(deps, campaignId, { method: "polyphony", groupBy: question?.key }, policy)).value;
  const [cards, merges, storyRows] = await Promise.all([
    listCanonicalCards(db, campaignId, { includeMerged: true }),
    listMerges(deps, campaignId),
    db
      .select({ id: stories.id, from: stories.fromId, to: stories.toId, context: stories.contextId, text: stories.text, source: stories.source })
      .from(stories)
      .where(and(eq(stories.campaignId, campaignId), isNull(stories.hiddenAt)))
      .orderBy(asc(stories.createdAt), asc(stories.id)),
  ]);
  const { campaign } = polyphony;
  return {
    format: "polyphony.moral-graph" as const,
    version: 1 as const,
    exportedAt: deps.clock.now().toISOString(),
    campaign: {
      id: campaign.id,
      title: campaign.title,
      description: campaign.description,
      questions: campaign.questions,
      contexts: campaign.contexts,
      demographics: campaign.demographics.map((d) => ({ key: d.key, question: d.question, options: d.options ?? null })),
    },
    cards: new LazyList(cards.length, (i) => cards[i]!),
    merges: merges.map(({ mergedBy: _by, undoneBy: _undoneBy, ...m }) => m),
    stories: new LazyList(storyRows.length, (i) => storyRows[i]!),
    graphs: {
      polyphony: describePolyphony(asMethod(polyphony, "polyphony")),
      "mai-2023": describeMai2023(asMethod(mai, "mai-2023")),
    },
  };
}

/** The export as one value (the command line's `graph export`). */
export async function exportGraph(deps: ServiceDeps, campaignId: string, format: ExportFormat, policy: GroupPolicy = RESEARCHER_VIEW) {
  return materialize(await describeExport(deps, campaignId, format, policy));
}

/**
 * The shape the Meaning Alignment Institute's moral-graph viewer reads (their MoralGraphSummary):
 * numeric value ids (the original ids for imported cards), `pageRank`, and edges keyed
 * `sourceValueId` → `wiserValueId` with MAI's counters.
 */
function describeMaiViewer(s: ScoredMai2023) {
  const cards = [...s.cards.values()];
  const numeric = new Map<string, number>();
  let next = 1 + Math.max(0, ...cards.map((c) => Number(c.externalRef)).filter(Number.isSafeInteger));
  for (const card of cards) {
    const ref = Number(card.externalRef);
    numeric.set(card.id, card.externalRef !== null && Number.isSafeInteger(ref) ? ref : next++);
  }
  const score = new Map(Array.from(s.graph.nodes, (card) => [s.cardIds[card]!, s.graph.score[card]!]));
  return {
    values: new LazyList(cards.length, (i) => {
      const card = cards[i]!;
      return {
        id: numeric.get(card.id)!,
        polyphonyId: card.id,
        title: card.title,
        instructionsShort: card.description.split(/(?<=[.!?])\s/)[0] ?? card.description,
        instructionsDetailed: card.description,
        evaluationCriteria: card.policies,
        ...(score.has(card.id) && { pageRank: score.get(card.id) }),
      };
    }),
    edges: new LazyList(s.graph.edges.length, (k) => {
      const e = maiEdgeAt(s, k);
      return { sourceValueId: numeric.get(e.from)!, wiserValueId: numeric.get(e.to)!, contexts: e.contexts, counts: e.counts, summary: e.summary };
    }),
  };
}

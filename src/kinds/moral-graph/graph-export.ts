import { and, asc, eq, isNull } from "drizzle-orm";
import { stories } from "./schema.ts";
import { listCanonicalCards } from "./cards.ts";
import type { ServiceDeps } from "../../platform/deps.ts";
import { loadGraphInput, loadGroups } from "./graph-input.ts";
import { presentMai2023 } from "./graph-mai.ts";
import { presentPolyphony } from "./graph-polyphony.ts";
import { listMerges } from "./merges.ts";
import type { ExportFormat } from "./inputs.ts";


/**
 * The whole moral graph as one document: cards (merged ones with where they went), merges,
 * stories, and both methods' scores, polyphony's per context. No participant is named in it.
 */
export async function exportGraph(deps: ServiceDeps, campaignId: string, format: ExportFormat) {
  const db = deps.store.db;
  const input = await loadGraphInput(db, campaignId);
  if (format === "mai") return presentMaiViewer(input);
  const groupKey = input.campaign.demographics[0]?.key;
  const groups = groupKey ? { key: groupKey, ...(await loadGroups(db, campaignId, groupKey, input.votes.participantIds)) } : undefined;
  const [cards, merges, storyRows] = await Promise.all([
    listCanonicalCards(db, campaignId, { includeMerged: true }),
    listMerges(deps, campaignId),
    db
      .select({ id: stories.id, from: stories.fromId, to: stories.toId, context: stories.contextId, text: stories.text, source: stories.source })
      .from(stories)
      .where(and(eq(stories.campaignId, campaignId), isNull(stories.hiddenAt)))
      .orderBy(asc(stories.createdAt), asc(stories.id)),
  ]);
  const { campaign } = input;
  return {
    format: "polyphony.moral-graph",
    version: 1,
    exportedAt: deps.clock.now().toISOString(),
    campaign: {
      id: campaign.id,
      title: campaign.title,
      description: campaign.description,
      questions: campaign.questions,
      contexts: campaign.contexts,
      demographics: campaign.demographics.map((d) => ({ key: d.key, question: d.question, options: d.options ?? null })),
    },
    cards,
    merges: merges.map(({ mergedBy: _by, undoneBy: _undoneBy, ...m }) => m),
    stories: storyRows,
    graphs: {
      polyphony: presentPolyphony(input, { groups }),
      "mai-2023": presentMai2023(input),
    },
  };
}

/**
 * The shape the Meaning Alignment Institute's moral-graph viewer reads (their MoralGraphSummary):
 * numeric value ids (the original ids for imported cards), `pageRank`, and edges keyed
 * `sourceValueId` → `wiserValueId` with MAI's counters.
 */
function presentMaiViewer(input: Awaited<ReturnType<typeof loadGraphInput>>) {
  const graph = presentMai2023(input);
  const numeric = new Map<string, number>();
  let next = 1 + Math.max(0, ...[...input.cards.values()].map((c) => Number(c.externalRef)).filter(Number.isSafeInteger));
  for (const card of input.cards.values()) {
    const ref = Number(card.externalRef);
    numeric.set(card.id, card.externalRef !== null && Number.isSafeInteger(ref) ? ref : next++);
  }
  const score = new Map(graph.values.map((v) => [v.id, v.score]));
  return {
    values: [...input.cards.values()].map((card) => ({
      id: numeric.get(card.id)!,
      polyphonyId: card.id,
      title: card.title,
      instructionsShort: card.description.split(/(?<=[.!?])\s/)[0] ?? card.description,
      instructionsDetailed: card.description,
      evaluationCriteria: card.policies,
      ...(score.has(card.id) && { pageRank: score.get(card.id) }),
    })),
    edges: graph.edges.map((e) => ({
      sourceValueId: numeric.get(e.from)!,
      wiserValueId: numeric.get(e.to)!,
      contexts: e.contexts,
      counts: e.counts,
      summary: e.summary,
    })),
  };
}

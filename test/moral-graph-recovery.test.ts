import { describe, expect, it } from "vitest";
import { correlatePerContext, correlateWithWisdom } from "../bench/moral-graph/recovery.ts";
import { generateSharedStories } from "../bench/moral-graph/shared-stories.ts";
import { generateDeliberation } from "../bench/moral-graph/synthetic.ts";
import { scorePageRank } from "../src/kinds/moral-graph/core/pagerank-scoring.ts";
import { scorePolyphony } from "../src/kinds/moral-graph/core/polyphony.ts";

// The bench's two generators (bench/moral-graph) at a tenth of their size, so that the test runs
// in seconds; the bench prints the full-size figures. Recovery = Spearman correlation of each
// context's scores with the wisdom the votes were drawn from, over the cards judged there.
describe("recovery of the latent per-context order", () => {
  it("reaches 0.9 on the bench's deliberation, where the PageRank method stays far below", () => {
    const spec = { votes: 150_000, cards: 2_000, contexts: 10, participants: 10_000, groupShares: [0.5, 0.5], cardsPerContext: 500, seed: 20231001 };
    const { table, wisdom } = generateDeliberation(spec);
    const graph = scorePolyphony(table);
    const judged = graph.contexts.map((c) => c.cards);
    const rho = correlatePerContext(judged, (c, card) => graph.contexts[c]!.byCard[card]!, wisdom);
    expect(rho).toBeGreaterThanOrEqual(0.9);
    const pagerank = scorePageRank(table);
    expect(correlatePerContext(judged, (c, card) => pagerank.contexts[c]!.byCard[card]!, wisdom)).toBeLessThan(rho - 0.3);
    expect(correlateWithWisdom(graph.overall.cards, (card) => graph.overall.byCard[card]!, wisdom)).toBeGreaterThanOrEqual(0.9);
  });

  it("reaches 0.9 in every context of the pooling deliberation, where contexts differ", () => {
    const spec = { cards: 600, contexts: 6, votes: 60_000, participants: 3_000, spread: 0.6, seed: 20231005 };
    const { table, contextWisdom } = generateSharedStories(spec);
    const graph = scorePolyphony(table);
    for (const ctx of graph.contexts) {
      const own = contextWisdom.subarray(ctx.context * spec.cards, (ctx.context + 1) * spec.cards);
      expect(correlateWithWisdom(ctx.cards, (card) => ctx.byCard[card]!, own)).toBeGreaterThanOrEqual(0.9);
    }
  });
});

import { rankPages, type PageRankOptions } from "../../../core/graph/pagerank.ts";
import type { PageRankOverall } from "./pagerank-types.ts";
import type { PooledCounts } from "./pooled-edges.ts";
import { listCycles } from "../../../core/graph/scc.ts";

/**
 * The overall ranking: PageRank over every card of the table on the pooled graph (each ordered
 * pair's votes from all contexts, kept and weighted by its lower bound like a context edge).
 * Pooling votes rather than averaging per-context scores keeps the overall score monotone in
 * endorsing votes: averaging would move with the contexts' vote shares.
 */
export function rankPooled(
  pooled: PooledCounts,
  lower: Float64Array,
  threshold: number,
  cardCount: number,
  options: PageRankOptions,
): PageRankOverall {
  const from = new Int32Array(pooled.count);
  const to = new Int32Array(pooled.count);
  const weight = new Float64Array(pooled.count);
  let m = 0;
  for (let e = 0; e < pooled.count; e++) {
    if (!(lower[e]! > threshold)) continue;
    from[m] = pooled.from[e]!;
    to[m] = pooled.to[e]!;
    weight[m] = lower[e]!;
    m++;
  }
  const byCard = new Float64Array(cardCount);
  const { iterations } = rankPages({ nodeCount: cardCount, edgeCount: m, from, to, weight }, options, byCard);
  const cards = new Int32Array(cardCount);
  for (let c = 0; c < cardCount; c++) cards[c] = c;
  cards.sort((a, b) => byCard[b]! - byCard[a]! || a - b);
  return {
    cards,
    score: Float64Array.from(cards, (c) => byCard[c]!),
    byCard,
    keptEdges: m,
    iterations,
    contested: listCycles(cardCount, from.subarray(0, m), to.subarray(0, m)),
  };
}

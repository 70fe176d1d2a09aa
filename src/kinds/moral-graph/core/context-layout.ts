import type { EdgeCounts } from "./edge-counts.ts";
import {
  createPageRankScratch,
  rankPages,
  type PageRankOptions,
  type PageRankRun,
  type PageRankScratch,
} from "../../../core/graph/pagerank.ts";

/**
 * Each context's judged cards (those in its votes) numbered locally, and every edge's endpoints in
 * its context's numbering. Cards of context c are `cards[cardStart[c] .. cardStart[c + 1])`,
 * ascending; the other cards of the table take part in c's ranking without being numbered.
 */
export interface ContextLayout {
  readonly cardCount: number;
  readonly cardStart: Int32Array;
  readonly cards: Int32Array;
  readonly localFrom: Int32Array;
  readonly localTo: Int32Array;
  readonly contextStart: Int32Array;
  /** The largest number of edges in one context, to size reusable buffers. */
  readonly maxEdges: number;
}

/** Numbers each context's cards locally, in O(E + cards · log) with a stamp per card. */
export function layOutContexts(edges: EdgeCounts, cardCount: number, contextCount: number): ContextLayout {
  const { contextStart, from, to } = edges;
  const stamp = new Int32Array(cardCount).fill(-1);
  const cardStart = new Int32Array(contextCount + 1);
  const collected: number[] = [];
  let maxEdges = 0;
  const collect = (card: number, c: number) => {
    if (stamp[card] !== c) {
      stamp[card] = c;
      collected.push(card);
    }
  };
  for (let c = 0; c < contextCount; c++) {
    for (let e = contextStart[c]!; e < contextStart[c + 1]!; e++) {
      collect(from[e]!, c);
      collect(to[e]!, c);
    }
    cardStart[c + 1] = collected.length;
    maxEdges = Math.max(maxEdges, contextStart[c + 1]! - contextStart[c]!);
  }
  const cards = Int32Array.from(collected);
  const localOf = new Int32Array(cardCount);
  const localFrom = new Int32Array(edges.count);
  const localTo = new Int32Array(edges.count);
  for (let c = 0; c < contextCount; c++) {
    const own = cards.subarray(cardStart[c], cardStart[c + 1]);
    own.sort();
    for (let k = 0; k < own.length; k++) localOf[own[k]!] = k;
    for (let e = contextStart[c]!; e < contextStart[c + 1]!; e++) {
      localFrom[e] = localOf[from[e]!]!;
      localTo[e] = localOf[to[e]!]!;
    }
  }
  return { cardCount, cardStart, cards, localFrom, localTo, contextStart, maxEdges };
}

/** Buffers for {@link rankContext}, reused across contexts and bootstrap samples. */
export interface RankScratch {
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly weight: Float64Array;
  readonly pagerank: PageRankScratch;
}

export function createRankScratch(layout: ContextLayout): RankScratch {
  const m = layout.maxEdges;
  return {
    from: new Int32Array(m),
    to: new Int32Array(m),
    weight: new Float64Array(m),
    pagerank: createPageRankScratch(),
  };
}

/**
 * Ranks every card of the table in context c by PageRank over c's kept edges (lower bound >
 * threshold), each weighted by its lower bound. The node set is all cards, whatever the votes, so
 * the teleport share 1/N never moves. Writes the judged cards' scores into `out` (local order)
 * and returns rounds, edges used and the score of each card nobody judged in c.
 */
export function rankContext(
  c: number,
  layout: ContextLayout,
  lower: Float64Array,
  threshold: number,
  options: PageRankOptions,
  scratch: RankScratch,
  out: Float64Array,
): PageRankRun & { keptEdges: number } {
  const { from, to, weight } = scratch;
  let m = 0;
  for (let e = layout.contextStart[c]!; e < layout.contextStart[c + 1]!; e++) {
    const w = lower[e]!;
    if (w > threshold) {
      from[m] = layout.localFrom[e]!;
      to[m] = layout.localTo[e]!;
      weight[m] = w;
      m++;
    }
  }
  const nodeCount = layout.cardStart[c + 1]! - layout.cardStart[c]!;
  const isolatedCount = layout.cardCount - nodeCount;
  const run = rankPages({ nodeCount, isolatedCount, edgeCount: m, from, to, weight }, options, out, scratch.pagerank);
  return { ...run, keptEdges: m };
}

import { rankContext, createRankScratch, type ContextLayout } from "./context-layout.ts";
import type { PageRankOptions } from "../../../core/graph/pagerank.ts";
import type { EdgeCounts } from "./edge-counts.ts";
import { createRandom } from "../../../core/stats/prng.ts";
import { summarizeDraws } from "../../../core/stats/quantile.ts";
import type { PooledCounts } from "./pooled-edges.ts";
import type { PooledShareIntervals } from "./pooled-interval.ts";
import { NO_UPGRADE, UPGRADE, type VoteTable } from "./types.ts";

/**
 * Bootstrap over participants (Efron & Tibshirani 1993, ch. 6): draws participants with
 * replacement, recounts every edge (and its pooled pair) with each participant weighted by how
 * often they were drawn, re-derives kept edges and weights from the same posterior, and reranks
 * every context over the same cards. Returns the 10% and 90% quantiles of each judged card's score
 * per context, indexed like `layout.cards`. Memory: layout.cards.length × samples doubles.
 */
export function bootstrapScores(
  table: VoteTable,
  counts: EdgeCounts,
  pooled: PooledCounts,
  layout: ContextLayout,
  intervals: PooledShareIntervals,
  threshold: number,
  pagerank: PageRankOptions,
  { samples, seed }: { readonly samples: number; readonly seed: number },
): { low: Float64Array; high: Float64Array } {
  const random = createRandom(seed);
  const participants = table.participantCount;
  const drawn = new Int32Array(participants);
  const support = new Int32Array(counts.count);
  const against = new Int32Array(counts.count);
  const pooledSupport = new Int32Array(pooled.count);
  const pooledAgainst = new Int32Array(pooled.count);
  const lower = new Float64Array(counts.count);
  const positions = layout.cards.length;
  const draws = new Float64Array(positions * samples);
  const local = new Float64Array(positions);
  const scratch = createRankScratch(layout);
  const contexts = layout.cardStart.length - 1;
  const { ofEdge } = pooled;
  for (let s = 0; s < samples; s++) {
    drawn.fill(0);
    for (let k = 0; k < participants; k++) drawn[Math.floor(random() * participants)]!++;
    support.fill(0);
    against.fill(0);
    for (let i = 0; i < table.length; i++) {
      const e = counts.voteEdge[i]!;
      const w = drawn[table.participant[i]!]!;
      if (e < 0 || w === 0) continue;
      const rel = table.relationship[i];
      if (rel === UPGRADE) support[e]! += w;
      else if (rel === NO_UPGRADE) against[e]! += w;
    }
    pooledSupport.fill(0);
    pooledAgainst.fill(0);
    for (let e = 0; e < counts.count; e++) {
      pooledSupport[ofEdge[e]!]! += support[e]!;
      pooledAgainst[ofEdge[e]!]! += against[e]!;
    }
    for (let e = 0; e < counts.count; e++) {
      const p = ofEdge[e]!;
      // A row whose sample holds no upgrade or no-upgrade has no evidence (edge-posterior.ts).
      lower[e] = support[e]! + against[e]! === 0 ? 0 : intervals.lower(pooledSupport[p]!, pooledAgainst[p]!, support[e]!, against[e]!);
    }
    for (let c = 0; c < contexts; c++) {
      const first = layout.cardStart[c]!;
      const out = local.subarray(first, layout.cardStart[c + 1]);
      rankContext(c, layout, lower, threshold, pagerank, scratch, out);
      for (let k = 0; k < out.length; k++) draws[(first + k) * samples + s] = out[k]!;
    }
  }
  return summarizeDraws(draws, positions, samples);
}

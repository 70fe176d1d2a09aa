import type { EdgeCounts } from "./edge-counts.ts";
import type { EdgeGroupFigures } from "./edge-types.ts";
import type { PooledCounts } from "./pooled-edges.ts";
import type { PooledShareIntervals } from "./pooled-interval.ts";
import type { BetaPrior, ShareIntervals } from "../../../core/stats/share-interval.ts";

export interface EdgePosterior {
  readonly mean: Float64Array;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  readonly kept: Uint8Array;
  readonly contested: Uint8Array;
}

/** Mean and equal-tailed bounds of row e's upgrade share. */
interface RowShare {
  mean(e: number): number;
  lower(e: number): number;
  upper(e: number): number;
}

/**
 * Keeps a row when it has counted judgments (upgrade or no-upgrade) of its own and its lower bound
 * clears the threshold, and flags it contested when both directions were judged and the interval
 * still contains the threshold. A row with not-sure votes alone has no evidence: its interval is
 * its prior (with pooling, the other contexts' verdict), which must not make an edge here.
 */
function summarizeRows(count: number, reverse: Int32Array, share: RowShare, threshold: number, judged: (e: number) => number): EdgePosterior {
  const mean = new Float64Array(count);
  const lower = new Float64Array(count);
  const upper = new Float64Array(count);
  const kept = new Uint8Array(count);
  const contested = new Uint8Array(count);
  for (let e = 0; e < count; e++) {
    mean[e] = share.mean(e);
    lower[e] = share.lower(e);
    upper[e] = share.upper(e);
    if (judged(e) === 0) continue;
    if (lower[e]! > threshold) kept[e] = 1;
    if (reverse[e]! >= 0 && lower[e]! <= threshold && threshold <= upper[e]!) contested[e] = 1;
  }
  return { mean, lower, upper, kept, contested };
}

/** Each context edge's share, partially pooled with the same ordered pair in other contexts. */
export function summarizeEdges(
  counts: EdgeCounts,
  pooled: PooledCounts,
  intervals: PooledShareIntervals,
  threshold: number,
): EdgePosterior {
  const { support, against } = counts;
  const { ofEdge } = pooled;
  const S = (e: number) => pooled.support[ofEdge[e]!]!;
  const A = (e: number) => pooled.against[ofEdge[e]!]!;
  const share = {
    mean: (e: number) => intervals.mean(S(e), A(e), support[e]!, against[e]!),
    lower: (e: number) => intervals.lower(S(e), A(e), support[e]!, against[e]!),
    upper: (e: number) => intervals.upper(S(e), A(e), support[e]!, against[e]!),
  };
  return summarizeRows(counts.count, counts.reverse, share, threshold, (e) => support[e]! + against[e]!);
}

/** The PageRank weight of each row: its lower bound when kept, 0 otherwise. */
export function weighKept({ kept, lower }: EdgePosterior): Float64Array {
  return lower.map((w, e) => (kept[e] === 1 ? w : 0));
}

/** Each ordered pair's share over all contexts: Beta(α + S, β + A). */
export function summarizePooled(pooled: PooledCounts, intervals: ShareIntervals, threshold: number): EdgePosterior {
  const { support, against } = pooled;
  const share = {
    mean: (e: number) => intervals.mean(support[e]!, against[e]!),
    lower: (e: number) => intervals.lower(support[e]!, against[e]!),
    upper: (e: number) => intervals.upper(support[e]!, against[e]!),
  };
  return summarizeRows(pooled.count, pooled.reverse, share, threshold, (e) => support[e]! + against[e]!);
}

/**
 * Per edge, how its groups judged it: groups that voted, groups whose own posterior mean share
 * exceeds 0.5 (endorsement across groups, the bridging signal), and Polis's group-informed
 * consensus Π_g (support_g + 1) / (support_g + against_g + 2) over every group, so a group that
 * never judged the edge contributes ½ (Small et al., "Polis: Scaling deliberation", 2021).
 */
export function summarizeGroups(counts: EdgeCounts, labels: readonly string[], prior: BetaPrior): EdgeGroupFigures {
  const groups = labels.length;
  const n = counts.count;
  const support = counts.groupSupport ?? new Int32Array(n * groups);
  const against = counts.groupAgainst ?? new Int32Array(n * groups);
  const endorsing = new Int32Array(n);
  const voting = new Int32Array(n);
  const consensus = new Float64Array(n);
  for (let e = 0; e < n; e++) {
    let product = 1;
    for (let g = 0; g < groups; g++) {
      const s = support[e * groups + g]!;
      const a = against[e * groups + g]!;
      product *= (s + 1) / (s + a + 2);
      if (s + a === 0) continue;
      voting[e]!++;
      if ((prior.alpha + s) / (prior.alpha + prior.beta + s + a) > 0.5) endorsing[e]!++;
    }
    consensus[e] = product;
  }
  return { labels, support, against, endorsing, voting, consensus };
}

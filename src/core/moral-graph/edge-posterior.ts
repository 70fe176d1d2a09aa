import type { EdgeCounts } from "./polyphony-edges.ts";
import type { EdgeGroupFigures } from "./polyphony-types.ts";
import type { BetaPrior, ShareIntervals } from "./share-interval.ts";

export interface EdgePosterior {
  readonly mean: Float64Array;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  readonly kept: Uint8Array;
  readonly contested: Uint8Array;
}

/**
 * Summarizes each edge's upgrade share by its Beta posterior; keeps it when the lower bound
 * clears the threshold, and flags it contested when both directions were judged and the
 * interval still contains the threshold.
 */
export function summarizeEdges(counts: EdgeCounts, intervals: ShareIntervals, threshold: number): EdgePosterior {
  const n = counts.count;
  const mean = new Float64Array(n);
  const lower = new Float64Array(n);
  const upper = new Float64Array(n);
  const kept = new Uint8Array(n);
  const contested = new Uint8Array(n);
  for (let e = 0; e < n; e++) {
    const s = counts.support[e]!;
    const a = counts.against[e]!;
    mean[e] = intervals.mean(s, a);
    lower[e] = intervals.lower(s, a);
    upper[e] = intervals.upper(s, a);
    if (lower[e]! > threshold) kept[e] = 1;
    if (counts.reverse[e]! >= 0 && lower[e]! <= threshold && threshold <= upper[e]!) contested[e] = 1;
  }
  return { mean, lower, upper, kept, contested };
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

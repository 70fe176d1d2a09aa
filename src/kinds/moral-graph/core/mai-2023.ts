import { countMai2023Pairs, type Mai2023PairCounts } from "./mai-2023-pairs.ts";
import { rankMai2023 } from "./mai-2023-pagerank.ts";
import type { VoteTable } from "./types.ts";

/** MAI's edge filter (generate-moral-graph.ts, the `trimmedEdges` filter). */
export const MAI_2023_MIN_WISER = 2;
export const MAI_2023_MIN_LIKELIHOOD = 0.33;
export const MAI_2023_MAX_ENTROPY = 1.69;

/** Every pair MAI's code creates (their `allEdges`), with its summary and whether it was kept. */
export interface Mai2023Pairs extends Mai2023PairCounts {
  /** (wiser − lessWise) / (wiser + notWiser + unsure + lessWise); NaN when that sum is 0. */
  readonly likelihood: Float64Array;
  /** Shannon entropy in bits of (wiser, notWiser, lessWise, unsure, impressions). */
  readonly entropy: Float64Array;
  /** 1 when the pair is an edge of the moral graph. */
  readonly kept: Uint8Array;
}

export interface Mai2023Graph {
  readonly pairs: Mai2023Pairs;
  /** Indices into `pairs` of the kept edges, in MAI's map order (first vote touching the pair). */
  readonly edges: Int32Array;
  /** Cards on kept edges, highest score first (ties by card index). */
  readonly nodes: Int32Array;
  /** PageRank per card index; 0 for cards on no kept edge (MAI leaves those undefined). */
  readonly score: Float64Array;
  readonly voteCount: number;
}

/**
 * Entropy in bits over MAI's counter object in its key order (markedWiser, markedNotWiser,
 * markedLessWise, markedUnsure, impressions), as `calculateEntropy` iterates `Object.values`.
 */
function computeEntropy(wiser: number, notWiser: number, lessWise: number, unsure: number, impressions: number): number {
  const total = wiser + notWiser + lessWise + unsure + impressions;
  let entropy = 0;
  for (const c of [wiser, notWiser, lessWise, unsure, impressions]) {
    const p = c / total;
    if (p > 0) entropy -= p * Math.log2(p);
  }
  return entropy;
}

/**
 * Scores a vote table exactly as the Meaning Alignment Institute's 2023 moral graph does
 * (meaningalignment/mge and meaningalignment/dft, app/values-tools/generate-moral-graph.ts).
 * Quirks kept on purpose: pairs ignore context; a pair's contexts include those of votes on the
 * reverse pair; every vote adds an impression to both directions, and impressions count as a
 * fifth outcome in the entropy; PageRank runs over kept-edge nodes only and leaks dangling rank.
 */
export function scoreMai2023(table: VoteTable): Mai2023Graph {
  const counts = countMai2023Pairs(table);
  const n = counts.count;
  const likelihood = new Float64Array(n);
  const entropy = new Float64Array(n);
  const kept = new Uint8Array(n);
  const keptAtEvent = new Int32Array(2 * table.length).fill(-1);
  for (let i = 0; i < n; i++) {
    const wiser = counts.wiser[i]!;
    const notWiser = counts.notWiser[i]!;
    const unsure = counts.unsure[i]!;
    const lessWise = counts.lessWise[i]!;
    likelihood[i] = (wiser - lessWise) / (wiser + notWiser + unsure + lessWise);
    entropy[i] = computeEntropy(wiser, notWiser, lessWise, unsure, counts.impressions[i]!);
    // Their filter also drops !markedWiser first; wiser ≥ 2 implies it, and NaN never passes ≥.
    if (
      wiser >= MAI_2023_MIN_WISER &&
      likelihood[i]! >= MAI_2023_MIN_LIKELIHOOD &&
      entropy[i]! <= MAI_2023_MAX_ENTROPY
    ) {
      kept[i] = 1;
      keptAtEvent[counts.firstSeen[i]!] = i;
    }
  }
  const edgeList: number[] = [];
  for (const pair of keptAtEvent) if (pair >= 0) edgeList.push(pair);
  const edges = Int32Array.from(edgeList);
  const edgeFrom = new Int32Array(edges.length);
  const edgeTo = new Int32Array(edges.length);
  const edgeWeight = new Float64Array(edges.length);
  edges.forEach((pair, k) => {
    edgeFrom[k] = counts.from[pair]!;
    edgeTo[k] = counts.to[pair]!;
    edgeWeight[k] = likelihood[pair]!;
  });
  const { nodes, score } = rankMai2023(edgeFrom, edgeTo, edgeWeight, table.cardCount);
  nodes.sort((a, b) => score[b]! - score[a]! || a - b);
  return {
    pairs: { ...counts, likelihood, entropy, kept },
    edges,
    nodes,
    score,
    voteCount: table.length,
  };
}

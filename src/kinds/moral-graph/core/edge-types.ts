/** Demographic (or any) groups of participants: `ofParticipant[p]` indexes `labels`, −1 unknown. */
export interface ParticipantGroups {
  readonly labels: readonly string[];
  readonly ofParticipant: Int32Array;
}

/** Per edge and group figures; group g of edge e sits at index e · labels.length + g. */
export interface EdgeGroupFigures {
  readonly labels: readonly string[];
  readonly support: Int32Array;
  readonly against: Int32Array;
  /** Groups whose own posterior mean share exceeds 0.5. */
  readonly endorsing: Int32Array;
  /** Groups with at least one counted (upgrade or no-upgrade) judgment on the edge. */
  readonly voting: Int32Array;
  /** Polis group-informed consensus: Π over all groups of (support + 1) / (support + against + 2). */
  readonly consensus: Float64Array;
}

/**
 * Every ordered pair (from → to) that someone judged in a context, as columns. Rows are grouped
 * by context (see {@link PageRankContext.edgeStart}) and, within one, by unordered pair.
 */
export interface ContextEdges {
  readonly count: number;
  readonly context: Int32Array;
  readonly from: Int32Array;
  readonly to: Int32Array;
  /** Upgrade votes on from → to. */
  readonly support: Int32Array;
  /** No-upgrade votes on from → to (an upgrade on to → from is evidence for that edge only). */
  readonly against: Int32Array;
  /** Not-sure votes on from → to (reported, not counted in the share). */
  readonly notSure: Int32Array;
  /** Row of to → from in the same context, or −1 when nobody judged that direction. */
  readonly reverse: Int32Array;
  /** Row of the same ordered pair in {@link PageRankGraph.pooled}. */
  readonly pooledRow: Int32Array;
  /** Posterior share Beta(κ·m + support, κ·(1 − m) + against), m the pair's share elsewhere. */
  readonly mean: Float64Array;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  /** 1 when lower > threshold: the edge is in the graph with PageRank weight `lower`. */
  readonly kept: Uint8Array;
  /** 1 when both directions were judged and the credible interval contains the threshold. */
  readonly contested: Uint8Array;
  readonly groups: EdgeGroupFigures | undefined;
}

export interface ContestedComponent {
  readonly context: number;
  readonly cards: Int32Array;
}

import type { BetaPrior } from "../../../core/stats/share-interval.ts";
import type { ContestedComponent, ContextEdges, ParticipantGroups } from "./edge-types.ts";

export interface PageRankScoringOptions {
  /** Beta prior on each edge's upgrade share; default Beta(1, 1). */
  readonly prior?: BetaPrior;
  /** Mass of the equal-tailed credible interval; default 0.5 (25% and 75% quantiles). */
  readonly credibleMass?: number;
  /** An edge is kept when its lower bound exceeds this; default 0.5. */
  readonly threshold?: number;
  /**
   * κ: how many judgments an ordered pair's share in the other contexts is worth as the prior of
   * its share in one context (partial pooling); 0 scores each context on its own votes. Default 2.
   */
  readonly pooling?: number;
  /** PageRank damping; default 0.85. */
  readonly damping?: number;
  /** PageRank stops when one round changes scores by less than this in L1; default 1e-12. */
  readonly tolerance?: number;
  /** PageRank round cap; default 1000. */
  readonly maxIterations?: number;
  readonly groups?: ParticipantGroups;
  /** Resample participants with replacement to put 10%–90% intervals on scores. */
  readonly bootstrap?: { readonly samples: number; readonly seed: number };
}

export type ResolvedPageRankScoringOptions = Required<Omit<PageRankScoringOptions, "groups" | "bootstrap">> &
  Pick<PageRankScoringOptions, "groups" | "bootstrap">;

/**
 * Every ordered pair judged in some context, its votes summed over contexts, with posterior
 * Beta(α + support, β + against) and the same keep and contested rules as context edges.
 */
export interface PooledEdges {
  readonly count: number;
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly support: Int32Array;
  readonly against: Int32Array;
  readonly notSure: Int32Array;
  readonly reverse: Int32Array;
  readonly mean: Float64Array;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  readonly kept: Uint8Array;
  readonly contested: Uint8Array;
}

/**
 * One context's ranking over every card of the vote table; scores sum to 1. The cards judged in
 * the context are listed best first; every other card holds `baseline`.
 */
export interface PageRankContext {
  readonly context: number;
  /** Votes counted in this context (self-votes excluded) and the participants who cast them. */
  readonly votes: number;
  readonly participants: number;
  /** This context's share of all counted votes (reported; the overall score is pooled). */
  readonly weight: number;
  /** Cards someone judged in this context, best first, and their scores. */
  readonly cards: Int32Array;
  readonly score: Float64Array;
  /** The score of each card nobody judged in this context. */
  readonly baseline: number;
  /** Every card's score, indexed by card. */
  readonly byCard: Float64Array;
  /** Bootstrap 10% and 90% quantiles of each listed card's score, aligned with `cards`. */
  readonly scoreLow: Float64Array | undefined;
  readonly scoreHigh: Float64Array | undefined;
  /** This context's rows of {@link PageRankGraph.edges}: [edgeStart, edgeEnd). */
  readonly edgeStart: number;
  readonly edgeEnd: number;
  readonly keptEdges: number;
  readonly iterations: number;
  /** Strongly connected components (size > 1) of the kept edges: cycles of disagreement. */
  readonly contested: readonly Int32Array[];
}

/** PageRank over the pooled graph: every card of the table best first, scores summing to 1. */
export interface PageRankOverall {
  readonly cards: Int32Array;
  readonly score: Float64Array;
  readonly byCard: Float64Array;
  readonly keptEdges: number;
  readonly iterations: number;
  /** Strongly connected components (size > 1) of the kept pooled edges. */
  readonly contested: readonly Int32Array[];
}

export interface PageRankGraph {
  readonly options: ResolvedPageRankScoringOptions;
  readonly edges: ContextEdges;
  readonly pooled: PooledEdges;
  /** One entry per context index of the vote table (all cards at 1/N for contexts without votes). */
  readonly contexts: readonly PageRankContext[];
  readonly overall: PageRankOverall;
  /** Contested cycles of every context. */
  readonly contested: readonly ContestedComponent[];
  readonly voteCount: number;
  readonly countedVotes: number;
  /** Votes with from = to, which say nothing about an upgrade and are skipped. */
  readonly selfVotes: number;
  readonly participantCount: number;
}

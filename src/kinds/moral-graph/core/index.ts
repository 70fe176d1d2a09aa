export * from "./types.ts";
export { indexVotes } from "./index-votes.ts";
export { createVoteTable, type VoteRow } from "./vote-rows.ts";
export { orderByColumns, type SortColumn } from "./order-by.ts";
export {
  scoreMai2023,
  MAI_2023_MAX_ENTROPY,
  MAI_2023_MIN_LIKELIHOOD,
  MAI_2023_MIN_WISER,
  type Mai2023Graph,
  type Mai2023Pairs,
} from "./mai-2023.ts";
export { countMai2023Pairs, type Mai2023PairCounts } from "./mai-2023-pairs.ts";
export { rankMai2023 } from "./mai-2023-pagerank.ts";
export { scorePageRank } from "./pagerank-scoring.ts";
export { PAGERANK_DEFAULTS, resolvePageRankOptions } from "./pagerank-options.ts";
export type * from "./pagerank-types.ts";
export type * from "./edge-types.ts";
export { countEdges, type EdgeCounts } from "./edge-counts.ts";
export { summarizeEdges, summarizeGroups, summarizePooled, type EdgePosterior } from "./edge-posterior.ts";
export { poolEdges, type PooledCounts } from "./pooled-edges.ts";
export { createPooledIntervals, type PooledShareIntervals } from "./pooled-interval.ts";
export { rankPooled } from "./rank-pooled.ts";
export {
  layOutContexts,
  rankContext,
  createRankScratch,
  type ContextLayout,
  type RankScratch,
} from "./context-layout.ts";
export { bootstrapScores } from "./bootstrap-scores.ts";
export { createShareIntervals, type BetaPrior, type ShareIntervals } from "../../../core/stats/share-interval.ts";
export { betaQuantile, logBeta, logGamma, regularizedBeta } from "../../../core/stats/beta.ts";
export {
  rankPages,
  createPageRankScratch,
  type PageRankOptions,
  type PageRankRun,
  type PageRankScratch,
  type WeightedGraph,
} from "../../../core/graph/pagerank.ts";
export { createAdjacency, findStrongComponents, listCycles, type Adjacency } from "../../../core/graph/scc.ts";
export { findPairRuns, type PairRuns } from "./pair-runs.ts";
export { sortVotesByPair, type SortedVotes } from "./sorted-votes.ts";
export { createRandom } from "../../../core/stats/prng.ts";

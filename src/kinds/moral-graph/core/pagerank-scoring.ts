import { bootstrapScores } from "./bootstrap-scores.ts";
import { createRankScratch, layOutContexts, rankContext } from "./context-layout.ts";
import { summarizeEdges, summarizeGroups, summarizePooled, weighKept } from "./edge-posterior.ts";
import { countEdges } from "./edge-counts.ts";
import { resolvePageRankOptions } from "./pagerank-options.ts";
import type { ContestedComponent } from "./edge-types.ts";
import type { PageRankContext, PageRankGraph, PageRankScoringOptions } from "./pagerank-types.ts";
import { poolEdges } from "./pooled-edges.ts";
import { createPooledIntervals } from "./pooled-interval.ts";
import { rankPooled } from "./rank-pooled.ts";
import { listCycles } from "../../../core/graph/scc.ts";
import { createShareIntervals } from "../../../core/stats/share-interval.ts";
import type { VoteTable } from "./types.ts";

/** Orders local indices by score, highest first, ties by card index. */
function sortByScore(cards: Int32Array, score: Float64Array): Int32Array {
  const order = new Int32Array(cards.length);
  for (let k = 0; k < order.length; k++) order[k] = k;
  return order.sort((a, b) => score[b]! - score[a]! || cards[a]! - cards[b]!);
}

/**
 * Scores a moral graph per context and overall. Each direction of a pair is an edge with its own
 * evidence (upgrades for, no-upgrades against); its share in a context is a Beta posterior
 * partially pooled with the same pair in the other contexts, and the edge is kept when the lower
 * credible bound clears the threshold. Every context ranks all cards of the table by PageRank
 * weighted by those bounds, with dangling rank redistributed, so scores sum to 1; the overall
 * ranking is PageRank on the pooled graph. Cycles among kept edges are reported as contested;
 * optional group endorsement and bootstrap intervals. An upgrade vote on a→b never lowers b's
 * score in its context or overall (docs/decisions/0002-polyphony-scoring.md).
 */
export function scorePageRank(table: VoteTable, options: PageRankScoringOptions = {}): PageRankGraph {
  const resolved = resolvePageRankOptions(table, options);
  const { threshold, groups, prior, credibleMass } = resolved;
  const counts = countEdges(table, groups?.ofParticipant, groups?.labels.length ?? 0);
  const pooledCounts = poolEdges(counts, table.cardCount);
  const intervals = createPooledIntervals(prior, credibleMass, resolved.pooling);
  const posterior = summarizeEdges(counts, pooledCounts, intervals, threshold);
  const pooledPosterior = summarizePooled(pooledCounts, createShareIntervals(prior, credibleMass), threshold);
  const weight = weighKept(posterior);
  const layout = layOutContexts(counts, table.cardCount, table.contextCount);
  const pagerank = { damping: resolved.damping, tolerance: resolved.tolerance, maxIterations: resolved.maxIterations };
  const scratch = createRankScratch(layout);
  const local = new Float64Array(layout.cards.length);
  const bands = resolved.bootstrap
    ? bootstrapScores(table, counts, pooledCounts, layout, intervals, threshold, pagerank, resolved.bootstrap)
    : undefined;

  const countedVotes = table.length - counts.selfVotes;
  const contexts: PageRankContext[] = [];
  const contested: ContestedComponent[] = [];
  for (let c = 0; c < table.contextCount; c++) {
    const first = layout.cardStart[c]!;
    const own = layout.cards.subarray(first, layout.cardStart[c + 1]);
    const out = local.subarray(first, first + own.length);
    const run = rankContext(c, layout, weight, threshold, pagerank, scratch, out);
    const cycles = listCycles(own.length, scratch.from.subarray(0, run.keptEdges), scratch.to.subarray(0, run.keptEdges), own);
    for (const cards of cycles) contested.push({ context: c, cards });
    const byCard = new Float64Array(table.cardCount).fill(run.isolatedScore);
    for (let k = 0; k < own.length; k++) byCard[own[k]!] = out[k]!;
    const order = sortByScore(own, out);
    const pick = (values: Float64Array) => Float64Array.from(order, (k) => values[first + k]!);
    contexts.push({
      context: c,
      votes: counts.contextVotes[c]!,
      participants: counts.contextParticipants[c]!,
      weight: countedVotes > 0 ? counts.contextVotes[c]! / countedVotes : 0,
      cards: Int32Array.from(order, (k) => own[k]!),
      score: Float64Array.from(order, (k) => out[k]!),
      baseline: run.isolatedScore,
      byCard,
      scoreLow: bands && pick(bands.low),
      scoreHigh: bands && pick(bands.high),
      edgeStart: layout.contextStart[c]!,
      edgeEnd: layout.contextStart[c + 1]!,
      keptEdges: run.keptEdges,
      iterations: run.iterations,
      contested: cycles,
    });
  }

  const { count, context, from, to, support, against, notSure, reverse } = counts;
  const { ofEdge, ...pooled } = pooledCounts;
  return {
    options: resolved,
    edges: {
      ...{ count, context, from, to, support, against, notSure, reverse },
      pooledRow: ofEdge,
      ...posterior,
      groups: groups ? summarizeGroups(counts, groups.labels, prior) : undefined,
    },
    pooled: { ...pooled, ...pooledPosterior },
    contexts,
    overall: rankPooled(pooledCounts, weighKept(pooledPosterior), threshold, table.cardCount, pagerank),
    contested,
    voteCount: table.length,
    countedVotes,
    selfVotes: counts.selfVotes,
    participantCount: table.participantCount,
  };
}

import { bootstrapScores } from "./bootstrap-scores.ts";
import { createRankScratch, layOutContexts, rankContext } from "./context-layout.ts";
import { summarizeEdges, summarizeGroups } from "./edge-posterior.ts";
import { countEdges } from "./polyphony-edges.ts";
import type {
  ContestedComponent,
  PolyphonyContext,
  PolyphonyGraph,
  PolyphonyOptions,
  ResolvedPolyphonyOptions,
} from "./polyphony-types.ts";
import { createAdjacency, findStrongComponents } from "./scc.ts";
import { createShareIntervals } from "./share-interval.ts";
import type { VoteTable } from "./types.ts";
import { resolvePolyphonyOptions } from "./polyphony-options.ts";

/** Orders local indices by score, highest first, ties by card index. */
function sortByScore(cards: Int32Array, score: Float64Array): Int32Array {
  const order = new Int32Array(cards.length);
  for (let k = 0; k < order.length; k++) order[k] = k;
  return order.sort((a, b) => score[b]! - score[a]! || cards[a]! - cards[b]!);
}

/** Cards of each strongly connected component with more than one card. */
function listCycles(nodeCount: number, from: Int32Array, to: Int32Array, cards: Int32Array): Int32Array[] {
  const { component, count } = findStrongComponents(createAdjacency(nodeCount, from, to));
  const members: number[][] = Array.from({ length: count }, () => []);
  for (let v = 0; v < nodeCount; v++) members[component[v]!]!.push(cards[v]!);
  return members.filter((m) => m.length > 1).map((m) => Int32Array.from(m).sort());
}

/**
 * Scores a moral graph per context: Beta-posterior edges kept on their lower credible bound,
 * PageRank per context weighted by that bound with dangling rank redistributed, cycles among kept
 * edges reported as contested, optional group endorsement and bootstrap intervals, and an
 * overall score that averages contexts by their share of votes.
 */
export function scorePolyphony(table: VoteTable, options: PolyphonyOptions = {}): PolyphonyGraph {
  const resolved: ResolvedPolyphonyOptions = resolvePolyphonyOptions(table, options);
  const { threshold, groups } = resolved;
  const counts = countEdges(table, groups?.ofParticipant, groups?.labels.length ?? 0);
  const intervals = createShareIntervals(resolved.prior, resolved.credibleMass);
  const posterior = summarizeEdges(counts, intervals, threshold);
  const layout = layOutContexts(counts, table.cardCount, table.contextCount);
  const pagerank = { damping: resolved.damping, tolerance: resolved.tolerance, maxIterations: resolved.maxIterations };
  const scratch = createRankScratch(layout);
  const local = new Float64Array(layout.cards.length);
  const bands = resolved.bootstrap
    ? bootstrapScores(table, counts, layout, intervals, threshold, pagerank, resolved.bootstrap.samples, resolved.bootstrap.seed)
    : undefined;

  const countedVotes = table.length - counts.selfVotes;
  const byCard = new Float64Array(table.cardCount);
  const seen = new Uint8Array(table.cardCount);
  const contexts: PolyphonyContext[] = [];
  const contested: ContestedComponent[] = [];
  for (let c = 0; c < table.contextCount; c++) {
    const first = layout.cardStart[c]!;
    const end = layout.cardStart[c + 1]!;
    const own = layout.cards.subarray(first, end);
    const out = local.subarray(first, end);
    const { iterations, keptEdges } = rankContext(c, layout, posterior.lower, threshold, pagerank, scratch, out);
    const cycles = listCycles(own.length, scratch.from.subarray(0, keptEdges), scratch.to.subarray(0, keptEdges), own);
    for (const cards of cycles) contested.push({ context: c, cards });
    const weight = countedVotes > 0 ? counts.contextVotes[c]! / countedVotes : 0;
    const order = sortByScore(own, out);
    const pick = (values: Float64Array) => Float64Array.from(order, (k) => values[first + k]!);
    for (let k = 0; k < own.length; k++) {
      byCard[own[k]!]! += weight * out[k]!;
      seen[own[k]!] = 1;
    }
    contexts.push({
      context: c,
      votes: counts.contextVotes[c]!,
      participants: counts.contextParticipants[c]!,
      weight,
      cards: Int32Array.from(order, (k) => own[k]!),
      score: Float64Array.from(order, (k) => out[k]!),
      scoreLow: bands && pick(bands.low),
      scoreHigh: bands && pick(bands.high),
      edgeStart: layout.contextStart[c]!,
      edgeEnd: layout.contextStart[c + 1]!,
      keptEdges,
      iterations,
      contested: cycles,
    });
  }

  const ranked: number[] = [];
  for (let card = 0; card < table.cardCount; card++) if (seen[card]) ranked.push(card);
  ranked.sort((a, b) => byCard[b]! - byCard[a]! || a - b);
  const { count, context, from, to, support, against, notSure, reverse } = counts;
  return {
    options: resolved,
    edges: {
      ...{ count, context, from, to, support, against, notSure, reverse },
      ...posterior,
      groups: groups ? summarizeGroups(counts, groups.labels, resolved.prior) : undefined,
    },
    contexts,
    overall: { cards: Int32Array.from(ranked), score: Float64Array.from(ranked, (c) => byCard[c]!), byCard },
    contested,
    voteCount: table.length,
    countedVotes,
    selfVotes: counts.selfVotes,
    participantCount: table.participantCount,
  };
}

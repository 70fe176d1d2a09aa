import { layOutContexts } from "./context-layout.ts";
import { countEdges } from "./edge-counts.ts";
import { summarizeEdges, summarizeGroups, summarizePooled } from "./edge-posterior.ts";
import type { ContestedComponent } from "./edge-types.ts";
import { bootstrapHbt } from "./hbt-bootstrap.ts";
import { deltaIndex, slotOffset } from "./hbt-fit.ts";
import { createComparisonRows } from "./hbt-rows.ts";
import { fitWithTau } from "./hbt-tau.ts";
import { resolvePolyphonyOptions } from "./polyphony-options.ts";
import type { PolyphonyContext, PolyphonyGraph, PolyphonyOptions } from "./polyphony-types.ts";
import { poolEdges } from "./pooled-edges.ts";
import { createPooledIntervals } from "./pooled-interval.ts";
import { listCycles } from "../../../core/graph/scc.ts";
import { createShareIntervals } from "../../../core/stats/share-interval.ts";
import type { VoteTable } from "./types.ts";

/** Positions 0..n−1 ordered by score, highest first, ties by card index. */
function sortByScore(cards: Int32Array, score: (k: number) => number): Int32Array {
  const order = new Int32Array(cards.length);
  for (let k = 0; k < order.length; k++) order[k] = k;
  return order.sort((a, b) => score(b) - score(a) || cards[a]! - cards[b]!);
}

/** The rows of `from`/`to` whose `kept` flag is set, as two compact arrays. */
function keptPairs(kept: Uint8Array, from: Int32Array, to: Int32Array, start: number, end: number, map: (card: number) => number) {
  const a: number[] = [];
  const b: number[] = [];
  for (let e = start; e < end; e++) {
    if (kept[e] !== 1) continue;
    a.push(map(from[e]!));
    b.push(map(to[e]!));
  }
  return { from: Int32Array.from(a), to: Int32Array.from(b) };
}

/**
 * Scores a moral graph with a hierarchical Bradley–Terry model:
 * logit P(upgrade | a → b shown in c) = δ + θ_cb − θ_ca, θ_ci = μ_i + u_ci, u ~ N(0, τ²),
 * fitted on upgrade and no-upgrade counts per (context, ordered pair), with τ chosen from the
 * votes unless given (docs/decisions/0011-hierarchical-bradley-terry.md). Each context ranks its
 * judged cards by θ_c·; the overall ranking is μ. Not-sure votes are counted, never evidence.
 * Edges are kept for drawing by the Beta rule of decision 0002 and their cycles reported as
 * contested; optional group endorsement and participant-bootstrap intervals on every score.
 */
export function scorePolyphony(table: VoteTable, options: PolyphonyOptions = {}): PolyphonyGraph {
  const resolved = resolvePolyphonyOptions(table, options);
  const { threshold, groups, prior, credibleMass, priorScale } = resolved;
  const counts = countEdges(table, groups?.ofParticipant, groups?.labels.length ?? 0);
  const pooledCounts = poolEdges(counts, table.cardCount);
  const intervals = createPooledIntervals(prior, credibleMass, resolved.pooling);
  const posterior = summarizeEdges(counts, pooledCounts, intervals, threshold);
  const pooledPosterior = summarizePooled(pooledCounts, createShareIntervals(prior, credibleMass), threshold);
  const layout = layOutContexts(counts, table.cardCount, table.contextCount);
  const rows = createComparisonRows(counts, layout);
  const fit = fitWithTau(rows, { priorScale, tolerance: resolved.tolerance, tau: resolved.tau });
  const { x } = fit;
  const bands = resolved.bootstrap
    ? bootstrapHbt(table, counts.voteEdge, rows, { tau: fit.tau, priorScale }, x, resolved.bootstrap)
    : undefined;
  const off = slotOffset(rows);

  let notSureVotes = 0;
  const notSure = new Int32Array(table.contextCount);
  for (let e = 0; e < counts.count; e++) notSure[counts.context[e]!]! += counts.notSure[e]!;
  for (const n of notSure) notSureVotes += n;
  const contexts: PolyphonyContext[] = [];
  const contested: ContestedComponent[] = [];
  for (let c = 0; c < table.contextCount; c++) {
    const first = layout.cardStart[c]!;
    const own = layout.cards.subarray(first, layout.cardStart[c + 1]);
    const slot = (k: number) => off + first + k;
    const byCard = Float64Array.from(x.subarray(0, table.cardCount));
    for (let k = 0; k < own.length; k++) byCard[own[k]!] = x[slot(k)]!;
    const edgeStart = counts.contextStart[c]!;
    const edgeEnd = counts.contextStart[c + 1]!;
    const kept = keptPairs(posterior.kept, layout.localFrom, layout.localTo, edgeStart, edgeEnd, (k) => k);
    const cycles = listCycles(own.length, kept.from, kept.to, own);
    for (const cards of cycles) contested.push({ context: c, cards });
    const order = sortByScore(own, (k) => x[slot(k)]!);
    const pick = (values: Float64Array) => Float64Array.from(order, (k) => values[slot(k)]!);
    contexts.push({
      context: c,
      votes: counts.contextVotes[c]!,
      notSure: notSure[c]!,
      participants: counts.contextParticipants[c]!,
      cards: Int32Array.from(order, (k) => own[k]!),
      score: pick(x),
      byCard,
      scoreLow: bands && pick(bands.low),
      scoreHigh: bands && pick(bands.high),
      edgeStart,
      edgeEnd,
      keptEdges: kept.from.length,
      contested: cycles,
    });
  }

  const everyCard = Int32Array.from({ length: table.cardCount }, (_, i) => i);
  const overallOrder = sortByScore(everyCard, (i) => x[i]!);
  const pooledKept = keptPairs(pooledPosterior.kept, pooledCounts.from, pooledCounts.to, 0, pooledCounts.count, (i) => i);
  const { count, context, from, to, support, against, reverse } = counts;
  return {
    options: resolved,
    model: {
      tau: fit.tau,
      delta: x[deltaIndex(rows)]!,
      tauChosen: resolved.tau === undefined,
      tauRounds: fit.tauRounds,
      iterations: fit.iterations,
      converged: fit.converged,
    },
    edges: {
      ...{ count, context, from, to, support, against, notSure: counts.notSure, reverse },
      pooledRow: pooledCounts.ofEdge,
      ...posterior,
      groups: groups ? summarizeGroups(counts, groups.labels, prior) : undefined,
    },
    contexts,
    overall: {
      cards: overallOrder,
      score: Float64Array.from(overallOrder, (i) => x[i]!),
      byCard: Float64Array.from(x.subarray(0, table.cardCount)),
      scoreLow: bands && Float64Array.from(overallOrder, (i) => bands.low[i]!),
      scoreHigh: bands && Float64Array.from(overallOrder, (i) => bands.high[i]!),
      keptEdges: pooledKept.from.length,
      contested: listCycles(table.cardCount, pooledKept.from, pooledKept.to),
    },
    contested,
    voteCount: table.length,
    countedVotes: table.length - counts.selfVotes - notSureVotes,
    notSureVotes,
    selfVotes: counts.selfVotes,
    participantCount: table.participantCount,
  };
}

import { scoreMai2023 } from "../../src/kinds/moral-graph/core/mai-2023.ts";
import { RELATIONSHIPS, type VoteTable } from "../../src/kinds/moral-graph/core/types.ts";
import { summarizePublished, type PublishedVote } from "./mai-published.ts";
import { formatMs, measure } from "./timing.ts";

/** The first `size` votes of the table whose context is below `contexts`. */
function sliceVotes(table: VoteTable, size: number, contexts: number): VoteTable {
  const rows: number[] = [];
  for (let i = 0; i < table.length && rows.length < size; i++) if (table.context[i]! < contexts) rows.push(i);
  const pick = (column: Int32Array) => Int32Array.from(rows, (i) => column[i]!);
  return {
    ...table,
    length: rows.length,
    participant: pick(table.participant),
    from: pick(table.from),
    to: pick(table.to),
    context: pick(table.context),
    relationship: Uint8Array.from(rows, (i) => table.relationship[i]!),
  };
}

/**
 * Times MAI's published algorithm against scoreMai2023 on a slice and checks that both keep the
 * same edges, in the same order, with bit-identical likelihoods, entropies, contexts and scores.
 */
export function comparePublished(table: VoteTable, size: number): void {
  const slice = sliceVotes(table, size, 2);
  const votes: PublishedVote[] = Array.from({ length: slice.length }, (_, i) => ({
    userId: slice.participant[i]!,
    fromId: slice.from[i]!,
    toId: slice.to[i]!,
    contextId: `context-${slice.context[i]}`,
    relationship: RELATIONSHIPS[slice.relationship[i]!]!,
  }));
  const published = measure(() => summarizePublished(votes), 1);
  const ours = measure(() => scoreMai2023(slice), 5);
  const { edges, rank } = published.result;
  const graph = ours.result;
  let mismatches = 0;
  if (edges.length !== graph.edges.length) mismatches++;
  edges.forEach((edge, k) => {
    const p = graph.edges[k] ?? -1;
    const contexts = p < 0 ? [] : Array.from(graph.pairs.contexts.subarray(graph.pairs.contextStart[p], graph.pairs.contextStart[p + 1]), (c) => `context-${c}`);
    const same =
      p >= 0 &&
      graph.pairs.from[p] === edge.sourceValueId &&
      graph.pairs.to[p] === edge.wiserValueId &&
      graph.pairs.likelihood[p] === edge.summary.wiserLikelihood &&
      graph.pairs.entropy[p] === edge.summary.entropy &&
      contexts.join() === edge.contexts.join();
    if (!same) mismatches++;
  });
  let maxDiff = 0;
  for (const [card, score] of rank) maxDiff = Math.max(maxDiff, Math.abs(score - graph.score[card]!));
  if (rank.size !== graph.nodes.length) mismatches++;
  console.log(`\nmai-2023 vs MAI's published code, ${slice.length} votes (contexts 0–1), ${edges.length} kept edges:`);
  console.log(`  published transcription (O(E²) PageRank)  ${formatMs(published.bestMs)}`);
  console.log(`  scoreMai2023 (best of 5)                  ${formatMs(ours.bestMs)}`);
  console.log(`  speed-up                                  ${(published.bestMs / ours.bestMs).toFixed(0)}×`);
  console.log(`  identical: ${mismatches === 0 && maxDiff === 0 ? "yes" : "NO"} (edge mismatches ${mismatches}, max score difference ${maxDiff})`);
}

import { scoreMai2023 } from "./core/mai-2023.ts";
import type { GraphInput } from "./graph-input.ts";

/** The `mai-2023` graph in Polyphony's JSON shape; counts and summary named as MAI names them. */
export function presentMai2023(input: GraphInput) {
  const { table, cardIds, contextIds } = input.votes;
  const graph = scoreMai2023(table);
  const { pairs } = graph;
  const cardTitle = (i: number) => input.cards.get(cardIds[i]!)?.title ?? cardIds[i]!;
  const values = Array.from(graph.nodes, (i) => ({
    id: cardIds[i]!,
    title: cardTitle(i),
    score: graph.score[i]!,
    externalRef: input.cards.get(cardIds[i]!)?.externalRef ?? null,
  }));
  const edges = Array.from(graph.edges, (p) => {
    const contexts: string[] = [];
    for (let k = pairs.contextStart[p]!; k < pairs.contextStart[p + 1]!; k++) {
      const id = contextIds[pairs.contexts[k]!]!;
      contexts.push(input.contextName.get(id) ?? id);
    }
    return {
      from: cardIds[pairs.from[p]!]!,
      to: cardIds[pairs.to[p]!]!,
      contexts,
      counts: {
        markedWiser: pairs.wiser[p]!,
        markedNotWiser: pairs.notWiser[p]!,
        markedLessWise: pairs.lessWise[p]!,
        markedUnsure: pairs.unsure[p]!,
        impressions: pairs.impressions[p]!,
      },
      summary: { wiserLikelihood: pairs.likelihood[p]!, entropy: pairs.entropy[p]! },
    };
  });
  return {
    method: "mai-2023" as const,
    votes: table.length,
    values,
    edges,
    note: "MAI 2023 scoring: pairs keyed without context; scores leak rank at dangling nodes and sum to less than 1.",
  };
}

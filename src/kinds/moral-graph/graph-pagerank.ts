import { scorePageRank } from "./core/pagerank-scoring.ts";
import { createPresenter, presentEdges, type GroupSpec } from "./graph-parts.ts";
import type { GraphInput } from "./graph-input.ts";

/** Bootstrap intervals for deliberations up to this many votes; larger ones get point scores only. */
export const BOOTSTRAP_MAX_VOTES = 200_000;
const BOOTSTRAP = { samples: 100, seed: 20231003 };

/**
 * The `pagerank` graph: values best first by their score on the pooled graph, each with its
 * per-context breakdown; per context, the values judged there best first with bootstrap
 * intervals, and the score every other value holds there (each context ranks all values, so its
 * listed scores plus the unjudged ones sum to 1); edges kept on the lower bound of their upgrade
 * share; contested cycles; and, with groups, how many groups endorse each edge.
 */
export function presentPageRank(input: GraphInput, options: { groups?: GroupSpec | undefined }) {
  const { table, cardIds, contextIds } = input.votes;
  const graph = scorePageRank(table, {
    ...(options.groups && { groups: options.groups }),
    ...(table.length <= BOOTSTRAP_MAX_VOTES && { bootstrap: BOOTSTRAP }),
  });
  const { contextName, title, ids, perCard, listValues } = createPresenter(input);
  const contexts = graph.contexts
    .filter((ctx) => ctx.votes > 0)
    .map((ctx) => {
      const name = contextName(ctx.context);
      const values = listValues(ctx, name);
      return {
        id: contextIds[ctx.context]!,
        name,
        votes: ctx.votes,
        participants: ctx.participants,
        weight: ctx.weight,
        keptEdges: ctx.keptEdges,
        values,
        unjudged: { count: table.cardCount - ctx.cards.length, score: ctx.baseline },
        contested: ctx.contested.map(ids),
      };
    });
  const values = Array.from(graph.overall.cards, (card, k) => ({
    id: cardIds[card]!,
    title: title(card),
    score: graph.overall.score[k]!,
    externalRef: input.cards.get(cardIds[card]!)?.externalRef ?? null,
    contexts: perCard.get(card) ?? {},
  }));
  const { options: used } = graph;
  return {
    method: "pagerank" as const,
    votes: graph.voteCount,
    countedVotes: graph.countedVotes,
    participants: graph.participantCount,
    parameters: {
      prior: used.prior,
      credibleMass: used.credibleMass,
      threshold: used.threshold,
      pooling: used.pooling,
      damping: used.damping,
      bootstrap: used.bootstrap ?? null,
      groupBy: options.groups?.key ?? null,
    },
    values,
    overall: {
      keptEdges: graph.overall.keptEdges,
      contested: graph.overall.contested.map(ids),
    },
    contexts,
    edges: presentEdges(graph.edges, input, contextName),
    contested: graph.contested.map((c) => ({ context: contextName(c.context), cards: ids(c.cards) })),
  };
}

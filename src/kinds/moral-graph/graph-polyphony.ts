import { scorePolyphony } from "./core/polyphony.ts";
import { bandScore, createPresenter, presentEdges, type GroupSpec } from "./graph-parts.ts";
import type { GraphInput } from "./graph-input.ts";

/**
 * Participant-bootstrap bands for deliberations up to this many votes (each sample refits the
 * model); larger ones get point scores only.
 */
export const POLYPHONY_BOOTSTRAP_MAX_VOTES = 20_000;
const BOOTSTRAP = { samples: 50, seed: 20231003 };

/**
 * The `polyphony` graph (hierarchical Bradley–Terry): values best first by μ, each with its
 * per-context θ; per context, the values judged there best first; all on the logit scale, with
 * bootstrap bands; the fitted τ and δ; edges kept by the Beta rule for drawing; contested
 * cycles; and, with groups, how many groups endorse each edge.
 */
export function presentPolyphony(input: GraphInput, options: { groups?: GroupSpec | undefined }) {
  const { table, cardIds, contextIds } = input.votes;
  const graph = scorePolyphony(table, {
    ...(options.groups && { groups: options.groups }),
    ...(table.length <= POLYPHONY_BOOTSTRAP_MAX_VOTES && { bootstrap: BOOTSTRAP }),
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
        notSure: ctx.notSure,
        participants: ctx.participants,
        keptEdges: ctx.keptEdges,
        values,
        contested: ctx.contested.map(ids),
      };
    });
  const { overall } = graph;
  const values = Array.from(overall.cards, (card, k) => ({
    id: cardIds[card]!,
    title: title(card),
    ...bandScore(overall.score[k]!, overall.scoreLow, overall.scoreHigh, k),
    externalRef: input.cards.get(cardIds[card]!)?.externalRef ?? null,
    contexts: perCard.get(card) ?? {},
  }));
  const { options: used, model } = graph;
  return {
    method: "polyphony" as const,
    votes: graph.voteCount,
    countedVotes: graph.countedVotes,
    notSure: graph.notSureVotes,
    participants: graph.participantCount,
    model: {
      tau: model.tau,
      tauChosen: model.tauChosen,
      delta: model.delta,
      iterations: model.iterations,
      converged: model.converged,
    },
    parameters: {
      priorScale: used.priorScale,
      prior: used.prior,
      credibleMass: used.credibleMass,
      threshold: used.threshold,
      pooling: used.pooling,
      bootstrap: used.bootstrap ?? null,
      groupBy: options.groups?.key ?? null,
    },
    values,
    overall: { keptEdges: overall.keptEdges, contested: overall.contested.map(ids) },
    contexts,
    edges: presentEdges(graph.edges, input, contextName),
    contested: graph.contested.map((c) => ({ context: contextName(c.context), cards: ids(c.cards) })),
  };
}

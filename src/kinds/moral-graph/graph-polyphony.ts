import { LazyList } from "../../http/json-stream.ts";
import { bandsOf, CONTEXT_TOP, bandScore, contextNameOf, contextValue, edgeAt, idsOf, presentContested, presentOverall, titleOf, viewOf, type GraphView } from "./graph-parts.ts";
import { pageRange } from "./results/graph-cursor.ts";
import type { ScoredPolyphony } from "./results/scored-graph.ts";

/** The value ranked `k`-th overall (μ on the logit scale, with its band), with its θ band in each context that judged it. */
export function polyphonyValueAt(s: ScoredPolyphony, k: number) {
  const { overall } = s.graph;
  const card = overall.cards[k]!;
  return {
    id: s.cardIds[card]!,
    title: titleOf(s, card),
    ...bandScore(overall.score[k]!, overall.scoreLow, overall.scoreHigh, k),
    externalRef: s.cards.get(s.cardIds[card]!)?.externalRef ?? null,
    contexts: bandsOf(s, card),
  };
}

/** Edge `e` of the `polyphony` graph. */
export const polyphonyEdgeAt = (s: ScoredPolyphony, e: number) => edgeAt(s, s.graph.edges, e);

type PolyphonyContext = ScoredPolyphony["graph"]["contexts"][number];

/** What the graph says of a context, but the values judged there. */
const contextFields = (s: ScoredPolyphony, ctx: PolyphonyContext) => ({
  id: s.contextIds[ctx.context]!,
  name: contextNameOf(s, ctx.context),
  votes: ctx.votes,
  notSure: ctx.notSure,
  participants: ctx.participants,
  keptEdges: ctx.keptEdges,
});

/** The fields every answer about a `polyphony` graph starts with: its counts, the fitted model and parameters. */
function presentHead(s: ScoredPolyphony) {
  const { graph } = s;
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
      groupBy: s.groupBy,
    },
  };
}

const valueOf = (s: ScoredPolyphony, view: GraphView, k: number) => view.value(k, (i) => polyphonyValueAt(s, i));

/**
 * The whole `polyphony` graph (hierarchical Bradley–Terry), its long lists lazy (see
 * `streamJson`): values best first by μ, each with its per-context θ; per context, the values
 * judged there best first; all on the logit scale, with bootstrap bands; the fitted τ and δ; edges
 * kept by the Beta rule for drawing; contested cycles; and, with groups, how many groups endorse
 * each edge. With `context` (its index), that context's slice of the graph scored on every vote.
 */
export function describePolyphony(s: ScoredPolyphony, context?: number) {
  const view = viewOf(s, context);
  return {
    ...presentHead(s),
    values: new LazyList(view.values, (k) => valueOf(s, view, k)),
    overall: presentOverall(s),
    contexts: view.contexts.map((ctx) => ({
      ...contextFields(s, ctx),
      values: new LazyList(ctx.cards.length, (k) => contextValue(s, ctx, k)),
      contested: ctx.contested.map((cards) => idsOf(s, cards)),
    })),
    edges: new LazyList(view.edges, (k) => polyphonyEdgeAt(s, view.edgeAt(k))),
    contested: presentContested(s, view),
  };
}

/**
 * One page of the `polyphony` graph (or of a context's slice): values [offset, offset + limit)
 * and edges [offset, offset + limit), with the summary (per context its `top` values only).
 */
export function presentPolyphonyPage(s: ScoredPolyphony, offset: number, limit: number, context?: number) {
  const view = viewOf(s, context);
  return {
    ...presentHead(s),
    totals: { values: view.values, edges: view.edges },
    values: pageRange(view.values, offset, limit).map((k) => valueOf(s, view, k)),
    overall: presentOverall(s),
    contexts: view.contexts.map((ctx) => ({
      ...contextFields(s, ctx),
      judged: ctx.cards.length,
      top: Array.from({ length: Math.min(CONTEXT_TOP, ctx.cards.length) }, (_, k) => contextValue(s, ctx, k)),
      contested: ctx.contested.map((cards) => idsOf(s, cards)),
    })),
    edges: pageRange(view.edges, offset, limit).map((k) => polyphonyEdgeAt(s, view.edgeAt(k))),
    contested: presentContested(s, view),
  };
}

import { LazyList } from "../../http/json-stream.ts";
import { bandsOf, CONTEXT_TOP, contextNameOf, contextValue, edgeAt, idsOf, presentContested, presentOverall, titleOf, viewOf, type GraphView } from "./graph-parts.ts";
import { pageRange } from "./results/graph-cursor.ts";
import type { ScoredPageRank } from "./results/scored-graph.ts";

/** The value ranked `k`-th overall, with its score band in each context that judged it. */
export function pageRankValueAt(s: ScoredPageRank, k: number) {
  const card = s.graph.overall.cards[k]!;
  return {
    id: s.cardIds[card]!,
    title: titleOf(s, card),
    score: s.graph.overall.score[k]!,
    externalRef: s.cards.get(s.cardIds[card]!)?.externalRef ?? null,
    contexts: bandsOf(s, card),
  };
}

/** Edge `e` of the `pagerank` graph. */
export const pageRankEdgeAt = (s: ScoredPageRank, e: number) => edgeAt(s, s.graph.edges, e);

type PageRankContext = ScoredPageRank["graph"]["contexts"][number];

/** What the graph says of a context, but the values judged there. */
const contextFields = (s: ScoredPageRank, ctx: PageRankContext) => ({
  id: s.contextIds[ctx.context]!,
  name: contextNameOf(s, ctx.context),
  votes: ctx.votes,
  participants: ctx.participants,
  weight: ctx.weight,
  keptEdges: ctx.keptEdges,
});

/** The rest of what the graph says of a context: the score every unjudged value holds there, and its cycles. */
const contextTail = (s: ScoredPageRank, ctx: PageRankContext) => ({
  unjudged: { count: s.cardCount - ctx.cards.length, score: ctx.baseline },
  contested: ctx.contested.map((cards) => idsOf(s, cards)),
});

/** The fields every answer about a `pagerank` graph starts with: its counts and parameters. */
function presentHead(s: ScoredPageRank) {
  const { graph } = s;
  const used = graph.options;
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
      groupBy: s.groupBy,
    },
  };
}

const valueOf = (s: ScoredPageRank, view: GraphView<PageRankContext>, k: number) => view.value(k, (i) => pageRankValueAt(s, i));

/**
 * The whole `pagerank` graph, its long lists lazy (see `streamJson`): values best first by their
 * score on the pooled graph, each with its per-context breakdown; per context, the values judged
 * there best first with bootstrap intervals, and the score every other value holds there (each
 * context ranks all values, so its listed scores plus the unjudged ones sum to 1); edges kept on
 * the lower bound of their upgrade share; contested cycles; and, with groups, how many groups
 * endorse each edge. With `context` (its index), that context's slice of the graph scored on every vote.
 */
export function describePageRank(s: ScoredPageRank, context?: number) {
  const view = viewOf(s, context);
  return {
    ...presentHead(s),
    values: new LazyList(view.values, (k) => valueOf(s, view, k)),
    overall: presentOverall(s),
    contexts: view.contexts.map((ctx) => ({
      ...contextFields(s, ctx),
      values: new LazyList(ctx.cards.length, (k) => contextValue(s, ctx, k)),
      ...contextTail(s, ctx),
    })),
    edges: new LazyList(view.edges, (k) => pageRankEdgeAt(s, view.edgeAt(k))),
    contested: presentContested(s, view),
  };
}

/**
 * One page of the `pagerank` graph (or of a context's slice): values [offset, offset + limit) and
 * edges [offset, offset + limit), with the summary (per context its `top` values only).
 */
export function presentPageRankPage(s: ScoredPageRank, offset: number, limit: number, context?: number) {
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
      ...contextTail(s, ctx),
    })),
    edges: pageRange(view.edges, offset, limit).map((k) => pageRankEdgeAt(s, view.edgeAt(k))),
    contested: presentContested(s, view),
  };
}

import { LazyList } from "../../http/json-stream.ts";
import type { PolyphonyGraph } from "./core/polyphony-types.ts";
import { pageRange } from "./results/graph-cursor.ts";
import type { ScoredPolyphony } from "./results/scored-graph.ts";

/** How many values of each context the graph's summary lists. */
export const CONTEXT_TOP = 10;

interface Band {
  score: number;
  low: number | null;
  high: number | null;
  rank: number;
}

const contextNameOf = (s: ScoredPolyphony, c: number) => s.contextName.get(s.contextIds[c]!) ?? s.contextIds[c]!;
const titleOf = (s: ScoredPolyphony, card: number) => s.cards.get(s.cardIds[card]!)?.title ?? s.cardIds[card]!;

/** Per context with votes, the place of each card in its ranking, or −1 (made once per graph). */
const placesOf = new WeakMap<PolyphonyGraph, { context: number; name: string; place: Int32Array }[]>();
function contextPlaces(s: ScoredPolyphony) {
  let places = placesOf.get(s.graph);
  if (!places) {
    places = s.graph.contexts
      .filter((ctx) => ctx.votes > 0)
      .map((ctx) => {
        const place = new Int32Array(s.cardCount).fill(-1);
        ctx.cards.forEach((card, k) => (place[card] = k));
        return { context: ctx.context, name: contextNameOf(s, ctx.context), place };
      });
    placesOf.set(s.graph, places);
  }
  return places;
}

function bandAt(s: ScoredPolyphony, context: number, k: number): Band {
  const ctx = s.graph.contexts[context]!;
  return { score: ctx.score[k]!, low: ctx.scoreLow?.[k] ?? null, high: ctx.scoreHigh?.[k] ?? null, rank: k + 1 };
}

/** The value ranked `k`-th overall, with its score band in each context that judged it. */
export function polyphonyValueAt(s: ScoredPolyphony, k: number) {
  const card = s.graph.overall.cards[k]!;
  const contexts: Record<string, Band> = {};
  for (const { context, name, place } of contextPlaces(s)) if (place[card]! >= 0) contexts[name] = bandAt(s, context, place[card]!);
  return {
    id: s.cardIds[card]!,
    title: titleOf(s, card),
    score: s.graph.overall.score[k]!,
    externalRef: s.cards.get(s.cardIds[card]!)?.externalRef ?? null,
    contexts,
  };
}

/** Edge `e`: a direction judged in one context, its counts, posterior share and group figures. */
export function polyphonyEdgeAt(s: ScoredPolyphony, e: number) {
  const { edges } = s.graph;
  const groups = edges.groups;
  const width = groups?.labels.length ?? 0;
  return {
    from: s.cardIds[edges.from[e]!]!,
    to: s.cardIds[edges.to[e]!]!,
    contexts: [contextNameOf(s, edges.context[e]!)],
    counts: { upgrade: edges.support[e]!, against: edges.against[e]!, notSure: edges.notSure[e]! },
    share: { mean: edges.mean[e]!, lower: edges.lower[e]!, upper: edges.upper[e]! },
    kept: edges.kept[e] === 1,
    contested: edges.contested[e] === 1,
    ...(groups && {
      groups: {
        endorsing: groups.endorsing[e]!,
        voting: groups.voting[e]!,
        of: groups.labels.length,
        consensus: groups.consensus[e]!,
        byGroup: Object.fromEntries(groups.labels.map((label, g) => [label, { support: groups.support[e * width + g]!, against: groups.against[e * width + g]! }])),
      },
    }),
  };
}

type ScoredContext = ScoredPolyphony["graph"]["contexts"][number];

const contextValue = (s: ScoredPolyphony, ctx: ScoredContext, k: number) => ({
  id: s.cardIds[ctx.cards[k]!]!,
  title: titleOf(s, ctx.cards[k]!),
  ...bandAt(s, ctx.context, k),
});

/** What the graph says of each context with votes, but the values judged there. */
function presentContexts(s: ScoredPolyphony) {
  return s.graph.contexts
    .filter((ctx) => ctx.votes > 0)
    .map((ctx) => ({
      ctx,
      fields: {
        id: s.contextIds[ctx.context]!,
        name: contextNameOf(s, ctx.context),
        votes: ctx.votes,
        participants: ctx.participants,
        weight: ctx.weight,
        keptEdges: ctx.keptEdges,
      },
      rest: {
        unjudged: { count: s.cardCount - ctx.cards.length, score: ctx.baseline },
        contested: ctx.contested.map((cards) => Array.from(cards, (c) => s.cardIds[c]!)),
      },
    }));
}

/** The fields every answer about a `polyphony` graph starts with: its counts and parameters. */
function presentHead(s: ScoredPolyphony) {
  const { graph } = s;
  const used = graph.options;
  return {
    method: "polyphony" as const,
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

const presentOverall = (s: ScoredPolyphony) => ({
  keptEdges: s.graph.overall.keptEdges,
  contested: s.graph.overall.contested.map((cards) => Array.from(cards, (c) => s.cardIds[c]!)),
});

const presentContested = (s: ScoredPolyphony) => s.graph.contested.map((c) => ({ context: contextNameOf(s, c.context), cards: Array.from(c.cards, (i) => s.cardIds[i]!) }));

/**
 * The whole `polyphony` graph, its long lists lazy (see `streamJson`): values best first by their
 * score on the pooled graph, each with its per-context breakdown; per context, the values judged
 * there best first with bootstrap intervals, and the score every other value holds there (each
 * context ranks all values, so its listed scores plus the unjudged ones sum to 1); edges kept on
 * the lower bound of their upgrade share; contested cycles; and, with groups, how many groups
 * endorse each edge.
 */
export function describePolyphony(s: ScoredPolyphony) {
  return {
    ...presentHead(s),
    values: new LazyList(s.graph.overall.cards.length, (k) => polyphonyValueAt(s, k)),
    overall: presentOverall(s),
    contexts: presentContexts(s).map(({ ctx, fields, rest }) => ({
      ...fields,
      values: new LazyList(ctx.cards.length, (k) => contextValue(s, ctx, k)),
      ...rest,
    })),
    edges: new LazyList(s.graph.edges.count, (e) => polyphonyEdgeAt(s, e)),
    contested: presentContested(s),
  };
}

/**
 * One page of the `polyphony` graph: values [offset, offset + limit) of the overall ranking and
 * edges [offset, offset + limit), with the summary (per context its `top` values only).
 */
export function presentPolyphonyPage(s: ScoredPolyphony, offset: number, limit: number) {
  const { overall, edges } = s.graph;
  return {
    ...presentHead(s),
    totals: { values: overall.cards.length, edges: edges.count },
    values: pageRange(overall.cards.length, offset, limit).map((k) => polyphonyValueAt(s, k)),
    overall: presentOverall(s),
    contexts: presentContexts(s).map(({ ctx, fields, rest }) => ({
      ...fields,
      judged: ctx.cards.length,
      top: Array.from({ length: Math.min(CONTEXT_TOP, ctx.cards.length) }, (_, k) => contextValue(s, ctx, k)),
      ...rest,
    })),
    edges: pageRange(edges.count, offset, limit).map((e) => polyphonyEdgeAt(s, e)),
    contested: presentContested(s),
  };
}

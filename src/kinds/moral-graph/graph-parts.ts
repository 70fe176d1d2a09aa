/**
 * What the pagerank and polyphony presenters share: names, score bands, a context's slice, and the
 * edges, each made when asked (lists stay lazy, see `streamJson`).
 */
import type { ContextEdges } from "./core/edge-types.ts";
import type { GraphIds } from "./results/scored-graph.ts";

/** How many values of each context the graph's summary lists. */
export const CONTEXT_TOP = 10;

/** A context's ranking as both scorers give it: cards best first with scores and optional bands. */
interface RankedContext {
  readonly context: number;
  readonly votes: number;
  readonly cards: Int32Array;
  readonly score: Float64Array;
  readonly scoreLow: Float64Array | undefined;
  readonly scoreHigh: Float64Array | undefined;
  readonly edgeStart: number;
  readonly edgeEnd: number;
  readonly contested: readonly Int32Array[];
}

/** What the pagerank and polyphony graphs share: per-context rankings, an overall one, edges by context. */
interface RankedGraph {
  readonly contexts: readonly RankedContext[];
  readonly overall: { readonly cards: Int32Array; readonly contested: readonly Int32Array[]; readonly keptEdges: number };
  readonly edges: ContextEdges;
  readonly contested: readonly { readonly context: number; readonly cards: Int32Array }[];
}

export interface ScoredRanked<G extends RankedGraph = RankedGraph> extends GraphIds {
  readonly graph: G;
}

/** A score with its bootstrap band (null without one) and its 1-based rank. */
export function bandScore(score: number, low: Float64Array | undefined, high: Float64Array | undefined, k: number) {
  return { score, low: low?.[k] ?? null, high: high?.[k] ?? null, rank: k + 1 };
}
export type ScoreBand = ReturnType<typeof bandScore>;

export const contextNameOf = (s: GraphIds, c: number) => s.contextName.get(s.contextIds[c]!) ?? s.contextIds[c]!;
export const titleOf = (s: GraphIds, card: number) => s.cards.get(s.cardIds[card]!)?.title ?? s.cardIds[card]!;
export const idsOf = (s: GraphIds, cards: Int32Array) => Array.from(cards, (c) => s.cardIds[c]!);

/**
 * The index of a context asked for by id or name (already checked to be the campaign's), or
 * undefined for the whole graph.
 */
export function contextIndex(s: GraphIds, contextId: string | undefined): number | undefined {
  if (contextId === undefined) return undefined;
  const c = s.contextIds.indexOf(contextId);
  return c >= 0 ? c : -1;
}

interface Places {
  /** Per context with votes, the place of each card in its ranking, or −1. */
  readonly contexts: { context: number; name: string; place: Int32Array }[];
  /** The place of each card in the overall ranking, or −1. */
  readonly overall: Int32Array;
}
const placesOf = new WeakMap<RankedGraph, Places>();

/** Where each card stands in each ranking (made once per graph). */
function places(s: ScoredRanked): Places {
  let known = placesOf.get(s.graph);
  if (!known) {
    const overall = new Int32Array(s.cardCount).fill(-1);
    s.graph.overall.cards.forEach((card, k) => (overall[card] = k));
    known = {
      overall,
      contexts: s.graph.contexts
        .filter((ctx) => ctx.votes > 0)
        .map((ctx) => {
          const place = new Int32Array(s.cardCount).fill(-1);
          ctx.cards.forEach((card, k) => (place[card] = k));
          return { context: ctx.context, name: contextNameOf(s, ctx.context), place };
        }),
    };
    placesOf.set(s.graph, known);
  }
  return known;
}

/** The `k`-th value of context `ctx`'s ranking: its score band there. */
export function contextBand(ctx: RankedContext, k: number): ScoreBand {
  return bandScore(ctx.score[k]!, ctx.scoreLow, ctx.scoreHigh, k);
}

/** A card's score band in each context that judged it, by context name. */
export function bandsOf(s: ScoredRanked, card: number): Record<string, ScoreBand> {
  const contexts: Record<string, ScoreBand> = {};
  for (const { context, name, place } of places(s).contexts) if (place[card]! >= 0) contexts[name] = contextBand(s.graph.contexts[context]!, place[card]!);
  return contexts;
}

/** The `k`-th value of context `ctx`'s ranking as a context lists it: id, title, band. */
export const contextValue = (s: ScoredRanked, ctx: RankedContext, k: number) => ({
  id: s.cardIds[ctx.cards[k]!]!,
  title: titleOf(s, ctx.cards[k]!),
  ...contextBand(ctx, k),
});

/**
 * The part of a graph scored on every vote that a reader sees: the whole graph, or one context's
 * slice (the values judged there in its order with its scores, its edges, its cycles). Slicing,
 * not refitting on the context's votes alone, keeps what the other contexts say about each value.
 */
export interface GraphView<C extends RankedContext = RankedContext> {
  readonly values: number;
  /** The `k`-th value of the view, given how the method presents the `i`-th value overall. */
  value<V extends object>(k: number, overallValue: (i: number) => V): V | (V & ScoreBand);
  readonly edges: number;
  readonly edgeAt: (k: number) => number;
  readonly contexts: readonly C[];
  readonly contested: readonly { readonly context: number; readonly cards: Int32Array }[];
}

export function viewOf<G extends RankedGraph>(s: ScoredRanked<G>, context: number | undefined): GraphView<G["contexts"][number]> {
  const { graph } = s;
  const withVotes = graph.contexts.filter((ctx) => ctx.votes > 0);
  if (context === undefined) {
    return {
      values: graph.overall.cards.length,
      value: (k, overallValue) => overallValue(k),
      edges: graph.edges.count,
      edgeAt: (k) => k,
      contexts: withVotes,
      contested: graph.contested,
    };
  }
  const ctx = withVotes.find((c) => c.context === context);
  const overall = places(s).overall;
  return {
    values: ctx?.cards.length ?? 0,
    value: (k, overallValue) => ({ ...overallValue(overall[ctx!.cards[k]!]!), ...contextBand(ctx!, k) }),
    edges: ctx ? ctx.edgeEnd - ctx.edgeStart : 0,
    edgeAt: (k) => ctx!.edgeStart + k,
    contexts: ctx ? [ctx] : [],
    contested: graph.contested.filter((c) => c.context === context),
  };
}

/** Edge `e`: a direction judged in one context, its counts, posterior share and group figures. */
export function edgeAt(s: GraphIds, edges: ContextEdges, e: number) {
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

/** The overall ranking's kept edges and contested cycles. */
export const presentOverall = (s: ScoredRanked) => ({
  keptEdges: s.graph.overall.keptEdges,
  contested: s.graph.overall.contested.map((cards) => idsOf(s, cards)),
});

/** The contested cycles of the view, by context name. */
export const presentContested = (s: ScoredRanked, view: GraphView) => view.contested.map((c) => ({ context: contextNameOf(s, c.context), cards: idsOf(s, c.cards) }));

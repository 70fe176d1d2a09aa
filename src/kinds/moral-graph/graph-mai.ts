import { LazyList } from "../../http/json-stream.ts";
import { pageRange } from "./results/graph-cursor.ts";
import type { ScoredMai2023 } from "./results/scored-graph.ts";

const NOTE = "MAI 2023 scoring: pairs keyed without context; scores leak rank at dangling nodes and sum to less than 1.";

/** The `k`-th value of the `mai-2023` ranking. */
export function maiValueAt(s: ScoredMai2023, k: number) {
  const card = s.graph.nodes[k]!;
  const id = s.cardIds[card]!;
  return { id, title: s.cards.get(id)?.title ?? id, score: s.graph.score[card]!, externalRef: s.cards.get(id)?.externalRef ?? null };
}

/** The `k`-th kept edge of the `mai-2023` graph; counts and summary named as MAI names them. */
export function maiEdgeAt(s: ScoredMai2023, k: number) {
  const { pairs } = s.graph;
  const p = s.graph.edges[k]!;
  const contexts: string[] = [];
  for (let i = pairs.contextStart[p]!; i < pairs.contextStart[p + 1]!; i++) {
    const id = s.contextIds[pairs.contexts[i]!]!;
    contexts.push(s.contextName.get(id) ?? id);
  }
  return {
    from: s.cardIds[pairs.from[p]!]!,
    to: s.cardIds[pairs.to[p]!]!,
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
}

/** Per context, the kept edges whose pair was judged in it (made once per graph and context). */
const slicesOf = new WeakMap<ScoredMai2023["graph"], Map<number, Int32Array>>();

/**
 * The kept edges a reader sees: all of them, or those judged in context `context` (its index).
 * MAI's scores are context-free, so a context slices only the edges.
 */
function edgesOf(s: ScoredMai2023, context: number | undefined): { count: number; at: (k: number) => number } {
  if (context === undefined) return { count: s.graph.edges.length, at: (k) => k };
  let slices = slicesOf.get(s.graph);
  if (!slices) slicesOf.set(s.graph, (slices = new Map<number, Int32Array>()));
  let kept = slices.get(context);
  if (!kept) {
    const { pairs } = s.graph;
    const judged = (p: number) => {
      for (let i = pairs.contextStart[p]!; i < pairs.contextStart[p + 1]!; i++) if (pairs.contexts[i] === context) return true;
      return false;
    };
    const list: number[] = [];
    s.graph.edges.forEach((p, k) => {
      if (judged(p)) list.push(k);
    });
    kept = Int32Array.from(list);
    slices.set(context, kept);
  }
  const sliced = kept;
  return { count: sliced.length, at: (k) => sliced[k]! };
}

/**
 * The whole `mai-2023` graph in Polyphony's JSON shape, its lists lazy (see `streamJson`); with
 * `context` (its index), only the edges judged in that context.
 */
export function describeMai2023(s: ScoredMai2023, context?: number) {
  const edges = edgesOf(s, context);
  return {
    method: "mai-2023" as const,
    votes: s.voteCount,
    values: new LazyList(s.graph.nodes.length, (k) => maiValueAt(s, k)),
    edges: new LazyList(edges.count, (k) => maiEdgeAt(s, edges.at(k))),
    note: NOTE,
  };
}

/** One page of the `mai-2023` graph (edges of one context with `context`): values and edges [offset, offset + limit). */
export function presentMai2023Page(s: ScoredMai2023, offset: number, limit: number, context?: number) {
  const edges = edgesOf(s, context);
  return {
    method: "mai-2023" as const,
    votes: s.voteCount,
    totals: { values: s.graph.nodes.length, edges: edges.count },
    values: pageRange(s.graph.nodes.length, offset, limit).map((k) => maiValueAt(s, k)),
    edges: pageRange(edges.count, offset, limit).map((k) => maiEdgeAt(s, edges.at(k))),
    note: NOTE,
  };
}

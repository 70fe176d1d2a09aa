/** The polyphony graph as the API answers it (`GET …/graph?method=polyphony`). */

export interface ScoreBand {
  score: number;
  low: number | null;
  high: number | null;
  rank: number;
}

export interface GroupEndorsement {
  endorsing: number;
  voting: number;
  of: number;
  consensus: number;
  byGroup: Record<string, { support: number; against: number }>;
}

export interface GraphEdge {
  from: string;
  to: string;
  contexts: string[];
  counts: { upgrade: number; against: number; notSure: number };
  share: { mean: number; lower: number; upper: number };
  kept: boolean;
  contested: boolean;
  groups?: GroupEndorsement;
}

export interface PolyphonyGraph {
  method: "polyphony";
  campaign: { id: string; title: string };
  votes: number;
  countedVotes: number;
  participants: number;
  parameters: { threshold: number; credibleMass: number; groupBy: string | null };
  values: { id: string; title: string; score: number; externalRef: string | null; contexts: Record<string, ScoreBand> }[];
  contexts: {
    id: string;
    name: string;
    votes: number;
    participants: number;
    keptEdges: number;
    values: ({ id: string; title: string } & ScoreBand)[];
    contested: string[][];
  }[];
  edges: GraphEdge[];
  contested: { context: string; cards: string[] }[];
}

/** What the drawing needs: values with a size, edges with a width. */
export interface DrawnValue {
  id: string;
  title: string;
  score: number;
  rank: number;
  /** Node diameter in pixels. */
  size: number;
}

export interface DrawnEdge {
  id: string;
  from: string;
  to: string;
  /** Line width in pixels. */
  width: number;
  contested: boolean;
  upgrade: number;
  against: number;
  endorsing: number | null;
  of: number | null;
}

export interface DrawnGraph {
  values: DrawnValue[];
  edges: DrawnEdge[];
  /** What the edge width shows, for the legend. */
  widthMeans: "groups" | "votes";
}

/** Above this many values the drawing switches to its light mode: smaller nodes, fewer labels, no fading. */
export const LARGE_GRAPH = 400;

/** Everyone's graph ("all contexts") or one context's: kept edges only, sized for drawing. */
export function selectDrawing(graph: PolyphonyGraph, contextName: string | null): DrawnGraph {
  const ranked = contextName === null ? graph.values.map((v, i) => ({ ...v, rank: i + 1 })) : (graph.contexts.find((c) => c.name === contextName)?.values ?? []);
  // Scores are log-odds (any sign): the drawing sizes nodes by where they sit between the lowest and the highest.
  const low = Math.min(...ranked.map((v) => v.score));
  const spread = Math.max(...ranked.map((v) => v.score)) - low || 1;
  // Thousands of values need smaller nodes to stay apart.
  const [least, range] = ranked.length > LARGE_GRAPH ? [6, 34] : [14, 46];
  const values = ranked.map((v) => ({ id: v.id, title: v.title, score: v.score, rank: v.rank, size: least + range * Math.sqrt((v.score - low) / spread) }));
  const present = new Set(values.map((v) => v.id));
  const merged = new Map<string, DrawnEdge>();
  for (const e of graph.edges) {
    if (!e.kept || !present.has(e.from) || !present.has(e.to)) continue;
    if (contextName !== null && !e.contexts.includes(contextName)) continue;
    const id = `${e.from}>${e.to}`;
    const seen = merged.get(id);
    const endorsing = e.groups ? e.groups.endorsing : null;
    if (seen) {
      seen.upgrade += e.counts.upgrade;
      seen.against += e.counts.against;
      seen.contested ||= e.contested;
      if (endorsing !== null) seen.endorsing = Math.max(seen.endorsing ?? 0, endorsing);
    } else {
      merged.set(id, {
        id,
        from: e.from,
        to: e.to,
        width: 0,
        contested: e.contested,
        upgrade: e.counts.upgrade,
        against: e.counts.against,
        endorsing,
        of: e.groups?.of ?? null,
      });
    }
  }
  const edges = [...merged.values()];
  const byGroups = edges.some((e) => e.of !== null && e.of > 0);
  const most = Math.max(1, ...edges.map((e) => e.upgrade));
  for (const e of edges) {
    e.width = byGroups && e.of ? 1 + 7 * ((e.endorsing ?? 0) / e.of) : 1 + 7 * (Math.log1p(e.upgrade) / Math.log1p(most));
  }
  return { values, edges, widthMeans: byGroups ? "groups" : "votes" };
}

/** Per demographic group, upgrade judgments into a value (support) and against them, over kept edges. */
export function endorsementOf(graph: PolyphonyGraph, valueId: string, contextName: string | null) {
  const tally = new Map<string, { support: number; against: number }>();
  for (const e of graph.edges) {
    if (e.to !== valueId || !e.kept || !e.groups) continue;
    if (contextName !== null && !e.contexts.includes(contextName)) continue;
    for (const [label, g] of Object.entries(e.groups.byGroup)) {
      const t = tally.get(label) ?? { support: 0, against: 0 };
      t.support += g.support;
      t.against += g.against;
      tally.set(label, t);
    }
  }
  return [...tally].map(([group, t]) => ({ group, ...t }));
}

/**
 * The values to draw: those with at least one kept upgrade (and `keep`, when given). Values
 * nobody has yet agreed an upgrade for would otherwise crowd the drawing as a grid of dots; they
 * stay in the list. A graph with no kept upgrade at all is drawn whole.
 */
export function connectedPart(graph: DrawnGraph, keep: string | null = null): { graph: DrawnGraph; left: number } {
  if (graph.edges.length === 0) return { graph, left: 0 };
  const linked = new Set(graph.edges.flatMap((e) => [e.from, e.to]));
  if (keep) linked.add(keep);
  const values = graph.values.filter((v) => linked.has(v.id));
  return { graph: { ...graph, values }, left: graph.values.length - values.length };
}

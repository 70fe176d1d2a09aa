import type { GraphView, RankedValue, ViewEdge } from "./graph-model.ts";

/** What the drawing needs: values with a size and a place, edges with a width. */
export interface DrawnValue {
  id: string;
  title: string;
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
}

export interface DrawnGraph {
  values: DrawnValue[];
  edges: DrawnEdge[];
  /** What the edge width shows, for the legend. */
  widthMeans: "groups" | "votes";
}

export type Positions = Record<string, { x: number; y: number }>;

/** Room per value in the ranked layout: the value and, to its right, a label of up to three lines of about 18 characters. */
export const CELL = { width: 200, height: 90 } as const;

/**
 * A deterministic layout that reads as a ranking: the wisest values at the top, left to right,
 * row by row; every other row shifted half a cell so that an arrow between rows passes between
 * values rather than through them. Each value's label has its own cell, so no two collide, and
 * every load draws the same picture.
 */
export function rankedPositions(values: readonly { id: string }[], columns: number): Positions {
  const positions: Positions = {};
  values.forEach((v, i) => {
    const row = Math.floor(i / columns);
    const column = i % columns;
    const shift = row % 2 === 1 ? CELL.width / 3 : 0;
    positions[v.id] = { x: column * CELL.width + shift, y: row * CELL.height };
  });
  return positions;
}

/** The values to draw: `ids` of the view, sized by score, with the kept edges between them. */
export function drawingOf(view: GraphView, ids: readonly string[]): DrawnGraph {
  const chosen = new Set(ids);
  const values = view.values.filter((v) => chosen.has(v.id));
  const low = Math.min(...values.map((v) => v.score));
  const spread = Math.max(...values.map((v) => v.score)) - low || 1;
  const edges = view.edges.filter((e) => e.kept && chosen.has(e.from) && chosen.has(e.to));
  const byGroups = edges.some((e) => e.of !== null && e.of > 0);
  const most = Math.max(1, ...edges.map((e) => e.upgrade));
  return {
    values: values.map((v) => ({ id: v.id, title: v.title, rank: v.rank, size: 16 + 30 * Math.sqrt((v.score - low) / spread) })),
    edges: edges.map((e) => ({
      id: e.id,
      from: e.from,
      to: e.to,
      contested: e.contested,
      width: byGroups && e.of ? 1.5 + 6 * ((e.endorsing ?? 0) / e.of) : 1.5 + 6 * (Math.log1p(e.upgrade) / Math.log1p(most)),
    })),
    widthMeans: byGroups ? "groups" : "votes",
  };
}

/** The best `n` values of the view. */
export const topOf = (view: GraphView, n: number) => view.values.slice(0, n).map((v) => v.id);

/**
 * A value and the values it is linked to by kept edges, strongest links first, at most `n`
 * in all: the small graph a phone shows around the chosen value.
 */
export function neighbourhoodOf(view: GraphView, id: string, n: number): string[] {
  const links = view.edges
    .filter((e: ViewEdge) => e.kept && (e.from === id || e.to === id))
    .sort((a, b) => b.upgrade - a.upgrade || a.id.localeCompare(b.id))
    .map((e) => (e.from === id ? e.to : e.from));
  const rankOf = new Map(view.values.map((v: RankedValue) => [v.id, v.rank]));
  const near = [...new Set(links)].slice(0, n - 1);
  return [id, ...near].sort((a, b) => (rankOf.get(a) ?? 0) - (rankOf.get(b) ?? 0));
}

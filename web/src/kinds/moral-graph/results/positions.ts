import type cytoscapeType from "cytoscape";
import type { DrawnGraph } from "./graph-data.ts";

export interface LayoutRequest {
  nodes: { id: string; size: number }[];
  edges: { id: string; source: string; target: string }[];
}

export type Positions = Record<string, { x: number; y: number }>;

/**
 * fcose's force phase runs at least five iterations per node over all pairs of nearby nodes: a
 * few hundred values take about a second, 2,000 take minutes. Above this size only its spectral
 * phase runs, which places 2,000 values in about a second.
 */
export const FULL_QUALITY_MAX = 300;

export function layoutRequestOf(graph: DrawnGraph): LayoutRequest {
  return {
    nodes: graph.values.map((v) => ({ id: v.id, size: v.size })),
    edges: graph.edges.map((e) => ({ id: e.id, source: e.from, target: e.to })),
  };
}

/** Runs fcose headless over the request and returns each node's position. */
export function computePositions(cytoscape: typeof cytoscapeType, request: LayoutRequest): Positions {
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    elements: [
      ...request.nodes.map((n) => ({ data: { id: n.id, size: n.size } })),
      ...request.edges.map((e) => ({ data: { id: e.id, source: e.source, target: e.target } })),
    ],
    style: [{ selector: "node", style: { width: "data(size)", height: "data(size)" } }],
  });
  cy.layout({
    name: "fcose",
    quality: request.nodes.length > FULL_QUALITY_MAX ? "draft" : "default",
    randomize: true,
    animate: false,
    fit: false,
    nodeDimensionsIncludeLabels: false,
    idealEdgeLength: () => 70,
    nodeRepulsion: () => 6500,
    nodeSeparation: 70,
    // Values with no kept edge are tiled; leave room for their labels.
    tilingPaddingHorizontal: 90,
    tilingPaddingVertical: 30,
  } as cytoscapeType.LayoutOptions).run();
  const positions: Positions = {};
  cy.nodes().forEach((n) => {
    positions[n.id()] = { ...n.position() };
  });
  cy.destroy();
  return request.nodes.length > FULL_QUALITY_MAX ? spreadOut(positions, request) : positions;
}

/**
 * The spectral phase alone packs nodes tighter than their sizes allow; this scales the drawing up
 * until each node has, on average, a square of about three diameters to itself.
 */
function spreadOut(positions: Positions, request: LayoutRequest): Positions {
  const points = Object.values(positions);
  if (points.length < 2) return positions;
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const meanSize = request.nodes.reduce((sum, n) => sum + n.size, 0) / request.nodes.length;
  const cell = 3 * meanSize;
  const area = Math.max(cell, Math.max(...xs) - Math.min(...xs)) * Math.max(cell, Math.max(...ys) - Math.min(...ys));
  const factor = Math.sqrt((points.length * cell ** 2) / area);
  if (factor <= 1) return positions;
  for (const p of points) {
    p.x *= factor;
    p.y *= factor;
  }
  return positions;
}

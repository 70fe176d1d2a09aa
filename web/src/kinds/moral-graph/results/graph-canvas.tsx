import cytoscape, { type Core, type NodeSingular } from "cytoscape";
import { useEffect, useRef, useState } from "react";
import { ErrorNotice } from "../../../components/notice.tsx";
import { t } from "../../../i18n/i18n.ts";
import { rankedPositions, type DrawnGraph } from "./drawing.ts";
import { fitGently, shorten, styles } from "./graph-style.ts";

/** How many pairs of labels overlap as drawn: the ranked layout keeps this at zero (checked by the browser tests). */
function countLabelOverlaps(cy: Core): number {
  const boxes = cy.nodes().map((n) => n.boundingBox({ includeLabels: true, includeNodes: false, includeOverlays: false }));
  let n = 0;
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) n++;
    }
  }
  return n;
}

/** Where each value was drawn, on screen: the browser tests check that every load draws the same. */
function describeDrawing(cy: Core): string {
  return cy
    .nodes()
    .map((n) => `${n.id()}@${Math.round(n.renderedPosition().x)},${Math.round(n.renderedPosition().y)}`)
    .join(" ");
}

/** The moral graph drawn with cytoscape in the ranked layout: node size by score, edge width by endorsement, contested edges dashed. */
export default function GraphCanvas({
  graph,
  selected,
  mine,
  onSelect,
  label,
  columns = 4,
  compact = false,
}: {
  graph: DrawnGraph;
  selected: string | null;
  mine?: string | null;
  onSelect: (id: string | null) => void;
  label: string;
  columns?: number;
  compact?: boolean;
}) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const select = useRef(onSelect);
  select.current = onSelect;
  const [ready, setReady] = useState(false);
  const [overlaps, setOverlaps] = useState(0);
  const [drawn, setDrawn] = useState("");
  const [failure, setFailure] = useState<unknown>();

  useEffect(() => {
    setReady(false);
    setFailure(undefined);
    let cy: Core;
    try {
      const positions = rankedPositions(graph.values, columns);
      cy = cytoscape({
        container: container.current,
        style: styles(),
        minZoom: 0.2,
        maxZoom: 3,
        boxSelectionEnabled: false,
        autoungrabify: true,
        elements: [
          ...graph.values.map((v) => ({
            group: "nodes" as const,
            data: { id: v.id, label: shorten(v.title), size: v.size },
            position: positions[v.id]!,
          })),
          ...graph.edges.map((e) => ({
            group: "edges" as const,
            data: { id: e.id, source: e.from, target: e.to, width: e.width },
            classes: e.contested ? "contested" : "",
          })),
        ],
        layout: { name: "preset" },
      });
    } catch (error) {
      setFailure(error);
      return;
    }
    cyRef.current = cy;
    cy.on("tap", "node", (event) => select.current((event.target as NodeSingular).id()));
    cy.on("tap", (event) => {
      if (event.target === cy) select.current(null);
    });
    fitGently(cy);
    setOverlaps(countLabelOverlaps(cy));
    setDrawn(describeDrawing(cy));
    setReady(true);
    return () => {
      cy.destroy();
      cyRef.current = null;
    };
  }, [graph, columns]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || !ready) return;
    cy.batch(() => {
      cy.$(".chosen, .near, .faded, .mine").removeClass("chosen near faded mine");
      if (mine) cy.getElementById(mine).addClass("mine");
      if (!selected) return;
      const node = cy.getElementById(selected);
      if (node.empty()) return;
      const hood = node.closedNeighborhood();
      cy.elements().not(hood).addClass("faded");
      hood.edges().addClass("near");
      node.addClass("chosen");
    });
  }, [selected, mine, ready]);

  return (
    <div className={compact ? "graph-frame compact" : "graph-frame"} data-ready={ready ? "true" : "false"} data-label-overlaps={overlaps} data-drawing={drawn}>
      <div className="graph-canvas" ref={container} role="img" aria-label={label} />
      <p className="graph-status" aria-live="polite">
        {ready ? t("results.drawnStatus", { count: graph.values.length, upgrades: t("results.upgradesCount", { count: graph.edges.length }) }) : t("results.drawing")}
      </p>
      <ErrorNotice error={failure} title={t("results.drawFailed")} />
    </div>
  );
}

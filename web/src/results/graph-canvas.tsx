import cytoscape, { type Core, type StylesheetJson } from "cytoscape";
import fcose from "cytoscape-fcose";
import { useEffect, useRef, useState } from "react";
import type { DrawnGraph } from "./graph-data.ts";
import { computePositions, layoutRequestOf, type LayoutRequest, type Positions } from "./layout.ts";

cytoscape.use(fcose);

/** Lays the graph out in a worker, so the page stays responsive; in the page itself if workers fail. */
function layOut(request: LayoutRequest): Promise<Positions> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL("./layout-worker.ts", import.meta.url), { type: "module" });
    } catch {
      resolve(computePositions(cytoscape, request));
      return;
    }
    const fallback = () => {
      worker.terminate();
      resolve(computePositions(cytoscape, request));
    };
    worker.onmessage = (event: MessageEvent<{ positions?: Positions }>) => {
      worker.terminate();
      if (event.data.positions) resolve(event.data.positions);
      else fallback();
    };
    worker.onerror = fallback;
    worker.postMessage(request);
  });
}

const LARGE = 400;
/** A graph of a few values is not blown up to fill the frame. */
const FIT_MAX_ZOOM = 1.25;

function styles(large: boolean): StylesheetJson {
  return [
    {
      selector: "node",
      style: {
        width: "data(size)",
        height: "data(size)",
        "background-color": "#3b6fd8",
        "background-opacity": 0.85,
        label: "data(label)",
        "font-size": 11,
        color: "#1b1d21",
        "text-valign": "bottom",
        "text-margin-y": 3,
        "text-wrap": "ellipsis",
        "text-max-width": "150px",
        "min-zoomed-font-size": large ? 10 : 7,
        "text-background-color": "#ffffff",
        "text-background-opacity": 0.75,
        "text-background-padding": "1px",
      },
    },
    {
      selector: "edge",
      style: {
        width: "data(width)",
        "line-color": "#97a0af",
        "target-arrow-color": "#97a0af",
        "target-arrow-shape": "triangle",
        "arrow-scale": 0.9,
        "curve-style": "straight",
        opacity: 0.75,
      },
    },
    { selector: "edge.contested", style: { "line-style": "dashed", "line-color": "#c2410c", "target-arrow-color": "#c2410c" } },
    { selector: ".faded", style: { opacity: 0.2 } },
    { selector: "edge.near", style: { "line-color": "#1d4ed8", "target-arrow-color": "#1d4ed8", opacity: 1, "z-index": 5 } },
    { selector: "edge.near.contested", style: { "line-color": "#c2410c", "target-arrow-color": "#c2410c" } },
    { selector: "node.mine", style: { "border-width": 4, "border-color": "#166534", "background-color": "#15803d" } },
    {
      selector: "node.chosen",
      style: { "border-width": 4, "border-color": "#b45309", "background-color": "#1d4ed8", "z-index": 10, "font-weight": "bold" },
    },
  ];
}

/** The moral graph drawn with cytoscape: node size by score, edge width by endorsement, contested edges dashed. */
export default function GraphCanvas({
  graph,
  selected,
  mine,
  onSelect,
  label,
}: {
  graph: DrawnGraph;
  selected: string | null;
  mine?: string | null;
  onSelect: (id: string | null) => void;
  label: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const select = useRef(onSelect);
  select.current = onSelect;
  const [ready, setReady] = useState(false);
  const [layoutMs, setLayoutMs] = useState<number | null>(null);

  useEffect(() => {
    const large = graph.values.length > LARGE;
    const cy = cytoscape({
      container: container.current,
      style: styles(large),
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: false,
      autoungrabify: large,
      hideEdgesOnViewport: large,
      textureOnViewport: large,
      pixelRatio: large ? 1 : "auto",
    });
    cyRef.current = cy;
    cy.on("tap", "node", (event) => select.current(event.target.id()));
    cy.on("tap", (event) => {
      if (event.target === cy) select.current(null);
    });
    let live = true;
    setReady(false);
    const started = performance.now();
    layOut(layoutRequestOf(graph)).then((positions) => {
      if (!live) return;
      cy.batch(() => {
        cy.add([
          ...graph.values.map((v) => ({ group: "nodes" as const, data: { id: v.id, label: v.title, size: v.size }, position: positions[v.id] ?? { x: 0, y: 0 } })),
          ...graph.edges.map((e) => ({
            group: "edges" as const,
            data: { id: e.id, source: e.from, target: e.to, width: e.width },
            classes: e.contested ? "contested" : "",
          })),
        ]);
      });
      cy.fit(undefined, 24);
      if (cy.zoom() > FIT_MAX_ZOOM) {
        cy.zoom(FIT_MAX_ZOOM);
        cy.center();
      }
      setLayoutMs(Math.round(performance.now() - started));
      setReady(true);
    });
    return () => {
      live = false;
      cy.destroy();
      cyRef.current = null;
    };
  }, [graph]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || !ready) return;
    cy.batch(() => {
      cy.elements().removeClass("chosen near faded mine");
      if (mine) cy.getElementById(mine).addClass("mine");
      if (!selected) return;
      const node = cy.getElementById(selected);
      if (node.empty()) return;
      const hood = node.closedNeighborhood();
      cy.elements().not(hood).addClass("faded");
      hood.edges().addClass("near");
      node.addClass("chosen");
    });
    if (selected) {
      const node = cy.getElementById(selected);
      const box = node.nonempty() ? node.renderedBoundingBox() : null;
      if (box && (box.x2 < 0 || box.y2 < 0 || box.x1 > cy.width() || box.y1 > cy.height())) cy.center(node);
    }
  }, [selected, mine, ready]);

  return (
    <div className="graph-frame" data-ready={ready ? "true" : "false"} data-layout-ms={layoutMs ?? undefined}>
      <div className="graph-canvas" ref={container} role="img" aria-label={label} />
      <p className="graph-status" aria-live="polite">
        {ready
          ? `${graph.values.length.toLocaleString()} values, ${graph.edges.length.toLocaleString()} upgrades`
          : `Laying out ${graph.values.length.toLocaleString()} values…`}
      </p>
    </div>
  );
}

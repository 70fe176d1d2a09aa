import cytoscape, { type Core, type StylesheetJson } from "cytoscape";
import fcose from "cytoscape-fcose";
import { useEffect, useRef, useState } from "react";
import { LARGE_GRAPH as LARGE, type DrawnGraph } from "./graph-data.ts";
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

/** In large graphs only the best-scored values carry a label; the chosen value and its neighbours always do. */
const LABELLED = 150;
const LABEL_CHARS = 34;

const CHUNK = 300;
/** The best-scored values are named at a readable size however far the graph is zoomed out. */
const NAMED_AT_ANY_ZOOM = 20;
const LABEL_PX = 12;

/** Gives the always-named values a label of constant on-screen size (a style bypass on a few nodes). */
function scaleLabels(cy: Core) {
  const zoom = cy.zoom();
  const size = Math.max(LABEL_PX, LABEL_PX / zoom);
  cy.batch(() => {
    cy.nodes(".top, .named").style({ "font-size": size, "text-margin-y": 3 / Math.min(zoom, 1), "min-zoomed-font-size": 0 });
    cy.nodes(".was-named").not(".top, .named").removeStyle("font-size text-margin-y min-zoomed-font-size");
  });
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function fitGently(cy: Core) {
  cy.fit(undefined, 24);
  if (cy.zoom() > FIT_MAX_ZOOM) {
    cy.zoom(FIT_MAX_ZOOM);
    cy.center();
  }
}

const shorten = (title: string) => (title.length > LABEL_CHARS ? `${title.slice(0, LABEL_CHARS - 1).trimEnd()}…` : title);
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
        "target-arrow-shape": large ? "none" : "triangle",
        "mid-target-arrow-shape": large ? "triangle" : "none",
        "mid-target-arrow-color": "#97a0af",
        "arrow-scale": 0.9,
        "curve-style": large ? "haystack" : "straight",
        opacity: 0.75,
      },
    },
    { selector: "edge.contested", style: { "line-style": "dashed", "line-color": "#c2410c", "target-arrow-color": "#c2410c", "mid-target-arrow-color": "#c2410c" } },
    { selector: ".faded", style: { opacity: 0.2 } },
    { selector: "node.named", style: { label: "data(short)", "z-index": 8 } },
    { selector: "edge.near", style: { "line-color": "#1d4ed8", "target-arrow-color": "#1d4ed8", "mid-target-arrow-color": "#1d4ed8", opacity: 1, "z-index": 5 } },
    { selector: "edge.near.contested", style: { "line-color": "#c2410c", "target-arrow-color": "#c2410c", "mid-target-arrow-color": "#c2410c" } },
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
    const populate = async (positions: Positions) => {
      const nodes = graph.values.map((v, i) => {
        const short = shorten(v.title);
        return {
          group: "nodes" as const,
          data: { id: v.id, short, label: i < LABELLED || !large ? short : "", size: v.size },
          position: positions[v.id] ?? { x: 0, y: 0 },
          classes: i < NAMED_AT_ANY_ZOOM ? "top" : "",
        };
      });
      const edges = graph.edges.map((e) => ({
        group: "edges" as const,
        data: { id: e.id, source: e.from, target: e.to, width: e.width },
        classes: e.contested ? "contested" : "",
      }));
      // Elements go in a few hundred at a time, a frame apart, so no single task holds the page.
      for (const [i, chunk] of chunks([...nodes, ...edges], CHUNK).entries()) {
        if (i > 0) await nextFrame();
        if (!live) return;
        cy.add(chunk);
        if (i === 0 || cy.nodes().length === nodes.length) fitGently(cy);
      }
      scaleLabels(cy);
      setLayoutMs(Math.round(performance.now() - started));
      setReady(true);
    };
    let pending = 0;
    cy.on("zoom", () => {
      cancelAnimationFrame(pending);
      pending = requestAnimationFrame(() => scaleLabels(cy));
    });
    layOut(layoutRequestOf(graph)).then((positions) => {
      if (live) void populate(positions);
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
    const large = cy.nodes().length > LARGE;
    cy.batch(() => {
      cy.$(".named").addClass("was-named");
      cy.$(".chosen, .near, .faded, .mine, .named").removeClass("chosen near faded mine named");
      if (mine) cy.getElementById(mine).addClass("mine named");
      if (!selected) return;
      const node = cy.getElementById(selected);
      if (node.empty()) return;
      const hood = node.closedNeighborhood();
      // Fading thousands of elements restyles each of them; large graphs only highlight.
      if (!large) cy.elements().not(hood).addClass("faded");
      hood.edges().addClass("near");
      hood.nodes().addClass("named");
      node.addClass("chosen");
    });
    scaleLabels(cy);
    cy.$(".was-named").removeClass("was-named");
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

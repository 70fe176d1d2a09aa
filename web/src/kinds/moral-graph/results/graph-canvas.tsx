import cytoscape, { type Core, type NodeSingular } from "cytoscape";
import fcose from "cytoscape-fcose";
import { useEffect, useRef, useState } from "react";
import { ErrorNotice } from "../../../components/notice.tsx";
import { LARGE_GRAPH as LARGE, type DrawnGraph } from "./graph-data.ts";
import { fitGently, LABELLED, NAMED_AT_ANY_ZOOM, scaleLabels, shorten, styles } from "./graph-style.ts";
import { layOut, nextFrame } from "./run-layout.ts";
import { layoutRequestOf, type Positions } from "./positions.ts";

cytoscape.use(fcose);

/** Elements go in this many at a time, a frame apart, so that no single task holds the page. */
const CHUNK = 300;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
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
  const [failure, setFailure] = useState<unknown>();

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
    // The "node" selector makes the target a node; cytoscape types every event target as any.
    cy.on("tap", "node", (event) => select.current((event.target as NodeSingular).id()));
    cy.on("tap", (event) => {
      if (event.target === cy) select.current(null);
    });
    let live = true;
    setReady(false);
    setFailure(undefined);
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
    layOut(cytoscape, layoutRequestOf(graph))
      .then((positions) => (live ? populate(positions) : undefined))
      .catch((error: unknown) => {
        if (live) setFailure(error);
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
      <ErrorNotice error={failure} title="The graph could not be drawn" />
    </div>
  );
}

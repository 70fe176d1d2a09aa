import type { Core, StylesheetJson } from "cytoscape";

/** In large graphs only the best-scored values carry a label; the chosen value and its neighbours always do. */
export const LABELLED = 150;
/** The best-scored values are named at a readable size however far the graph is zoomed out. */
export const NAMED_AT_ANY_ZOOM = 20;
const LABEL_CHARS = 34;
const LABEL_PX = 12;
/** A graph of a few values is not blown up to fill the frame. */
const FIT_MAX_ZOOM = 1.25;

export const shorten = (title: string) => (title.length > LABEL_CHARS ? `${title.slice(0, LABEL_CHARS - 1).trimEnd()}…` : title);

/** Gives the always-named values a label of constant on-screen size (a style bypass on a few nodes). */
export function scaleLabels(cy: Core) {
  const zoom = cy.zoom();
  const size = Math.max(LABEL_PX, LABEL_PX / zoom);
  cy.batch(() => {
    cy.nodes(".top, .named").style({ "font-size": size, "text-margin-y": 3 / Math.min(zoom, 1), "min-zoomed-font-size": 0 });
    cy.nodes(".was-named").not(".top, .named").removeStyle("font-size text-margin-y min-zoomed-font-size");
  });
}

/** Fits the graph in its frame without zooming a small one in past its natural size. */
export function fitGently(cy: Core) {
  cy.fit(undefined, 24);
  if (cy.zoom() > FIT_MAX_ZOOM) {
    cy.zoom(FIT_MAX_ZOOM);
    cy.center();
  }
}

/** Node size by score, edge width by endorsement, contested edges dashed; lighter for large graphs. */
export function styles(large: boolean): StylesheetJson {
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

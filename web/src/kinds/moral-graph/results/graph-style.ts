import type { Core, StylesheetJson } from "cytoscape";

/** Labels wrap within their cell of the ranked layout; longer titles are cut. */
const LABEL_CHARS = 60;
const LABEL_WIDTH = 120;
/** A graph of a few values is not blown up to fill the frame. */
const FIT_MAX_ZOOM = 1.25;

/**
 * Edge colours with at least 3:1 contrast against the white frame (WCAG 1.4.11, non-text
 * contrast): slate #475569 is 7.6:1, orange #c2410c 5.2:1, blue #1d4ed8 6.7:1.
 */
export const EDGE_COLOURS = { plain: "#475569", contested: "#c2410c", near: "#1d4ed8" } as const;

export const shorten = (title: string) => (title.length > LABEL_CHARS ? `${title.slice(0, LABEL_CHARS - 1).trimEnd()}…` : title);

/** Fits the graph in its frame without zooming a small one in past its natural size. */
export function fitGently(cy: Core) {
  cy.fit(undefined, 24);
  if (cy.zoom() > FIT_MAX_ZOOM) {
    cy.zoom(FIT_MAX_ZOOM);
    cy.center();
  }
}

/**
 * Node size by score, edge width by endorsement, contested edges dashed. Edges are drawn above
 * nodes and their labels (manual z-order), so no label hides an arrow; labels sit to the right of
 * their value, where arrows (which mostly point up, to wiser values) do not arrive; the two
 * directions of a pair curve apart, so "4 upgrades" are four arrows.
 */
export function styles(): StylesheetJson {
  return [
    {
      selector: "node",
      style: {
        width: "data(size)",
        height: "data(size)",
        "background-color": "#3b6fd8",
        label: "data(label)",
        "font-size": 12,
        color: "#1b1d21",
        "text-valign": "center",
        "text-halign": "right",
        "text-justification": "left",
        "text-margin-x": 5,
        "text-wrap": "wrap",
        "text-max-width": `${LABEL_WIDTH}px`,
        "min-zoomed-font-size": 6,
        "text-background-color": "#ffffff",
        "text-background-opacity": 0.85,
        "text-background-padding": "1px",
        "z-index-compare": "manual",
        "z-index": 1,
      },
    },
    {
      selector: "edge",
      style: {
        width: "data(width)",
        "line-color": EDGE_COLOURS.plain,
        "target-arrow-color": EDGE_COLOURS.plain,
        "target-arrow-shape": "triangle",
        "arrow-scale": 1.1,
        // Every edge arcs to its own left: a run along a row clears the values between, and the two
        // directions of a pair bend to opposite sides.
        "curve-style": "unbundled-bezier",
        "control-point-distances": [28],
        "control-point-weights": [0.5],
        "z-index-compare": "manual",
        "z-index": 5,
      },
    },
    { selector: "edge.contested", style: { "line-style": "dashed", "line-color": EDGE_COLOURS.contested, "target-arrow-color": EDGE_COLOURS.contested } },
    { selector: ".faded", style: { opacity: 0.25 } },
    { selector: "edge.near", style: { "line-color": EDGE_COLOURS.near, "target-arrow-color": EDGE_COLOURS.near, "z-index": 9 } },
    { selector: "edge.near.contested", style: { "line-color": EDGE_COLOURS.contested, "target-arrow-color": EDGE_COLOURS.contested } },
    { selector: "node.mine", style: { "border-width": 4, "border-color": "#166534", "background-color": "#15803d" } },
    { selector: "node.chosen", style: { "border-width": 4, "border-color": "#b45309", "background-color": "#1d4ed8", "font-weight": "bold", "z-index": 3 } },
  ];
}

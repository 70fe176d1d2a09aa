import cytoscape from "cytoscape";
import fcose from "cytoscape-fcose";
import { computePositions, type LayoutRequest } from "./positions.ts";

cytoscape.use(fcose);

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  try {
    self.postMessage({ positions: computePositions(cytoscape, event.data) });
  } catch (error) {
    self.postMessage({ error: (error as Error).message });
  }
};

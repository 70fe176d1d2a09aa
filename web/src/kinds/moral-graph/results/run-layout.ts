import type cytoscapeType from "cytoscape";
import { computePositions, type LayoutRequest, type Positions } from "./positions.ts";

/**
 * Small graphs lay out in the page in a few hundred milliseconds. Larger ones go to a worker so
 * the page stays responsive; the worker carries its own copy of cytoscape, fetched only then.
 */
const WORKER_MIN = 150;

export const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** Lays the graph out, in a worker for large graphs (in the page itself if workers fail). */
export async function layOut(cytoscape: typeof cytoscapeType, request: LayoutRequest): Promise<Positions> {
  if (request.nodes.length < WORKER_MIN) {
    await nextFrame();
    return computePositions(cytoscape, request);
  }
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

import type { presentMai2023 } from "./graph-mai.ts";
import type { presentPageRank } from "./graph-pagerank.ts";
import type { presentPolyphony } from "./graph-polyphony.ts";

type Sliceable = ReturnType<typeof presentPolyphony> | ReturnType<typeof presentPageRank> | ReturnType<typeof presentMai2023>;

/**
 * One context's part of a graph scored on every vote: its edges, its cycles, and (for the methods
 * that rank per context) the values judged there in its order with its scores. Slicing, not
 * refitting on the context's votes alone, keeps what the other contexts say about each value
 * (pooling, μ); MAI's context-free scores stay as they are and only its edges are sliced.
 */
export function sliceContext<G extends Sliceable>(graph: G, name: string): G {
  const edges = graph.edges.filter((e) => e.contexts.includes(name));
  if (graph.method === "mai-2023") return { ...graph, edges };
  const values = graph.values
    .filter((v) => v.contexts[name] !== undefined)
    .map((v) => ({ ...v, ...v.contexts[name]! }))
    .sort((a, b) => a.rank - b.rank);
  return {
    ...graph,
    values,
    contexts: graph.contexts.filter((c) => c.name === name),
    edges,
    contested: graph.contested.filter((c) => c.context === name),
  };
}

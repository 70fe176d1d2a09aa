import { api } from "../../../lib/api.ts";
import type { components } from "../../../api/openapi.d.ts";
import type { PolyphonyGraph } from "./graph-data.ts";

type GraphPage = components["schemas"]["PolyphonyGraphPage"];

/** The most values and edges the API gives in one page. */
const PAGE = 1000;

/**
 * The whole polyphony graph, read page by page (`path` is `…/graph?method=polyphony…`); each
 * context's values are gathered from every value's score band in that context, best first.
 */
export async function loadGraph(path: string, signal: AbortSignal): Promise<PolyphonyGraph> {
  const pages: GraphPage[] = [await api<GraphPage>(`${path}&limit=${PAGE}`, { signal })];
  for (let next = pages[0]!.next; next; next = pages.at(-1)!.next) {
    pages.push(await api<GraphPage>(`${path}&limit=${PAGE}&cursor=${encodeURIComponent(next)}`, { signal }));
  }
  const first = pages[0]!;
  const values = pages.flatMap((p) => p.values);
  const edges = pages.flatMap((p) => p.edges);
  const contexts = first.contexts.map((ctx) => ({
    ...ctx,
    values: values
      .flatMap((v) => {
        const band = v.contexts[ctx.name];
        return band ? [{ id: v.id, title: v.title, ...band }] : [];
      })
      .sort((a, b) => a.rank - b.rank),
  }));
  return { ...first, values, edges, contexts };
}

import { api } from "../../../lib/api.ts";
import type { components } from "../../../api/openapi.d.ts";

type Page = components["schemas"]["MoralGraphPage"];

/** Values and edges asked for per page. */
const PAGE = 500;
/** A view reads at most this many pages: the list then says it shows part of a very large graph. */
const MAX_PAGES = 4;

/**
 * The pages of the graph a view needs (`path` is `…/graph?method=…&context=…`): the first, and
 * the following ones only while they may still hold edges or values of the view, up to a bound.
 */
export async function loadGraphPages(path: string, signal: AbortSignal): Promise<Page[]> {
  const pages: Page[] = [await api<Page>(`${path}&limit=${PAGE}`, { signal })];
  while (pages.length < MAX_PAGES) {
    const next = pages.at(-1)!.next;
    if (!next) break;
    pages.push(await api<Page>(`${path}&limit=${PAGE}&cursor=${encodeURIComponent(next)}`, { signal }));
  }
  return pages;
}

/** The graph's summary alone (a page of one value): its contexts and their votes. */
export const loadGraphSummary = (path: string, signal: AbortSignal) => api<Page>(`${path}&limit=1`, { signal });

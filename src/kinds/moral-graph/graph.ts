import type { ServiceDeps } from "../../platform/deps.ts";
import { RESEARCHER_VIEW, type GroupPolicy } from "../../platform/campaigns/group-privacy.ts";
import { materialize } from "../../http/json-stream.ts";
import { findContext } from "./graph-input.ts";
import { describeMai2023, presentMai2023Page } from "./graph-mai.ts";
import { describePageRank, presentPageRankPage } from "./graph-pagerank.ts";
import { contextIndex } from "./graph-parts.ts";
import { describePolyphony, presentPolyphonyPage } from "./graph-polyphony.ts";
import type { GraphPageQuery, GraphQuery } from "./inputs.ts";
import { decodeCursor, encodeCursor } from "./results/graph-cursor.ts";
import { scoreGraph, type ScoredGraph } from "./results/scored-graph.ts";

const campaignOf = (s: ScoredGraph) => ({ campaign: { id: s.campaign.id, title: s.campaign.title } });

/**
 * The index of the context a query asks about, or undefined for the whole graph. A context slices
 * the graph scored on every vote: scoring its votes alone would drop what the other contexts say
 * about each value.
 */
const contextOf = (s: ScoredGraph, context: string | undefined) => (context === undefined ? undefined : contextIndex(s, findContext(s.campaign, context).id));

/**
 * One page of a campaign's moral graph by the chosen method (of one context's slice with
 * `context`): the summary, then values and edges from the cursor's offset on, `limit` of each;
 * `next` continues with the same result while this server keeps it. Groups are counted as
 * `policy` lets its reader see them.
 */
export async function showGraphPage(deps: ServiceDeps, campaignId: string, query: GraphPageQuery, policy: GroupPolicy) {
  const cursor = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  const { size, value } = await scoreGraph(deps, campaignId, query, policy, cursor?.size);
  const context = contextOf(value, query.context);
  const offset = cursor?.offset ?? 0;
  const page = presentPage(value, offset, query.limit, context);
  const more = offset + query.limit < Math.max(page.totals.values, page.totals.edges);
  return { ...campaignOf(value), ...page, next: more ? encodeCursor({ size, offset: offset + query.limit }) : null };
}

function presentPage(s: ScoredGraph, offset: number, limit: number, context: number | undefined) {
  switch (s.method) {
    case "polyphony":
      return presentPolyphonyPage(s, offset, limit, context);
    case "pagerank":
      return presentPageRankPage(s, offset, limit, context);
    case "mai-2023":
      return presentMai2023Page(s, offset, limit, context);
  }
}

/** The whole graph (one context's slice with `context`), every value and edge in one document (the command line's `graph show`). */
export async function showGraph(deps: ServiceDeps, campaignId: string, query: GraphQuery, policy: GroupPolicy = RESEARCHER_VIEW) {
  const { value } = await scoreGraph(deps, campaignId, query, policy);
  const context = contextOf(value, query.context);
  return materialize({ ...campaignOf(value), ...describeGraph(value, context) });
}

function describeGraph(s: ScoredGraph, context: number | undefined) {
  switch (s.method) {
    case "polyphony":
      return describePolyphony(s, context);
    case "pagerank":
      return describePageRank(s, context);
    case "mai-2023":
      return describeMai2023(s, context);
  }
}

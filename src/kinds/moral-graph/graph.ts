import type { ServiceDeps } from "../../platform/deps.ts";
import { RESEARCHER_VIEW, type GroupPolicy } from "../../platform/campaigns/group-privacy.ts";
import { materialize } from "../../http/json-stream.ts";
import { describeMai2023, presentMai2023Page } from "./graph-mai.ts";
import { describePolyphony, presentPolyphonyPage } from "./graph-polyphony.ts";
import type { GraphPageQuery } from "./inputs.ts";
import { decodeCursor, encodeCursor } from "./results/graph-cursor.ts";
import { scoreGraph, type GraphRequest, type ScoredGraph } from "./results/scored-graph.ts";

const campaignOf = (s: ScoredGraph) => ({ campaign: { id: s.campaign.id, title: s.campaign.title } });

/**
 * One page of a campaign's moral graph by the chosen method: the summary, then values and edges
 * from the cursor's offset on, `limit` of each; `next` continues with the same result while this
 * server keeps it. Groups are counted as `policy` lets its reader see them.
 */
export async function showGraphPage(deps: ServiceDeps, campaignId: string, query: GraphPageQuery, policy: GroupPolicy) {
  const cursor = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  const { size, value } = await scoreGraph(deps, campaignId, query, policy, cursor?.size);
  const offset = cursor?.offset ?? 0;
  const page = value.method === "polyphony" ? presentPolyphonyPage(value, offset, query.limit) : presentMai2023Page(value, offset, query.limit);
  const more = offset + query.limit < Math.max(page.totals.values, page.totals.edges);
  return { ...campaignOf(value), ...page, next: more ? encodeCursor({ size, offset: offset + query.limit }) : null };
}

/** The whole graph, every value and edge in one document (the command line's `graph show`). */
export async function showGraph(deps: ServiceDeps, campaignId: string, query: GraphRequest, policy: GroupPolicy = RESEARCHER_VIEW) {
  const { value } = await scoreGraph(deps, campaignId, query, policy);
  return materialize(value.method === "polyphony" ? { ...campaignOf(value), ...describePolyphony(value) } : { ...campaignOf(value), ...describeMai2023(value) });
}

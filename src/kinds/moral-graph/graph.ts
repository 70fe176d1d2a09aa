import type { ServiceDeps } from "../../platform/deps.ts";
import { groupingQuestion, RESEARCHER_VIEW, type GroupPolicy } from "../../platform/campaigns/group-privacy.ts";
import { findContext, loadGraphInput, loadGroups } from "./graph-input.ts";
import { presentMai2023 } from "./graph-mai.ts";
import { presentPageRank } from "./graph-pagerank.ts";
import { presentPolyphony } from "./graph-polyphony.ts";
import { sliceContext } from "./graph-slice.ts";
import type { GraphQuery } from "./inputs.ts";

/** Computes a campaign's moral graph with the chosen method; groups as `policy` lets its reader see them. */
export async function showGraph(deps: ServiceDeps, campaignId: string, query: GraphQuery, policy: GroupPolicy = RESEARCHER_VIEW) {
  const db = deps.store.db;
  const input = await loadGraphInput(db, campaignId);
  // A context slices the graph scored on every vote: scoring its votes alone would drop what the
  // other contexts say about each value.
  const context = query.context === undefined ? undefined : findContext(input.campaign, query.context).name;
  const base = { campaign: { id: input.campaign.id, title: input.campaign.title } };
  const slice = <G extends Parameters<typeof sliceContext>[0]>(graph: G) => ({ ...base, ...(context === undefined ? graph : sliceContext(graph, context)) });
  if (query.method === "mai-2023") return slice(presentMai2023(input));
  let groups;
  if (query.groupBy !== undefined) {
    const question = groupingQuestion(input.campaign.demographics, query.groupBy, policy);
    groups = { key: question.key, ...(await loadGroups(db, campaignId, question, input.votes.participantIds, policy)) };
  }
  if (query.method === "pagerank") return slice(presentPageRank(input, { groups }));
  return slice(presentPolyphony(input, { groups }));
}

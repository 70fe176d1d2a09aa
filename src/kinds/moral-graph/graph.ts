import type { ServiceDeps } from "../../platform/deps.ts";
import { groupingQuestion, RESEARCHER_VIEW, type GroupPolicy } from "../../platform/campaigns/group-privacy.ts";
import { loadGraphInput, loadGroups } from "./graph-input.ts";
import { presentMai2023 } from "./graph-mai.ts";
import { presentPageRank } from "./graph-pagerank.ts";
import { presentPolyphony } from "./graph-polyphony.ts";
import type { GraphQuery } from "./inputs.ts";

/** Computes a campaign's moral graph with the chosen method; groups as `policy` lets its reader see them. */
export async function showGraph(deps: ServiceDeps, campaignId: string, query: GraphQuery, policy: GroupPolicy = RESEARCHER_VIEW) {
  const db = deps.store.db;
  const input = await loadGraphInput(db, campaignId, { ...(query.context !== undefined && { context: query.context }) });
  const base = { campaign: { id: input.campaign.id, title: input.campaign.title } };
  if (query.method === "mai-2023") return { ...base, ...presentMai2023(input) };
  let groups;
  if (query.groupBy !== undefined) {
    const question = groupingQuestion(input.campaign.demographics, query.groupBy, policy);
    groups = { key: question.key, ...(await loadGroups(db, campaignId, question, input.votes.participantIds, policy)) };
  }
  if (query.method === "pagerank") return { ...base, ...presentPageRank(input, { groups }) };
  return { ...base, ...presentPolyphony(input, { groups }) };
}

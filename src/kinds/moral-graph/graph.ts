import { PolyphonyError } from "../../core/errors.ts";
import type { ServiceDeps } from "../../platform/deps.ts";
import { loadGraphInput, loadGroups } from "./graph-input.ts";
import { presentMai2023 } from "./graph-mai.ts";
import { presentPolyphony } from "./graph-polyphony.ts";
import type { GraphQuery } from "./inputs.ts";

/** Computes a campaign's moral graph with the chosen method. */
export async function showGraph(deps: ServiceDeps, campaignId: string, query: GraphQuery) {
  const db = deps.store.db;
  const input = await loadGraphInput(db, campaignId, { ...(query.context !== undefined && { context: query.context }) });
  const base = { campaign: { id: input.campaign.id, title: input.campaign.title } };
  if (query.method === "mai-2023") return { ...base, ...presentMai2023(input) };
  let groups;
  if (query.groupBy !== undefined) {
    if (!input.campaign.demographics.some((d) => d.key === query.groupBy)) {
      throw new PolyphonyError("invalid_input", `the campaign asks no demographic question "${query.groupBy}"`, { field: "groupBy" });
    }
    groups = { key: query.groupBy, ...(await loadGroups(db, campaignId, query.groupBy, input.votes.participantIds)) };
  }
  return { ...base, ...presentPolyphony(input, { groups }) };
}

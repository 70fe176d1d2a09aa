import type { components } from "../api/openapi.d.ts";

/**
 * Shapes of the Polyphony API's answers that the web app reads, taken from the server's OpenAPI
 * document (web/src/api/openapi.d.ts, written by `npm run gen:api`): change the server's schemas,
 * not these.
 */

type Schemas = components["schemas"];

export type Campaign = Schemas["Campaign"];
/** A campaign of the moral-graph kind: its questions, contexts and judging quota. */
export type MoralGraphCampaign = Extract<Campaign, { kind: "moral-graph" }>;

/** The campaign as a moral graph; a kind's pages are only ever given campaigns of their kind. */
export function moralGraphOf(campaign: Campaign): MoralGraphCampaign {
  if (campaign.kind !== "moral-graph") throw new Error(`campaign ${campaign.id} is a ${campaign.kind} campaign, not a moral graph`);
  return campaign;
}
export type CampaignSummary = Schemas["CampaignSummary"];
export type DemographicQuestion = Campaign["demographics"][number];
export type Admission = Campaign["admission"];
export type AdmissionMode = Admission["mode"];

export type CanonicalCard = Schemas["CanonicalCard"];
export type CardContent = Pick<CanonicalCard, "title" | "description" | "policies">;
export type ServedStory = Schemas["ServedStories"]["stories"][number];
export type StoryCard = ServedStory["from"];
export type Relationship = Schemas["VoteReceipt"]["vote"]["relationship"];
export type MergeProposal = Schemas["MergeProposals"]["proposals"][number];
export type Merge = Schemas["Merge"];
export type ChatTurn = Schemas["ArticulationTurn"];

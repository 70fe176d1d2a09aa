import { z } from "@hono/zod-openapi";
import type { KindRegistry } from "../kind.ts";
import { composeKindVariants } from "../kind-views.ts";
import { Receipt } from "../log/views.ts";
import { ConsentDetails, MinGroupSize, ResultsVisibility } from "../schemas.ts";

/** What the campaign routes answer. */

const DemographicQuestionView = z.object({
  key: z.string(),
  question: z.string(),
  options: z.array(z.string()).optional(),
  required: z.boolean().optional(),
});

const AdmissionView = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("open") }),
  z.object({ mode: z.literal("invite") }),
  z.object({ mode: z.literal("allowlist"), externalIdParam: z.string() }),
]);

/** The settings every campaign shows, whatever its kind. */
const CampaignFields = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  description: z.string(),
  consent: z.string(),
  consentDetails: ConsentDetails,
  status: z.enum(["open", "closed"]),
  demographics: z.array(DemographicQuestionView),
  admission: AdmissionView,
  resultsVisibility: ResultsVisibility,
  minGroupSize: MinGroupSize,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const CampaignSummary = CampaignFields.pick({ id: true, kind: true, title: true, status: true, createdAt: true }).openapi("CampaignSummary");
export const CampaignList = z.object({ campaigns: z.array(CampaignSummary) }).openapi("CampaignList");

/** A campaign as the API shows it, with the settings of its kind: one variant per registered kind. */
export function campaignViews(kinds: KindRegistry) {
  const Campaign = composeKindVariants(kinds, (kind) =>
    CampaignFields.extend({ kind: z.literal(kind.id), ...kind.campaign.view.schema.shape }),
  ).openapi("Campaign");
  return {
    Campaign: z.object({ campaign: Campaign }),
    CampaignReceipt: z.object({ campaign: Campaign, receipt: Receipt }).openapi("CampaignReceipt"),
  };
}

/** Where a campaign can be read. */
export const campaignUrl = (id: string) => `/api/v1/campaigns/${encodeURIComponent(id)}`;

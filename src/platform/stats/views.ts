import { z } from "@hono/zod-openapi";
import type { KindRegistry } from "../kind.ts";
import { composeKindVariants } from "../kind-views.ts";

const FunnelStep = z.object({
  step: z.string(),
  participants: z.number().int(),
  medianSeconds: z.number().nullable().openapi({ description: "Median seconds from the step reached just before; null when nobody reached it after another" }),
});

/** A campaign's live progress with the counts its kind adds: one variant per registered kind. */
export function campaignStatsView(kinds: KindRegistry) {
  const shared = z.object({ participants: z.number().int(), surveys: z.number().int(), funnel: z.array(FunnelStep) });
  return composeKindVariants(kinds, (kind) => shared.extend(kind.stats.schema.shape)).openapi("CampaignStats");
}

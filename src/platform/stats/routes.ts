import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { computeCampaignStats } from "./campaign-stats.ts";
import type { ServiceDeps } from "../deps.ts";
import { computeLegitimacy } from "../participants/legitimacy.ts";
import { LegitimacyQuery } from "../schemas.ts";
import { researcherOf } from "../auth/http-auth.ts";
import { resultsAudience } from "../campaigns/results-access.ts";
import { CampaignParam, meta, ok } from "../../http/route.ts";
import { Legitimacy } from "../participants/views.ts";
import { campaignStatsView } from "./views.ts";

export function registerStatsRoutes(api: OpenAPIHono, deps: ServiceDeps) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/campaigns/{campaign}/stats",
      ...meta(
        "Campaigns",
        "Live progress: `{participants, cards, canonicalCards, votes, votesPerContext: [{context: {id, name}, votes}], stories, surveys, " +
          "funnel: [{step, participants, medianSeconds}]}`. The funnel lists every step in flow order; medianSeconds is the median time " +
          "from the step a participant reached just before. Hidden contributions are not counted",
        { id: "getCampaignStats", auth: "researcher" },
      ),
      request: { params: CampaignParam },
      responses: ok(campaignStatsView(deps.kinds), "The campaign's progress"),
    }),
    async (c) => {
      await researcherOf(c, deps);
      return c.json(await computeCampaignStats(deps.store.db, deps.kinds, c.req.valid("param").campaign), 200);
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/campaigns/{campaign}/legitimacy",
      ...meta(
        "Results",
        "Legitimacy figures from the closing survey: `{overall, groupBy, groups: [{group, ...figures}]}`, figures being " +
          "`{participants, surveyed, represented: {count, share}, fair: {count, share}}` (answers 4–5 of 5 agree; share is of those " +
          "surveyed, null when none). With `groupBy=<demographic key>`, one group per answer option (empty ones too), then " +
          "group null for those who did not answer. Needs a researcher token when the campaign's results are token-only",
        { id: "getLegitimacy", auth: "results" },
      ),
      request: { params: CampaignParam, query: LegitimacyQuery },
      responses: ok(Legitimacy, "The legitimacy figures"),
    }),
    async (c) => {
      const { campaign } = c.req.valid("param");
      const policy = await resultsAudience(c, deps, campaign);
      return c.json(await computeLegitimacy(deps.store.db, campaign, c.req.valid("query").groupBy, policy), 200);
    },
  );
}

import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { ServiceDeps } from "../../../platform/deps.ts";
import { resultsAudience } from "../../../platform/campaigns/results-access.ts";
import { getCampaign } from "../../../platform/campaigns/campaigns.ts";
import { CampaignParam, meta, ok } from "../../../http/route.ts";
import { exportBigBench } from "../bigbench.ts";
import { computeResults } from "../results.ts";
import { BigBenchTask, ScenarioResults } from "./views.ts";

const tag = "Results";

export function registerResultsRoutes(api: OpenAPIHono, deps: ServiceDeps) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/campaigns/{campaign}/scenarios/results",
      ...meta(tag, "Per scenario: consensus orders (ranked pairs, Schulze), Plackett–Luce scores with intervals, agreement; rater reliability for researchers", {
        id: "getScenarioResults",
        auth: "results",
      }),
      request: { params: CampaignParam },
      responses: ok(ScenarioResults, "The scenarios' results; in public, scenarios fewer people ranked than the minimum group size are suppressed"),
    }),
    async (c) => {
      const { campaign } = c.req.valid("param");
      const policy = await resultsAudience(c, deps, campaign);
      return c.json(await computeResults(deps.store.db, campaign, policy), 200);
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/campaigns/{campaign}/scenarios/big-bench",
      ...meta(tag, "The scenarios as a BIG-bench JSON task: imported scores kept, others from the consensus", { id: "exportBigBench", auth: "results" }),
      request: { params: CampaignParam },
      responses: ok(BigBenchTask, "A BIG-bench task"),
    }),
    async (c) => {
      const { campaign } = c.req.valid("param");
      const policy = await resultsAudience(c, deps, campaign);
      const { title } = await getCampaign(deps.store.db, campaign);
      return c.json(await exportBigBench(deps.store.db, campaign, title, policy), 200);
    },
  );
}

import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { ServiceDeps } from "../../../platform/deps.ts";
import { researcherOf } from "../../../platform/auth/http-auth.ts";
import { CampaignParam, jsonBody, meta, ok } from "../../../http/route.ts";
import { listComments } from "../comments.ts";
import { dismissMergeProposal } from "../similar-cards.ts";
import { readStoryCoverage } from "../story-coverage.ts";
import { Comments, DismissedProposal, DismissMergeProposal, StoryCoverage } from "./views.ts";

const tag = "Research";

/** What a campaign's researchers read and decide beside the graph: comments, story coverage, distinct cards. */
export function registerResearchRoutes(api: OpenAPIHono, deps: ServiceDeps) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/campaigns/{campaign}/comments",
      ...meta(tag, "What participants wrote beside their answers: the reasons given with votes and the survey's comments, oldest first", {
        id: "listComments",
        auth: "researcher",
      }),
      request: { params: CampaignParam },
      responses: ok(Comments, "Vote reasons and survey comments"),
    }),
    async (c) => {
      await researcherOf(c, deps);
      return c.json(await listComments(deps.store.db, c.req.valid("param").campaign), 200);
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/campaigns/{campaign}/stories/coverage",
      ...meta(tag, "Per context: how many stories, the values no story mentions, and the pairs told in one direction only", {
        id: "readStoryCoverage",
        auth: "researcher",
      }),
      request: { params: CampaignParam },
      responses: ok(StoryCoverage, "Story coverage by context"),
    }),
    async (c) => {
      await researcherOf(c, deps);
      return c.json(await readStoryCoverage(deps.store.db, c.req.valid("param").campaign), 200);
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/campaigns/{campaign}/merge-proposals/dismissals",
      ...meta(tag, "Judge two similar cards distinct: the pair is no longer proposed for merging", { id: "dismissMergeProposal", auth: "researcher" }),
      request: { params: CampaignParam, body: jsonBody(DismissMergeProposal) },
      responses: ok(DismissedProposal, "The pair, in sorted order"),
    }),
    async (c) => {
      const researcher = await researcherOf(c, deps);
      return c.json(await dismissMergeProposal(deps, researcher, c.req.valid("param").campaign, c.req.valid("json").cards), 200);
    },
  );
}

import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { ServiceDeps } from "../../../platform/deps.ts";
import { exportGraph } from "../graph-export.ts";
import { showGraph } from "../graph.ts";
import { ExportFormat, GraphQuery } from "../inputs.ts";
import { requireResultsAccess } from "../../../platform/campaigns/results-access.ts";
import { CampaignParam, meta, responses } from "../../../http/route.ts";
import { z } from "@hono/zod-openapi";

const tag = "Results";
const ExportQuery = z.object({ format: ExportFormat.default("polyphony") });

export function registerGraphRoutes(api: OpenAPIHono, deps: ServiceDeps) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/campaigns/{campaign}/graph",
      ...meta(tag, "The moral graph: values sorted by score (wisest first) and the edges between them", { id: "getMoralGraph", auth: "results" }),
      request: { params: CampaignParam, query: GraphQuery },
      responses: responses(),
    }),
    async (c) => {
      await requireResultsAccess(c, deps, c.req.valid("param").campaign);
      return c.json(await showGraph(deps, c.req.valid("param").campaign, c.req.valid("query")), 200);
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/campaigns/{campaign}/export",
      ...meta(tag, "The full graph as one JSON document (cards, edges, stories, per-context scores), or MAI's viewer shape", { id: "exportMoralGraph", auth: "results" }),
      request: { params: CampaignParam, query: ExportQuery },
      responses: responses(),
    }),
    async (c) => {
      await requireResultsAccess(c, deps, c.req.valid("param").campaign);
      return c.json(await exportGraph(deps, c.req.valid("param").campaign, c.req.valid("query").format), 200);
    },
  );
}

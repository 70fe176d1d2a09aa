import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { ServiceDeps } from "../../../platform/deps.ts";
import { exportGraph } from "../graph-export.ts";
import { showGraph } from "../graph.ts";
import { ExportFormat, GraphQuery } from "../inputs.ts";
import { resultsAudience } from "../../../platform/campaigns/results-access.ts";
import { CampaignParam, meta, ok } from "../../../http/route.ts";
import { MaiViewerGraph, MoralGraph, MoralGraphExport } from "./graph-views.ts";

const tag = "Results";
const ExportQuery = z.object({ format: ExportFormat.default("polyphony") });

export function registerGraphRoutes(api: OpenAPIHono, deps: ServiceDeps) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/campaigns/{campaign}/graph",
      ...meta(tag, "The moral graph: values sorted by score (wisest first) and the edges between them", { id: "getMoralGraph", auth: "results" }),
      request: { params: CampaignParam, query: GraphQuery },
      responses: ok(MoralGraph, "The graph by the method asked for"),
    }),
    async (c) => {
      const policy = await resultsAudience(c, deps, c.req.valid("param").campaign);
      return c.json(await showGraph(deps, c.req.valid("param").campaign, c.req.valid("query"), policy), 200);
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/campaigns/{campaign}/export",
      ...meta(tag, "The full graph as one JSON document (cards, edges, stories, per-context scores), or MAI's viewer shape", { id: "exportMoralGraph", auth: "results" }),
      request: { params: CampaignParam, query: ExportQuery },
      responses: ok(z.union([MoralGraphExport, MaiViewerGraph]), "`MoralGraphExport` by default, `MaiViewerGraph` with `format=mai`"),
    }),
    async (c) => {
      const policy = await resultsAudience(c, deps, c.req.valid("param").campaign);
      return c.json(await exportGraph(deps, c.req.valid("param").campaign, c.req.valid("query").format, policy), 200);
    },
  );
}

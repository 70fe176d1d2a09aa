import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { ServiceDeps } from "../../../platform/deps.ts";
import { describeExport } from "../graph-export.ts";
import { showGraphPage } from "../graph.ts";
import { ExportFormat, GraphPageQuery } from "../inputs.ts";
import { resultsAudience } from "../../../platform/campaigns/results-access.ts";
import { CampaignParam, meta, ok } from "../../../http/route.ts";
import { respondWithJsonStream } from "../../../http/json-stream.ts";
import { MaiViewerGraph, MoralGraphExport, MoralGraphPage } from "./graph-views.ts";

const tag = "Results";
const ExportQuery = z.object({ format: ExportFormat.default("polyphony") });

export function registerGraphRoutes(api: OpenAPIHono, deps: ServiceDeps) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/campaigns/{campaign}/graph",
      ...meta(tag, "The moral graph, a page at a time: its summary, then values sorted by score (wisest first) and edges, `limit` of each from the cursor on", {
        id: "getMoralGraph",
        auth: "results",
      }),
      request: { params: CampaignParam, query: GraphPageQuery },
      responses: ok(MoralGraphPage, "A page of the graph by the method asked for; `next` leads to the following one"),
    }),
    async (c) => {
      const policy = await resultsAudience(c, deps, c.req.valid("param").campaign);
      return c.json(await showGraphPage(deps, c.req.valid("param").campaign, c.req.valid("query"), policy), 200);
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/campaigns/{campaign}/export",
      ...meta(tag, "The full graph as one JSON document (cards, edges, stories, per-context scores), or MAI's viewer shape; it streams", { id: "exportMoralGraph", auth: "results" }),
      request: { params: CampaignParam, query: ExportQuery },
      responses: ok(z.union([MoralGraphExport, MaiViewerGraph]), "`MoralGraphExport` by default, `MaiViewerGraph` with `format=mai`"),
    }),
    async (c) => {
      const policy = await resultsAudience(c, deps, c.req.valid("param").campaign);
      const document = await describeExport(deps, c.req.valid("param").campaign, c.req.valid("query").format, policy);
      return respondWithJsonStream(c, document);
    },
  );
}

import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { createCampaign, describeCampaign, listCampaigns, updateCampaign, type CreateCampaign, type UpdateCampaign } from "./campaigns.ts";
import { campaignSchemas } from "./inputs.ts";
import type { ServiceDeps } from "../deps.ts";
import { researcherOf } from "../auth/http-auth.ts";
import { CampaignParam, createdWith, jsonBody, meta, ok } from "../../http/route.ts";
import { CampaignList, campaignUrl, campaignViews } from "./views.ts";

const tag = "Campaigns";

export function registerCampaignRoutes(api: OpenAPIHono, deps: ServiceDeps) {
  const inputs = campaignSchemas(deps.kinds);
  const views = campaignViews(deps.kinds);
  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/campaigns",
      ...meta(tag, "Create a campaign; returns `{campaign, receipt}`", { id: "createCampaign", auth: "researcher" }),
      request: { body: jsonBody(inputs.create) },
      responses: createdWith(views.CampaignReceipt, "The campaign and its receipt"),
    }),
    async (c) => {
      const researcher = await researcherOf(c, deps);
      const created = await createCampaign(deps, researcher, c.req.valid("json") as CreateCampaign);
      return c.json(created, 201, { Location: campaignUrl(created.campaign.id) });
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/campaigns",
      ...meta(tag, "List campaigns, newest first", { id: "listCampaigns", auth: "researcher" }),
      responses: ok(CampaignList, "The campaigns"),
    }),
    async (c) => {
      await researcherOf(c, deps);
      return c.json({ campaigns: await listCampaigns(deps) }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/campaigns/{campaign}",
      ...meta(tag, "Read a campaign (public: participants read it to join)", { id: "getCampaign" }),
      request: { params: CampaignParam },
      responses: ok(views.Campaign, "The campaign with the settings of its kind"),
    }),
    async (c) => c.json({ campaign: await describeCampaign(deps.store.db, deps.kinds, c.req.valid("param").campaign) }, 200),
  );
  api.openapi(
    createRoute({
      method: "patch",
      path: "/api/v1/campaigns/{campaign}",
      ...meta(tag, "Change a campaign; returns `{campaign, receipt}`", { id: "updateCampaign", auth: "researcher" }),
      request: { params: CampaignParam, body: jsonBody(inputs.update) },
      responses: ok(views.CampaignReceipt, "The changed campaign and its receipt"),
    }),
    async (c) => {
      const researcher = await researcherOf(c, deps);
      return c.json(await updateCampaign(deps, researcher, c.req.valid("param").campaign, c.req.valid("json") as UpdateCampaign), 200);
    },
  );
}

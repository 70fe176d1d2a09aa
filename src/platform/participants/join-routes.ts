import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { ServiceDeps } from "../deps.ts";
import { joinCampaign } from "./participants.ts";
import { JoinCampaign } from "../schemas.ts";
import { signatureOf } from "../auth/http-auth.ts";
import { CampaignParam, SignatureHeader, created, jsonBody, meta } from "../../http/route.ts";

const tag = "Participation";

/** Joining is the same for every campaign kind: admission, demographic answers, a session token. */
export function registerJoinRoutes(api: OpenAPIHono, deps: ServiceDeps) {
  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/campaigns/{campaign}/participants",
      ...meta(tag, "Join a campaign; returns `{participant: {id, campaignId, publicKey}, token, receipt}`, the session token once", { id: "joinCampaign" }),
      request: { params: CampaignParam, headers: SignatureHeader, body: jsonBody(JoinCampaign) },
      responses: created(),
    }),
    async (c) => c.json(await joinCampaign(deps, c.req.valid("param").campaign, c.req.valid("json"), signatureOf(c)), 201),
  );
}

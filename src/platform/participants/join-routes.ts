import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { ServiceDeps } from "../deps.ts";
import { joinCampaign } from "./participants.ts";
import { JoinCampaign } from "../schemas.ts";
import { signatureOf } from "../auth/http-auth.ts";
import { CampaignParam, SignatureHeader, createdWith, jsonBody, meta } from "../../http/route.ts";
import { logEntryUrl } from "../log/views.ts";
import { Joined } from "./views.ts";

const tag = "Participation";

/** Joining is the same for every campaign kind: admission, demographic answers, a session token. */
export function registerJoinRoutes(api: OpenAPIHono, deps: ServiceDeps) {
  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/campaigns/{campaign}/participants",
      ...meta(tag, "Join a campaign; returns `{participant: {id, campaignId, publicKey}, token, receipt}`, the session token once. " +
          "Location is the join's log entry: the participant reads their session at `GET …/me`", { id: "joinCampaign" }),
      request: { params: CampaignParam, headers: SignatureHeader, body: jsonBody(JoinCampaign) },
      responses: createdWith(Joined, "The participant, their session token and the receipt"),
    }),
    async (c) => {
      const joined = await joinCampaign(deps, c.req.valid("param").campaign, c.req.valid("json"), signatureOf(c));
      return c.json(joined, 201, { Location: logEntryUrl(joined.receipt.index) });
    },
  );
}

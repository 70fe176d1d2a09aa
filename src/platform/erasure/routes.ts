import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { ServiceDeps } from "../deps.ts";
import { eraseParticipant } from "./erasure.ts";
import { EraseParticipant } from "../schemas.ts";
import { researcherOf } from "../auth/http-auth.ts";
import { CampaignParam, createdWith, jsonBody, meta } from "../../http/route.ts";
import { logEntryUrl } from "../log/views.ts";
import { ErasureReceipt } from "./views.ts";

const tag = "Moderation";

export function registerErasureRoutes(api: OpenAPIHono, deps: ServiceDeps) {
  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/campaigns/{campaign}/erasures",
      ...meta(
        tag,
        "Erase a participant's content on their request: `{participant | externalId | publicKey, reason}`. Removes the text of their " +
          "cards, comments and chats and the openings of their log entries; the entries stay, so every proof still verifies, but " +
          "their content can no longer be checked. Votes and demographic answers stay. Returns `{erasure, receipt}`",
        { id: "eraseParticipant", auth: "researcher" },
      ),
      request: { params: CampaignParam, body: jsonBody(EraseParticipant) },
      responses: { ...createdWith(ErasureReceipt, "The erasure and its receipt; Location is its log entry"), 409: { description: "The participant was erased already; `field` is `participant`" } },
    }),
    async (c) => {
      const researcher = await researcherOf(c, deps);
      const erased = await eraseParticipant(deps, researcher, c.req.valid("param").campaign, c.req.valid("json"));
      return c.json(erased, 201, { Location: logEntryUrl(erased.receipt.index) });
    },
  );
}

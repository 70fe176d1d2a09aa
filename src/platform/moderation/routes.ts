import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { ServiceDeps } from "../deps.ts";
import { describeModeration, hideContent, unhideContent } from "./moderation.ts";
import { moderationTargets } from "../kind.ts";
import { Id, Moderate } from "../schemas.ts";
import { researcherOf } from "../auth/http-auth.ts";
import { CampaignParam, createdWith, jsonBody, meta, ok } from "../../http/route.ts";
import { logEntryUrl } from "../log/views.ts";
import { Moderation, ModerationReceipt } from "./views.ts";

const tag = "Moderation";
const conflict = { 409: { description: "The target is hidden already (hide) or not hidden (unhide); `field` is `target/id`" } };

export function registerModerationRoutes(api: OpenAPIHono, deps: ServiceDeps) {
  const targets = moderationTargets(deps.kinds);
  const body = jsonBody(Moderate.extend({ target: z.object({ kind: z.enum(targets as [string, ...string[]]), id: Id }) }));
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/campaigns/{campaign}/moderation",
      ...meta(
        tag,
        "What moderation hid and why: `{hidden: [{target: {kind, id}, label, hiddenAt, reason}], actions: [{id, target, action, reason, by, at}]}`; " +
          "`hidden` is what is hidden now, `actions` every hide and unhide, newest first",
        { id: "getModeration", auth: "researcher" },
      ),
      request: { params: CampaignParam },
      responses: ok(Moderation, "What is hidden and every action"),
    }),
    async (c) => {
      await researcherOf(c, deps);
      return c.json(await describeModeration(deps.store.db, deps.kinds, c.req.valid("param").campaign), 200);
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/campaigns/{campaign}/moderation",
      ...meta(
        tag,
        `Hide a contribution with a reason: \`{target: {kind: ${targets.join("|")}, id}, reason}\`. It stays stored; ` +
          "lists, story serving, results and exports skip it. Returns `{action, receipt}`",
        { id: "hideContent", auth: "researcher" },
      ),
      request: { params: CampaignParam, body },
      responses: { ...createdWith(ModerationReceipt, "The action and its receipt; Location is its log entry"), ...conflict },
    }),
    async (c) => {
      const researcher = await researcherOf(c, deps);
      const hidden = await hideContent(deps, researcher, c.req.valid("param").campaign, c.req.valid("json"));
      return c.json(hidden, 201, { Location: logEntryUrl(hidden.receipt.index) });
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/campaigns/{campaign}/moderation/unhide",
      ...meta(tag, "Show a hidden contribution again, with the reason: `{target: {kind, id}, reason}`. Returns `{action, receipt}`", { id: "unhideContent", auth: "researcher" }),
      request: { params: CampaignParam, body },
      responses: { ...ok(ModerationReceipt, "The action and its receipt"), ...conflict },
    }),
    async (c) => {
      const researcher = await researcherOf(c, deps);
      return c.json(await unhideContent(deps, researcher, c.req.valid("param").campaign, c.req.valid("json")), 200);
    },
  );
}

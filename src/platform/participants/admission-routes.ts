import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { checkAdmission, createInvites, describeAllowlist, describeInvites, editAllowlist } from "./admission.ts";
import type { ServiceDeps } from "../deps.ts";
import { CheckAdmission, CreateInvites, EditAllowlist } from "../schemas.ts";
import { researcherOf } from "../auth/http-auth.ts";
import { CampaignParam, createdWith, jsonBody, meta, ok } from "../../http/route.ts";
import { logEntryUrl } from "../log/views.ts";
import { AdmissionCheck, Allowlist, AllowlistChange, CreatedInvites, InviteUsage } from "./views.ts";

const tag = "Admission";

export function registerAdmissionRoutes(api: OpenAPIHono, deps: ServiceDeps) {
  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/campaigns/{campaign}/admission-check",
      ...meta(
        tag,
        "Check, before consent, that the invite code or external id would let a person join (public; nothing is used up). " +
          "200 `{admitted: true}`, or 403 naming `invite` or `externalId`",
        { id: "checkAdmission" },
      ),
      request: { params: CampaignParam, body: jsonBody(CheckAdmission) },
      responses: ok(AdmissionCheck, "The credentials would be admitted"),
    }),
    async (c) => c.json(await checkAdmission(deps.store.db, c.req.valid("param").campaign, c.req.valid("json")), 200),
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/campaigns/{campaign}/invites",
      ...meta(
        tag,
        "Create `count` (1–1000) single-use invite codes. Returns `{codes, usage: {total, used, unused}, receipt}`; the codes are shown this once " +
          "(only their hashes are kept). A participant joins with one as `invite` in the join body, e.g. from a link `?invite=CODE`",
        { id: "createInvites", auth: "researcher" },
      ),
      request: { params: CampaignParam, body: jsonBody(CreateInvites) },
      responses: createdWith(CreatedInvites, "The codes, the usage and the receipt; Location is the log entry"),
    }),
    async (c) => {
      const researcher = await researcherOf(c, deps);
      const created = await createInvites(deps, researcher, c.req.valid("param").campaign, c.req.valid("json").count);
      return c.json(created, 201, { Location: logEntryUrl(created.receipt.index) });
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/campaigns/{campaign}/invites",
      ...meta(tag, "Invite usage as counts, never codes: `{usage: {total, used, unused}}`", { id: "getInviteUsage", auth: "researcher" }),
      request: { params: CampaignParam },
      responses: ok(InviteUsage, "Invite usage"),
    }),
    async (c) => {
      await researcherOf(c, deps);
      return c.json({ usage: await describeInvites(deps.store.db, c.req.valid("param").campaign) }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: "patch",
      path: "/api/v1/campaigns/{campaign}/allowlist",
      ...meta(
        tag,
        "Add and remove allowlisted external ids in bulk (`{add?: [...], remove?: [...]}`, up to 5,000 each, in one transaction). " +
          "Returns `{added, removed, total, joined, receipt}`. Removing an id does not expel someone who joined with it",
        { id: "editAllowlist", auth: "researcher" },
      ),
      request: { params: CampaignParam, body: jsonBody(EditAllowlist) },
      responses: ok(AllowlistChange, "What changed, the allowlist's size and the receipt"),
    }),
    async (c) => {
      const researcher = await researcherOf(c, deps);
      return c.json(await editAllowlist(deps, researcher, c.req.valid("param").campaign, c.req.valid("json")), 200);
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/campaigns/{campaign}/allowlist",
      ...meta(tag, "Allowlist size as counts, never ids: `{total, joined}` (joined: participants who gave an external id)", { id: "getAllowlist", auth: "researcher" }),
      request: { params: CampaignParam },
      responses: ok(Allowlist, "The allowlist's size"),
    }),
    async (c) => {
      await researcherOf(c, deps);
      return c.json(await describeAllowlist(deps.store.db, c.req.valid("param").campaign), 200);
    },
  );
}

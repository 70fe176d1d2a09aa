import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { articulate } from "../articulation.ts";
import { submitCard } from "../cards.ts";
import type { ServiceDeps } from "../../../platform/deps.ts";
import { joinCampaign } from "../../../platform/participants/participants.ts";
import { Id, JoinCampaign } from "../../../platform/schemas.ts";
import { ArticulateMessage, CardContent, CastVote, SubmitCard } from "../inputs.ts";
import { findSimilarToDraft } from "../similar-cards.ts";
import { nextStories } from "../stories.ts";
import { castVote } from "../votes.ts";
import { participantOf, signatureOf } from "../../../platform/auth/http-auth.ts";
import { CampaignParam, SignatureHeader, created, jsonBody, meta, responses } from "../../../http/route.ts";

const tag = "Participation";

const SimilarDraft = CardContent.extend({ question: Id }).openapi("SimilarDraft");
const NextQuery = z.object({ limit: z.coerce.number().int().min(1).max(50).default(5) });

export function registerParticipationRoutes(api: OpenAPIHono, deps: ServiceDeps) {
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
  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/campaigns/{campaign}/cards",
      ...meta(tag, "Submit a values card (3–7 attention policies); returns `{card, receipt}`", { id: "submitCard", auth: "participant" }),
      request: { params: CampaignParam, headers: SignatureHeader, body: jsonBody(SubmitCard) },
      responses: created(),
    }),
    async (c) => {
      const participant = await participantOf(c, deps, c.req.valid("param").campaign);
      return c.json(await submitCard(deps, participant, c.req.valid("json")), 201);
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/campaigns/{campaign}/cards/similar",
      ...meta(tag, "Canonical cards like a draft card, before submitting it", { id: "findSimilarCards", auth: "participant" }),
      request: { params: CampaignParam, body: jsonBody(SimilarDraft) },
      responses: responses(),
    }),
    async (c) => {
      const { campaign } = c.req.valid("param");
      await participantOf(c, deps, campaign);
      const { question, ...draft } = c.req.valid("json");
      return c.json(await findSimilarToDraft(deps, campaign, question, draft, { limit: 3, threshold: 0.75 }), 200);
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/campaigns/{campaign}/articulate",
      ...meta(tag, "One turn of the articulation chat with the LLM (503 when no LLM is configured)", { id: "articulateCard", auth: "participant" }),
      request: { params: CampaignParam, body: jsonBody(ArticulateMessage) },
      responses: { ...responses(), 503: { description: "No LLM provider is configured" } },
    }),
    async (c) => {
      const participant = await participantOf(c, deps, c.req.valid("param").campaign);
      return c.json(await articulate(deps, participant, c.req.valid("json")), 200);
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/campaigns/{campaign}/stories/next",
      ...meta(tag, "Upgrade stories for this participant to judge, least-voted edges first", { id: "listNextStories", auth: "participant" }),
      request: { params: CampaignParam, query: NextQuery },
      responses: responses(),
    }),
    async (c) => {
      const participant = await participantOf(c, deps, c.req.valid("param").campaign);
      return c.json({ stories: await nextStories(deps, participant, c.req.valid("query").limit) }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/campaigns/{campaign}/votes",
      ...meta(tag, "Judge an upgrade: upgrade, no_upgrade or not_sure; voting again replaces the vote. Returns `{vote, receipt}`", { id: "castVote", auth: "participant" }),
      request: { params: CampaignParam, headers: SignatureHeader, body: jsonBody(CastVote) },
      responses: created(),
    }),
    async (c) => {
      const participant = await participantOf(c, deps, c.req.valid("param").campaign);
      return c.json(await castVote(deps, participant, c.req.valid("json") as CastVote), 201);
    },
  );
}

import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { articulate } from "../articulation.ts";
import { submitCard } from "../cards.ts";
import type { ServiceDeps } from "../../../platform/deps.ts";
import { Id } from "../../../platform/schemas.ts";
import { ArticulateMessage, CardContent, CastVote, SubmitCard } from "../inputs.ts";
import { findSimilarToDraft } from "../similar-cards.ts";
import { nextStories } from "../stories.ts";
import { castVote } from "../votes.ts";
import { participantOf } from "../../../platform/auth/http-auth.ts";
import { CampaignParam, SignatureHeader, createdWith, jsonBody, meta, ok, unavailable } from "../../../http/route.ts";
import { logEntryUrl } from "../../../platform/log/views.ts";
import { ArticulationTurn, ServedStories, SimilarCards, ValuesCardReceipt, VoteReceipt } from "./views.ts";

const tag = "Participation";

const SimilarDraft = CardContent.extend({ question: Id }).openapi("SimilarDraft");
const NextQuery = z.object({ limit: z.coerce.number().int().min(1).max(50).default(5) });

export function registerParticipationRoutes(api: OpenAPIHono, deps: ServiceDeps) {
  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/campaigns/{campaign}/cards",
      ...meta(tag, "Submit a values card (3–7 attention policies); returns `{card, receipt}`", { id: "submitCard", auth: "participant" }),
      request: { params: CampaignParam, headers: SignatureHeader, body: jsonBody(SubmitCard) },
      responses: createdWith(ValuesCardReceipt, "The card and its receipt; Location is its log entry"),
    }),
    async (c) => {
      const participant = await participantOf(c, deps, c.req.valid("param").campaign);
      const submitted = await submitCard(deps, participant, c.req.valid("json"));
      return c.json(submitted, 201, { Location: logEntryUrl(submitted.receipt.index) });
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/campaigns/{campaign}/cards/similar",
      ...meta(tag, "Canonical cards like a draft card, before submitting it", { id: "findSimilarCards", auth: "participant" }),
      request: { params: CampaignParam, body: jsonBody(SimilarDraft) },
      responses: ok(SimilarCards, "Up to 3 similar cards, most similar first"),
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
      responses: { ...ok(ArticulationTurn, "The assistant's reply, and a draft card once the chat has enough"), 503: unavailable },
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
      responses: ok(ServedStories, "Stories to judge"),
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
      responses: createdWith(VoteReceipt, "The vote and its receipt; Location is its log entry"),
    }),
    async (c) => {
      const participant = await participantOf(c, deps, c.req.valid("param").campaign);
      const cast = await castVote(deps, participant, c.req.valid("json") as CastVote);
      return c.json(cast, 201, { Location: logEntryUrl(cast.receipt.index) });
    },
  );
}

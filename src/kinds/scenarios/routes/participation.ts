import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { ServiceDeps } from "../../../platform/deps.ts";
import { participantOf } from "../../../platform/auth/http-auth.ts";
import { logEntryUrl } from "../../../platform/log/views.ts";
import { SignatureHeader, createdWith, jsonBody, meta } from "../../../http/route.ts";
import { addRationale, proposeBehaviour, tagBehaviour } from "../contributions.ts";
import { AddRationale, ProposeBehaviour, RankScenario, TagBehaviour } from "../inputs.ts";
import { rankScenario } from "../ranking.ts";
import { BehaviourReceipt, RankingReceipt, RationaleReceipt, TagsReceipt } from "./views.ts";

const tag = "Scenarios";
const param = (name: string) => z.string().min(1).max(100).openapi({ param: { name, in: "path" } });
const ScenarioParam = z.object({ campaign: param("campaign"), scenario: param("scenario") });
const BehaviourParam = z.object({ campaign: param("campaign"), behaviour: param("behaviour") });

export function registerParticipationRoutes(api: OpenAPIHono, deps: ServiceDeps) {
  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/campaigns/{campaign}/scenarios/{scenario}/behaviours",
      ...meta(tag, "Propose a behaviour the AI could show in a scenario, with its internal thoughts and tags if you like", { id: "proposeBehaviour", auth: "participant" }),
      request: { params: ScenarioParam, headers: SignatureHeader, body: jsonBody(ProposeBehaviour) },
      responses: createdWith(BehaviourReceipt, "The behaviour and its receipt; Location is its log entry"),
    }),
    async (c) => {
      const { campaign, scenario } = c.req.valid("param");
      const written = await proposeBehaviour(deps, await participantOf(c, deps, campaign), scenario, c.req.valid("json"));
      return c.json(written, 201, { Location: logEntryUrl(written.receipt.index) });
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/campaigns/{campaign}/scenarios/{scenario}/rankings",
      ...meta(tag, "Rank a scenario's behaviours (full or partial, ties, none acceptable) or skip it; ranking again replaces the ranking", {
        id: "rankScenario",
        auth: "participant",
      }),
      request: { params: ScenarioParam, headers: SignatureHeader, body: jsonBody(RankScenario) },
      responses: createdWith(RankingReceipt, "The ranking and its receipt; Location is its log entry"),
    }),
    async (c) => {
      const { campaign, scenario } = c.req.valid("param");
      const written = await rankScenario(deps, await participantOf(c, deps, campaign), scenario, c.req.valid("json"));
      return c.json(written, 201, { Location: logEntryUrl(written.receipt.index) });
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/campaigns/{campaign}/behaviours/{behaviour}/tags",
      ...meta(tag, "Tag a behaviour with tags of the campaign's taxonomy", { id: "tagBehaviour", auth: "participant" }),
      request: { params: BehaviourParam, headers: SignatureHeader, body: jsonBody(TagBehaviour) },
      responses: createdWith(TagsReceipt, "The tags and their receipt; Location is its log entry"),
    }),
    async (c) => {
      const { campaign, behaviour } = c.req.valid("param");
      const written = await tagBehaviour(deps, await participantOf(c, deps, campaign), behaviour, c.req.valid("json").tags);
      return c.json(written, 201, { Location: logEntryUrl(written.receipt.index) });
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/campaigns/{campaign}/scenarios/{scenario}/rationales",
      ...meta(tag, "Say why you ranked a scenario as you did, or what you think of one behaviour", { id: "addRationale", auth: "participant" }),
      request: { params: ScenarioParam, headers: SignatureHeader, body: jsonBody(AddRationale) },
      responses: createdWith(RationaleReceipt, "The rationale and its receipt; Location is its log entry"),
    }),
    async (c) => {
      const { campaign, scenario } = c.req.valid("param");
      const written = await addRationale(deps, await participantOf(c, deps, campaign), scenario, c.req.valid("json"));
      return c.json(written, 201, { Location: logEntryUrl(written.receipt.index) });
    },
  );
}

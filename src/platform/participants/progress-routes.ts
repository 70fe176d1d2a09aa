import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { ServiceDeps } from "../deps.ts";
import { describeParticipant, recordProgress } from "./progress.ts";
import { AnswerSurvey, RecordProgress } from "../schemas.ts";
import { answerSurvey } from "./survey.ts";
import { participantOf } from "../auth/http-auth.ts";
import { CampaignParam, SignatureHeader, jsonBody, meta, ok } from "../../http/route.ts";
import { StepsReached, SurveyReceipt, sessionView } from "./views.ts";

const tag = "Participation";

export function registerProgressRoutes(api: OpenAPIHono, deps: ServiceDeps) {
  const steps = deps.kinds.allSteps;
  const flows = deps.kinds.all.map((kind) => `${kind.id}: ${deps.kinds.stepsOf(kind).join(", ")}`).join("; ");
  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/campaigns/{campaign}/progress",
      ...meta(
        tag,
        `Record that the participant reached a step of their campaign kind's flow (${flows}). Idempotent: the first time a step ` +
          "is reached is kept. Returns `{steps: [{step, at}]}`, the steps reached in flow order",
        { id: "recordProgress", auth: "participant" },
      ),
      request: { params: CampaignParam, body: jsonBody(RecordProgress.extend({ step: z.enum(steps as [string, ...string[]]) })) },
      responses: ok(StepsReached, "The steps reached, in flow order"),
    }),
    async (c) => {
      const participant = await participantOf(c, deps, c.req.valid("param").campaign);
      return c.json(await recordProgress(deps, participant, c.req.valid("json").step), 200);
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/campaigns/{campaign}/me",
      ...meta(
        tag,
        "Resume a session: `{participant: {id, campaignId, joinedAt}, answers, steps: [{step, at}], lastStep, cards, votes, survey}` — " +
          "the demographic answers, steps reached in flow order (lastStep is the furthest), the participant's visible values cards, " +
          "how many upgrades they judged, and their survey answer or null",
        { id: "resumeSession", auth: "participant" },
      ),
      request: { params: CampaignParam },
      responses: ok(sessionView(deps.kinds), "The participant's session"),
    }),
    async (c) => {
      const participant = await participantOf(c, deps, c.req.valid("param").campaign);
      return c.json(await describeParticipant(deps.store.db, deps.kinds, participant), 200);
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/campaigns/{campaign}/survey",
      ...meta(
        tag,
        "Answer the closing survey: `represented` and `fair`, each 1–5 (4–5 count as agreeing in the legitimacy figures), and an " +
          "optional comment. Answering again replaces the answer. Returns `{survey: {represented, fair, comment, answeredAt}, receipt}`",
        { id: "answerSurvey", auth: "participant" },
      ),
      request: { params: CampaignParam, headers: SignatureHeader, body: jsonBody(AnswerSurvey) },
      responses: ok(SurveyReceipt, "The answer and its receipt"),
    }),
    async (c) => {
      const participant = await participantOf(c, deps, c.req.valid("param").campaign);
      return c.json(await answerSurvey(deps, participant, c.req.valid("json")), 200);
    },
  );
}

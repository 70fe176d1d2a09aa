import { eq } from "drizzle-orm";
import { invalid } from "../../core/errors.ts";
import type { Queryable } from "../../store/open.ts";
import { participantAnswers, participants, progressEvents, surveyAnswers } from "./schema.ts";
import { kindOfCampaign } from "../campaigns/campaigns.ts";
import type { ServiceDeps } from "../deps.ts";
import type { KindRegistry } from "../kind.ts";
import type { Participant } from "./participants.ts";

export interface StepReached {
  step: string;
  at: string;
}

/**
 * Records that a participant reached a step of their campaign kind's flow. Reaching a step again
 * keeps the first time, so the call is idempotent and the funnel's timings stay those of the
 * first visit.
 */
export async function recordProgress(deps: ServiceDeps, participant: Participant, step: string) {
  const flow = deps.kinds.stepsOf(await kindOfCampaign(deps.store.db, deps.kinds, participant.campaignId));
  if (!flow.includes(step)) throw invalid("step", `the steps of this campaign are ${flow.join(", ")}; not ${JSON.stringify(step)}`);
  await deps.store.db
    .insert(progressEvents)
    .values({ participantId: participant.id, campaignId: participant.campaignId, step, at: deps.clock.now() })
    .onConflictDoNothing();
  return { steps: await listStepsReached(deps.store.db, flow, participant.id) };
}

/** The steps of `flow` a participant has reached, in the order of the flow. */
export async function listStepsReached(db: Queryable, flow: readonly string[], participantId: string): Promise<StepReached[]> {
  const rows = await db
    .select({ step: progressEvents.step, at: progressEvents.at })
    .from(progressEvents)
    .where(eq(progressEvents.participantId, participantId));
  const at = new Map(rows.map((r) => [r.step, r.at]));
  return flow.flatMap((step) => {
    const time = at.get(step);
    return time ? [{ step, at: time.toISOString() }] : [];
  });
}

/**
 * Everything a participant's browser needs to resume: who they are, their demographic answers,
 * the steps reached (and the furthest one), what they contributed as their campaign's kind
 * tells (for moral graphs, their visible values cards and how many upgrades they judged), and
 * their survey answer if any.
 */
export async function describeParticipant(db: Queryable, kinds: KindRegistry, participant: Participant) {
  const kind = await kindOfCampaign(db, kinds, participant.campaignId);
  const [row] = await db.select({ createdAt: participants.createdAt }).from(participants).where(eq(participants.id, participant.id));
  const answerRows = await db
    .select({ key: participantAnswers.key, value: participantAnswers.value })
    .from(participantAnswers)
    .where(eq(participantAnswers.participantId, participant.id));
  const steps = await listStepsReached(db, kinds.stepsOf(kind), participant.id);
  const [survey] = await db
    .select({ represented: surveyAnswers.represented, fair: surveyAnswers.fair, comment: surveyAnswers.comment, at: surveyAnswers.createdAt })
    .from(surveyAnswers)
    .where(eq(surveyAnswers.participantId, participant.id));
  return {
    participant: { id: participant.id, campaignId: participant.campaignId, joinedAt: row?.createdAt.toISOString() ?? null },
    answers: Object.fromEntries(answerRows.map((a) => [a.key, a.value])),
    steps,
    lastStep: steps.at(-1)?.step ?? null,
    ...(await kind.participantSummary.read(db, participant.id)),
    survey: survey ? { represented: survey.represented, fair: survey.fair, comment: survey.comment, answeredAt: survey.at.toISOString() } : null,
  };
}

import { and, asc, count, eq, isNull } from "drizzle-orm";
import type { Queryable } from "../../store/open.ts";
import { participantAnswers, participants, progressEvents, surveyAnswers } from "./schema.ts";
import { valuesCards, votes } from "../../kinds/moral-graph/schema.ts";
import type { ServiceDeps } from "../deps.ts";
import type { Participant } from "./participants.ts";
import { STEPS, type Step } from "../schemas.ts";

export interface StepReached {
  step: Step;
  at: string;
}

/**
 * Records that a participant reached a step of the flow. Reaching a step again keeps the first
 * time, so the call is idempotent and the funnel's timings stay those of the first visit.
 */
export async function recordProgress(deps: ServiceDeps, participant: Participant, step: Step) {
  await deps.store.db
    .insert(progressEvents)
    .values({ participantId: participant.id, campaignId: participant.campaignId, step, at: deps.clock.now() })
    .onConflictDoNothing();
  return { steps: await listStepsReached(deps.store.db, participant.id) };
}

/** The steps a participant has reached, in the order of the flow. */
export async function listStepsReached(db: Queryable, participantId: string): Promise<StepReached[]> {
  const rows = await db
    .select({ step: progressEvents.step, at: progressEvents.at })
    .from(progressEvents)
    .where(eq(progressEvents.participantId, participantId));
  const at = new Map(rows.map((r) => [r.step, r.at]));
  return STEPS.flatMap((step) => {
    const time = at.get(step);
    return time ? [{ step, at: time.toISOString() }] : [];
  });
}

/**
 * Everything a participant's browser needs to resume: who they are, their demographic answers,
 * the steps reached (and the furthest one), their visible values cards, how many upgrades they
 * judged, and their survey answer if any.
 */
export async function describeParticipant(db: Queryable, participant: Participant) {
  const [row] = await db.select({ createdAt: participants.createdAt }).from(participants).where(eq(participants.id, participant.id));
  const answerRows = await db
    .select({ key: participantAnswers.key, value: participantAnswers.value })
    .from(participantAnswers)
    .where(eq(participantAnswers.participantId, participant.id));
  const steps = await listStepsReached(db, participant.id);
  const cards = await db
    .select({
      id: valuesCards.id,
      question: valuesCards.questionId,
      title: valuesCards.title,
      description: valuesCards.description,
      policies: valuesCards.policies,
      canonicalId: valuesCards.canonicalId,
      createdAt: valuesCards.createdAt,
    })
    .from(valuesCards)
    .where(and(eq(valuesCards.participantId, participant.id), isNull(valuesCards.hiddenAt)))
    .orderBy(asc(valuesCards.createdAt), asc(valuesCards.id));
  const [judged] = await db
    .select({ n: count() })
    .from(votes)
    .where(and(eq(votes.participantId, participant.id), isNull(votes.hiddenAt)));
  const [survey] = await db
    .select({ represented: surveyAnswers.represented, fair: surveyAnswers.fair, comment: surveyAnswers.comment, at: surveyAnswers.createdAt })
    .from(surveyAnswers)
    .where(eq(surveyAnswers.participantId, participant.id));
  return {
    participant: { id: participant.id, campaignId: participant.campaignId, joinedAt: row?.createdAt.toISOString() ?? null },
    answers: Object.fromEntries(answerRows.map((a) => [a.key, a.value])),
    steps,
    lastStep: steps.at(-1)?.step ?? null,
    cards: cards.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() })),
    votes: judged?.n ?? 0,
    survey: survey ? { represented: survey.represented, fair: survey.fair, comment: survey.comment, answeredAt: survey.at.toISOString() } : null,
  };
}

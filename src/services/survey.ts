import { surveyAnswers } from "../store/schema.ts";
import type { ServiceDeps } from "./deps.ts";
import type { Participant } from "./participants.ts";
import type { AnswerSurvey } from "./schemas.ts";

/**
 * Stores a participant's closing survey (felt represented, process fair, each 1–5). Answering
 * again replaces the earlier answer; the comment is cleared when the new answer has none.
 */
export async function answerSurvey(deps: ServiceDeps, participant: Participant, input: AnswerSurvey) {
  const now = deps.clock.now();
  const answer = { represented: input.represented, fair: input.fair, comment: input.comment ?? null, createdAt: now };
  const [row] = await deps.store.db
    .insert(surveyAnswers)
    .values({ participantId: participant.id, campaignId: participant.campaignId, ...answer })
    .onConflictDoUpdate({ target: surveyAnswers.participantId, set: answer })
    .returning();
  const saved = row!;
  return {
    survey: {
      represented: saved.represented,
      fair: saved.fair,
      comment: saved.comment,
      answeredAt: saved.createdAt.toISOString(),
    },
  };
}

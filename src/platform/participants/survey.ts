import { getTableColumns, sql } from "drizzle-orm";
import { surveyAnswers } from "./schema.ts";
import type { ServiceDeps } from "../deps.ts";
import { signContribution } from "./participant-keys.ts";
import type { Participant } from "./participants.ts";
import type { AnswerSurvey } from "../schemas.ts";

/**
 * Stores a participant's closing survey (felt represented, process fair, each 1–5). Answering
 * again replaces the earlier answer; the comment is cleared when the new answer has none. Each
 * answer is logged under the participant's key, signed over its content.
 */
export async function answerSurvey(deps: ServiceDeps, participant: Participant, input: AnswerSurvey) {
  const { value: survey, receipts } = await deps.log.commit(async (tx, now) => {
    const content = { represented: input.represented, fair: input.fair, ...(input.comment !== undefined && { comment: input.comment }) };
    const signed = await signContribution(tx, participant, "survey_answer", content, now);
    const answer = { represented: input.represented, fair: input.fair, comment: input.comment ?? null, createdAt: now };
    const [row] = await tx
      .insert(surveyAnswers)
      .values({ participantId: participant.id, campaignId: participant.campaignId, ...answer })
      .onConflictDoUpdate({ target: surveyAnswers.participantId, set: answer })
      // xmax is 0 on a freshly inserted row and set on one the conflict updated.
      .returning({ ...getTableColumns(surveyAnswers), inserted: sql<boolean>`(xmax = 0)` });
    const saved = row!;
    const refs = { replaced: !saved.inserted };
    const draft = { kind: "survey_answer", campaign: participant.campaignId, author: signed.author, refs, content, signature: signed.signature, participant: participant.id };
    return {
      drafts: [draft],
      value: { represented: saved.represented, fair: saved.fair, comment: saved.comment, answeredAt: saved.createdAt.toISOString() },
    };
  });
  return { survey, receipt: receipts[0]! };
}

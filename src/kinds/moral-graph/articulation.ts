import { and, eq } from "drizzle-orm";
import { invalid, notFound } from "../../core/errors.ts";
import { continueArticulation } from "./llm/articulation.ts";
import { articulationChats, questions } from "./schema.ts";
import { requireLlm, type ServiceDeps } from "../../platform/deps.ts";
import { newId } from "../../platform/ids.ts";
import type { Participant } from "../../platform/participants/participants.ts";
import type { ArticulateMessage } from "./inputs.ts";
import { limitsOf, take } from "../../platform/limits/limits.ts";

/** A chat this long has said enough for a card: the participant confirms the draft or starts over. */
export const MAX_CHAT_MESSAGES = 40;
/** The most text a chat sends the model in one turn, so that one participant cannot run up the bill. */
export const MAX_CHAT_CHARACTERS = 24_000;

/**
 * One turn of the articulation chat: the LLM asks what the participant would attend to and, once
 * it has enough, drafts a values card for them to confirm or edit through the card form.
 */
export async function articulate(deps: ServiceDeps, participant: Participant, input: ArticulateMessage) {
  const llm = requireLlm(deps);
  const db = deps.store.db;
  const [question] = await db
    .select({ text: questions.text })
    .from(questions)
    .where(and(eq(questions.id, input.question), eq(questions.campaignId, participant.campaignId)));
  if (!question) throw notFound("question", input.question, "question");
  let chatId = input.chat;
  let messages: { role: "user" | "assistant"; content: string }[] = [];
  if (chatId !== undefined) {
    const [chat] = await db
      .select()
      .from(articulationChats)
      .where(and(eq(articulationChats.id, chatId), eq(articulationChats.participantId, participant.id)));
    if (!chat) throw notFound("chat", chatId, "chat");
    messages = chat.messages;
  }
  messages = [...messages, { role: "user", content: input.message }];
  if (messages.length > MAX_CHAT_MESSAGES || messages.reduce((n, m) => n + m.content.length, 0) > MAX_CHAT_CHARACTERS) {
    throw invalid("chat", "this chat is long enough to draft a card from: confirm or edit the draft, or start a new chat");
  }
  // Each turn is a paid model call: one participant, and one campaign, get a budget per day.
  const limits = limitsOf(deps);
  await take(db, `llm:participant:${participant.id}`, limits.llmCallsPerParticipant, deps.clock.now(), "chat turns for this participant");
  await take(db, `llm:campaign:${participant.campaignId}`, limits.llmCallsPerCampaign, deps.clock.now(), "chat turns in this campaign");
  const turn = await continueArticulation(llm, { question: question.text, messages });
  messages = [...messages, { role: "assistant", content: turn.reply }];
  const now = deps.clock.now();
  const draft = turn.draft ?? null;
  if (chatId === undefined) {
    chatId = newId("chat");
    await db.insert(articulationChats).values({
      id: chatId,
      campaignId: participant.campaignId,
      participantId: participant.id,
      questionId: input.question,
      messages,
      draft,
      createdAt: now,
      updatedAt: now,
    });
  } else {
    await db.update(articulationChats).set({ messages, draft, updatedAt: now }).where(eq(articulationChats.id, chatId));
  }
  return { chat: chatId, reply: turn.reply, draft, messages };
}

import { and, eq } from "drizzle-orm";
import { notFound } from "../../core/errors.ts";
import { continueArticulation } from "./llm/articulation.ts";
import { articulationChats, questions } from "./schema.ts";
import { requireLlm, type ServiceDeps } from "../../platform/deps.ts";
import { newId } from "../../platform/ids.ts";
import type { Participant } from "../../platform/participants/participants.ts";
import type { ArticulateMessage } from "./inputs.ts";

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

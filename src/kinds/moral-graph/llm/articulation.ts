import { z } from "zod";
import type { ChatTurn, Llm } from "../../../ports.ts";
import { completeJson } from "../../../providers/complete-json.ts";
import { renderPrompt } from "../../../providers/prompts.ts";

/** A message of the articulation chat, as the participant saw it. */
export interface ArticulationMessage {
  readonly role: "user" | "assistant";
  readonly content: string;
}

const line = (max: number) => z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);

/** A values card as the model drafts it; the limits are those of the card form. */
export const CardDraft = z.object({
  title: line(200),
  description: line(3000),
  policies: z.array(line(300)).min(3, "must list 3 to 7 attention policies").max(7, "must list 3 to 7 attention policies"),
});
export type CardDraft = z.infer<typeof CardDraft>;

const ChatReply = z.object({
  reply: line(4000),
  // Some models write the flag as a string.
  ready_to_draft: z.union([z.boolean(), z.enum(["true", "false"]).transform((flag) => flag === "true")]).default(false),
});

function transcript(messages: readonly ArticulationMessage[]): string {
  return messages.map(({ role, content }) => `${role === "user" ? "Participant" : "Assistant"}: ${content.trim()}`).join("\n\n");
}

/** Drafts a values card from an articulation chat so far. */
export async function draftValuesCard(
  llm: Llm,
  input: { question: string; messages: readonly ArticulationMessage[] },
): Promise<CardDraft> {
  const prompt = renderPrompt("card-draft", { question: input.question, conversation: transcript(input.messages) });
  return completeJson(llm, [{ role: "user", content: prompt }], CardDraft, "values card draft", { temperature: 0.3 });
}

/**
 * One assistant turn of the articulation chat: asks what the participant would attend to, and
 * once the model judges it has enough (or the participant asks for it), also drafts a card.
 * With no messages yet, the reply is the assistant's opening question.
 */
export async function continueArticulation(
  llm: Llm,
  input: { question: string; messages: readonly ArticulationMessage[] },
): Promise<{ reply: string; draft?: CardDraft }> {
  const opening: ChatTurn[] = input.messages.length === 0 ? [{ role: "user", content: renderPrompt("articulation-opening") }] : [];
  const turns: ChatTurn[] = [
    { role: "system", content: renderPrompt("articulation-chat", { question: input.question }) },
    ...opening,
    ...input.messages.map(({ role, content }) => ({ role, content })),
  ];
  const chat = await completeJson(llm, turns, ChatReply, "articulation reply", { temperature: 0.7 });
  if (!chat.ready_to_draft || !input.messages.some((message) => message.role === "user")) return { reply: chat.reply };
  return { reply: chat.reply, draft: await draftValuesCard(llm, input) };
}

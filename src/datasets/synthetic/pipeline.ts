import { findLecturing } from "../../core/text/lecture-filter.ts";
import { renderPrompt } from "../../providers/prompts.ts";
import type { MeteredChat } from "../../providers/openai-chat.ts";
import type { ContextValues } from "../types.ts";
import type { PromptResult } from "./job-state.ts";
import { withRetries, type RetryPolicy } from "./retry.ts";
import { listValues } from "./templates.ts";

/**
 * One prompt, as the Meaning Alignment Institute's plan has it but with the crowd's values: the
 * model names the situation (context) the prompt is in, with a confidence; the chosen response
 * attends to the wisest values of that context in the campaign's graph (or, when the model is
 * unsure, asks a clarifying question attending to them); a plain response to the same prompt is
 * the rejected side; a chosen response that lectures is dropped.
 */
export async function synthesizeOne(chat: MeteredChat, retry: RetryPolicy, contexts: readonly ContextValues[], threshold: number, i: number, prompt: string): Promise<PromptResult> {
  const usage: { input: number; output: number } = { input: 0, output: 0 };
  const call = async (...args: Parameters<MeteredChat["complete"]>) => {
    const reply = await withRetries(retry, () => chat.complete(...args));
    usage.input += reply.usage.input;
    usage.output += reply.usage.output;
    return reply.text;
  };
  const names = contexts.map((c) => c.name);
  const sorted = JSON.parse(await call([{ role: "user", content: renderPrompt("synthetic-context", { contexts: names.map((n) => `- ${n}`).join("\n"), prompt }) }], { json: true, temperature: 0 })) as {
    context?: unknown;
    confidence?: unknown;
  };
  const named = contexts.find((c) => c.name === sorted.context);
  const confidence = named && typeof sorted.confidence === "number" && Number.isFinite(sorted.confidence) ? Math.min(1, Math.max(0, sorted.confidence)) : 0;
  const context = named ?? contexts[0]!;
  const clarifying = confidence < threshold;
  const values = context.values;
  const system = clarifying ? renderPrompt("synthetic-clarify", { values: listValues(values) }) : renderPrompt("synthetic-grounded", { context: context.name, values: listValues(values) });
  const chosen = await call([{ role: "system", content: system }, { role: "user", content: prompt }], { temperature: 0.7 });
  const rejected = await call([{ role: "system", content: renderPrompt("synthetic-plain") }, { role: "user", content: prompt }], { temperature: 0.7 });
  const lecturing = findLecturing(chosen);
  const dropped = lecturing.length > 0 ? lecturing : chosen.trim() === rejected.trim() ? ["the same as the plain response"] : null;
  return { i, context: context.context, confidence, clarifying, chosen, rejected, values: values.map((v) => v.id), usage, dropped };
}

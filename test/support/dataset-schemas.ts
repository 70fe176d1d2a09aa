import { z } from "zod";

// The published rules of each trainer format, as schemas a test checks every line against:
// field names and types, roles, non-empty content, nothing else on a line.
// TRL: huggingface.co/docs/trl/dataset_formats (conversational form). OpenAI:
// platform.openai.com/docs/guides/supervised-fine-tuning (chat format, `weight` 0 or 1 on assistant
// messages) and …/direct-preference-optimization (input.messages, preferred_output, non_preferred_output).

const content = z.string().min(1).refine((s) => s.trim() !== "", "content is not blank");
const message = z.strictObject({ role: z.enum(["system", "user", "assistant"]), content });
const assistant = z.strictObject({ role: z.literal("assistant"), content });
const promptMessages = z.array(message).min(1).refine((m) => m.at(-1)!.role === "user", "the prompt ends with the user's turn");
const conversation = z.array(message).min(2).refine((m) => m.at(-1)!.role === "assistant", "the conversation ends with the assistant's turn");

export const TRAINER_SCHEMAS = {
  "trl-sft": z.strictObject({ messages: conversation }),
  "trl-preference": z.strictObject({ prompt: promptMessages, chosen: z.array(assistant).length(1), rejected: z.array(assistant).length(1), margin: z.number().optional() }),
  "trl-kto": z.strictObject({ prompt: promptMessages, completion: z.array(assistant).length(1), label: z.boolean() }),
  "openai-sft": z.strictObject({
    messages: z.array(z.union([z.strictObject({ role: z.enum(["system", "user"]), content }), z.strictObject({ role: z.literal("assistant"), content, weight: z.union([z.literal(0), z.literal(1)]).optional() })])).min(2),
  }),
  "openai-preference": z.strictObject({
    input: z.strictObject({ messages: promptMessages }),
    preferred_output: z.array(assistant).length(1),
    non_preferred_output: z.array(assistant).length(1),
  }),
} as const;

/** Checks a JSONL text: one JSON object per line, each valid under `schema`; returns the rows. */
export function readJsonl(text: string, schema: z.ZodType): unknown[] {
  if (!text.endsWith("\n")) throw new Error("a JSONL file ends with a newline");
  return text.slice(0, -1).split("\n").map((line, i) => {
    const value: unknown = JSON.parse(line);
    if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error(`line ${i + 1} is not an object`);
    const result = schema.safeParse(value);
    if (!result.success) throw new Error(`line ${i + 1}: ${result.error.message}`);
    return value;
  });
}

import { z } from "@hono/zod-openapi";
import type { ChatMessage, PreferencePair, SftExample } from "./types.ts";

// The formats a campaign exports to, and the JSON row each trainer format holds, as the trainers'
// documentation gives them:
// - Hugging Face TRL (huggingface.co/docs/trl/dataset_formats), conversational form: SFT
//   `{messages}`, preference `{prompt, chosen, rejected, margin?}`, unpaired preference (KTO)
//   `{prompt, completion, label}`, where prompt, chosen, rejected and completion are lists of
//   `{role, content}` messages;
// - OpenAI fine-tuning (platform.openai.com/docs/guides/supervised-fine-tuning and
//   …/direct-preference-optimization): chat `{messages}` with an optional `weight` (0 or 1) on an
//   assistant message, and preference `{input: {messages}, preferred_output, non_preferred_output}`.

export const TRAINER_FORMATS = ["trl-sft", "trl-preference", "trl-kto", "openai-sft", "openai-preference"] as const;
export const TABLE_FORMATS = ["csv", "parquet"] as const;
export const FORMATS = [...TRAINER_FORMATS, ...TABLE_FORMATS] as const;

export type TrainerFormat = (typeof TRAINER_FORMATS)[number];
export type TableFormat = (typeof TABLE_FORMATS)[number];
export type Format = (typeof FORMATS)[number];

export const FormatName = z.enum(FORMATS).openapi({ description: "trl-sft, trl-preference, trl-kto, openai-sft, openai-preference, csv or parquet" });

export const isTableFormat = (format: Format): format is TableFormat => (TABLE_FORMATS as readonly string[]).includes(format);

/** Which trainer rows a format is made from. */
export const FAMILY: Record<TrainerFormat, "sft" | "preference"> = {
  "trl-sft": "sft",
  "trl-preference": "preference",
  "trl-kto": "preference",
  "openai-sft": "sft",
  "openai-preference": "preference",
};

const assistant = (content: string, weight?: 0 | 1): Record<string, unknown> => ({ role: "assistant", content, ...(weight !== undefined && { weight }) });
const messages = (prompt: readonly ChatMessage[]) => prompt.map((m) => ({ role: m.role, content: m.content }));

/** The JSON rows (one or two) of an SFT example in a format of the SFT family. */
export function sftRows(format: TrainerFormat, example: SftExample): Record<string, unknown>[] {
  switch (format) {
    case "trl-sft":
      return [{ messages: [...messages(example.prompt), assistant(example.completion)] }];
    case "openai-sft":
      return [{ messages: [...messages(example.prompt), assistant(example.completion, example.weight)] }];
    case "trl-preference":
    case "trl-kto":
    case "openai-preference":
      throw new TypeError(`${format} is made from preference pairs`);
  }
}

/** The JSON rows of a preference pair in a format of the preference family: KTO gives two, unpaired. */
export function preferenceRows(format: TrainerFormat, pair: PreferencePair): Record<string, unknown>[] {
  switch (format) {
    case "trl-preference":
      return [{ prompt: messages(pair.prompt), chosen: [assistant(pair.chosen)], rejected: [assistant(pair.rejected)], ...(pair.margin !== undefined && { margin: pair.margin }) }];
    case "trl-kto":
      return [
        { prompt: messages(pair.prompt), completion: [assistant(pair.chosen)], label: true },
        { prompt: messages(pair.prompt), completion: [assistant(pair.rejected)], label: false },
      ];
    case "openai-preference":
      return [{ input: { messages: messages(pair.prompt) }, preferred_output: [assistant(pair.chosen)], non_preferred_output: [assistant(pair.rejected)] }];
    case "trl-sft":
    case "openai-sft":
      throw new TypeError(`${format} is made from SFT examples`);
  }
}

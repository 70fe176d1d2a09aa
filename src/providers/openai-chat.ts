import OpenAI from "openai";
import type { ChatTurn } from "../ports.ts";
import type { ProviderConfig } from "./provider-env.ts";
import { extractJsonObject, stripThinking } from "./json-reply.ts";
import { translateClientError, upstreamFailed } from "./upstream-error.ts";

/** Tokens a completion took, as the provider counted them. */
export interface TokenUsage {
  readonly input: number;
  readonly output: number;
}

/** A chat model that also tells what each reply cost in tokens, for batch jobs that account for them. */
export interface MeteredChat {
  readonly model: string;
  complete(turns: readonly ChatTurn[], options?: { json?: boolean; temperature?: number; maxTokens?: number }): Promise<{ text: string; usage: TokenUsage }>;
}

const WHAT = "LLM provider";

/**
 * An OpenAI-compatible chat model that makes one attempt per call (the caller retries, with its
 * own backoff) and reports token usage; a reply without usage counts as zero tokens.
 */
export function openAiMeteredChat(config: ProviderConfig): MeteredChat {
  const timeoutMs = config.timeoutMs ?? 120_000;
  const client = new OpenAI({ baseURL: config.baseUrl, apiKey: config.apiKey || "none", timeout: timeoutMs, maxRetries: 0 });
  return {
    model: config.model,
    async complete(turns, options = {}) {
      const completion = await client.chat.completions
        .create({
          model: config.model,
          messages: turns.map((turn) => ({ role: turn.role, content: turn.content })),
          ...(options.temperature !== undefined && { temperature: options.temperature }),
          ...(options.maxTokens !== undefined && { max_tokens: options.maxTokens }),
          ...(options.json && { response_format: { type: "json_object" as const } }),
        })
        .catch((error: unknown) => {
          throw translateClientError(WHAT, config.baseUrl, timeoutMs, error);
        });
      const content = completion.choices?.[0]?.message?.content;
      if (typeof content !== "string" || stripThinking(content) === "") throw upstreamFailed(WHAT, config.baseUrl, `returned no message content (model ${config.model})`);
      const text = options.json ? extractJsonObject(content) : stripThinking(content);
      if (text === undefined) throw upstreamFailed(WHAT, config.baseUrl, `was asked for JSON but the reply holds no JSON object (model ${config.model})`);
      return { text, usage: { input: completion.usage?.prompt_tokens ?? 0, output: completion.usage?.completion_tokens ?? 0 } };
    },
  };
}

import OpenAI, { APIError } from "openai";
import type { ChatTurn, Llm } from "../ports.ts";
import { extractJsonObject, stripThinking } from "./json-reply.ts";
import { readProviderEnv, type ProviderConfig, type ProviderEnv } from "./provider-env.ts";
import { translateClientError, upstreamFailed } from "./upstream-error.ts";

export interface OpenAiLlmConfig extends ProviderConfig {
  /** Retries on connection errors, 408, 409, 429 and 5xx. Default 1. */
  readonly maxRetries?: number | undefined;
}

const WHAT = "LLM provider";

/** An Llm over any server that speaks the OpenAI chat-completions API. */
export function openAiLlm(config: OpenAiLlmConfig): Llm {
  const timeoutMs = config.timeoutMs ?? 120_000;
  const client = new OpenAI({
    baseURL: config.baseUrl,
    // Always explicit, so that an OPENAI_API_KEY in the environment never reaches another server.
    apiKey: config.apiKey || "none",
    timeout: timeoutMs,
    maxRetries: config.maxRetries ?? 1,
  });
  // Some servers (LM Studio, older llama.cpp) reject `response_format`; after the first refusal,
  // ask for JSON in the prompt only and extract it from the text.
  let jsonModeRefused = false;

  async function request(turns: readonly ChatTurn[], options: Parameters<Llm["complete"]>[1], jsonMode: boolean) {
    return client.chat.completions.create({
      model: config.model,
      messages: turns.map((turn) => ({ role: turn.role, content: turn.content })),
      ...(options?.temperature !== undefined ? { temperature: options.temperature } : {}),
      ...(options?.maxTokens !== undefined ? { max_tokens: options.maxTokens } : {}),
      ...(jsonMode ? { response_format: { type: "json_object" as const } } : {}),
    });
  }

  async function send(turns: readonly ChatTurn[], options: Parameters<Llm["complete"]>[1]) {
    const jsonMode = options?.json === true && !jsonModeRefused;
    try {
      return await request(turns, options, jsonMode);
    } catch (error) {
      if (jsonMode && error instanceof APIError && error.status === 400 && /response_format/i.test(error.message)) {
        jsonModeRefused = true;
        return request(turns, options, false).catch((retryError: unknown) => {
          throw translateClientError(WHAT, config.baseUrl, timeoutMs, retryError);
        });
      }
      throw translateClientError(WHAT, config.baseUrl, timeoutMs, error);
    }
  }

  return {
    model: config.model,
    async complete(turns, options) {
      const completion = await send(turns, options);
      const choice = completion.choices?.[0];
      const content = choice?.message?.content;
      if (typeof content !== "string" || stripThinking(content) === "") {
        throw upstreamFailed(WHAT, config.baseUrl, `returned no message content (model ${config.model})`);
      }
      if (options?.json !== true) return stripThinking(content);
      const json = extractJsonObject(content);
      if (json !== undefined) return json;
      const why = choice?.finish_reason === "length" ? "the reply was cut off at the token limit" : "the reply holds no JSON object";
      // The reply may echo what a participant wrote: it goes in the detail, which the server log leaves out.
      throw upstreamFailed(WHAT, config.baseUrl, `was asked for JSON but ${why} (model ${config.model})`, { reply: content.slice(0, 200) });
    },
  };
}

/**
 * The Llm named by POLYPHONY_LLM_BASE_URL and POLYPHONY_LLM_MODEL (with optional
 * POLYPHONY_LLM_API_KEY and POLYPHONY_LLM_TIMEOUT_MS), or undefined when neither is set.
 * Setting only one of the two is a configuration mistake and throws.
 */
export function llmFromEnv(env: ProviderEnv): Llm | undefined {
  const config = readProviderEnv(env, "LLM");
  return config && openAiLlm(config);
}

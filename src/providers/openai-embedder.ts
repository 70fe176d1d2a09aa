import OpenAI from "openai";
import { z } from "zod";
import { PolyphonyError } from "../core/errors.ts";
import { normalise } from "../core/text/vectors.ts";
import type { Embedder } from "../ports.ts";
import { readProviderEnv, type ProviderConfig, type ProviderEnv } from "./provider-env.ts";
import { translateClientError, upstreamFailed } from "./upstream-error.ts";

export interface OpenAiEmbedderConfig extends ProviderConfig {
  /** Texts per request. Default 64. */
  readonly batchSize?: number | undefined;
  /** Retries on connection errors, 408, 409, 429 and 5xx. Default 1. */
  readonly maxRetries?: number | undefined;
}

const EmbeddingResponse = z.object({
  data: z.array(z.object({ index: z.number().int().nonnegative(), embedding: z.array(z.number()).min(1) })),
});

const WHAT = "embedding provider";

/**
 * An Embedder over any server that speaks the OpenAI `/v1/embeddings` API, in batches, returning
 * unit vectors. `dimensions` is 0 until the first answer tells it; every later answer must agree.
 */
export function openAiEmbedder(config: OpenAiEmbedderConfig): Embedder {
  const timeoutMs = config.timeoutMs ?? 60_000;
  const batchSize = config.batchSize ?? 64;
  if (!(Number.isInteger(batchSize) && batchSize > 0)) {
    throw new PolyphonyError("invalid_input", `batch size must be a positive whole number, got ${batchSize}`, { field: "batchSize" });
  }
  const client = new OpenAI({ baseURL: config.baseUrl, apiKey: config.apiKey || "none", timeout: timeoutMs, maxRetries: config.maxRetries ?? 1 });
  let dimensions = 0;

  async function embedBatch(batch: readonly string[]): Promise<Float32Array[]> {
    let response: unknown;
    try {
      // "float", not the client's default base64: several local servers answer only with arrays.
      response = await client.embeddings.create({ model: config.model, input: [...batch], encoding_format: "float" });
    } catch (error) {
      throw translateClientError(WHAT, config.baseUrl, timeoutMs, error);
    }
    const parsed = EmbeddingResponse.safeParse(response);
    if (!parsed.success) {
      throw upstreamFailed(WHAT, config.baseUrl, `answered with something other than embeddings: ${parsed.error.issues[0]?.message ?? ""}`);
    }
    const items = [...parsed.data.data].sort((a, b) => a.index - b.index);
    if (items.length !== batch.length || items.some((item, k) => item.index !== k)) {
      throw upstreamFailed(WHAT, config.baseUrl, `returned ${items.length} embeddings for ${batch.length} texts`);
    }
    return items.map(({ embedding }) => {
      dimensions ||= embedding.length;
      if (embedding.length !== dimensions) {
        throw upstreamFailed(WHAT, config.baseUrl, `returned a vector of ${embedding.length} dimensions after ones of ${dimensions}`);
      }
      return normalise(Float32Array.from(embedding));
    });
  }

  return {
    name: `openai-compatible:${config.model}`,
    get dimensions() {
      return dimensions;
    },
    async embed(texts) {
      const vectors: Float32Array[] = [];
      for (let start = 0; start < texts.length; start += batchSize) {
        vectors.push(...(await embedBatch(texts.slice(start, start + batchSize))));
      }
      return vectors;
    },
  };
}

/**
 * The Embedder named by POLYPHONY_EMBED_BASE_URL and POLYPHONY_EMBED_MODEL (with optional
 * _API_KEY and _TIMEOUT_MS), or undefined when neither is set: the caller then uses the local
 * word vectors. Setting only one of the two throws.
 */
export function embedderFromEnv(env: ProviderEnv): Embedder | undefined {
  const config = readProviderEnv(env, "EMBED");
  return config && openAiEmbedder(config);
}

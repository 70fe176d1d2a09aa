import { afterEach, describe, expect, it } from "vitest";
import { startFakeOpenAi, type FakeHandler, type FakeOpenAi } from "../../test/support/fake-openai-server.ts";
import { cosineSimilarity, norm } from "../core/text/vectors.ts";
import { embedderFromEnv, openAiEmbedder } from "./openai-embedder.ts";

let server: FakeOpenAi | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function embedderFor(handler?: FakeHandler, options: { batchSize?: number; timeoutMs?: number } = {}) {
  server = await startFakeOpenAi(handler, { dimensions: 32 });
  return openAiEmbedder({ baseUrl: server.baseUrl, model: "fake-embed", maxRetries: 0, ...options });
}

describe("openAiEmbedder", () => {
  it("embeds texts in order as unit vectors, in batches, and learns the dimension", async () => {
    const embedder = await embedderFor(undefined, { batchSize: 2 });
    expect(embedder.dimensions).toBe(0);
    const texts = ["people feel heard", "people feel heard today", "car prices", "weather"];
    const vectors = await embedder.embed(texts);
    expect(embedder.dimensions).toBe(32);
    expect(vectors).toHaveLength(4);
    for (const vector of vectors) expect(norm(vector)).toBeCloseTo(1, 5);
    expect(cosineSimilarity(vectors[0]!, vectors[1]!)).toBeGreaterThan(cosineSimilarity(vectors[0]!, vectors[2]!));
    expect(server!.requests.map((r) => r.body.input)).toEqual([texts.slice(0, 2), texts.slice(2)]);
    expect(server!.requests[0]!.body).toMatchObject({ model: "fake-embed", encoding_format: "float" });
    expect(embedder.name).toBe("openai-compatible:fake-embed");
  });

  it("puts the answer back in input order when the server shuffles it", async () => {
    const embedder = await embedderFor(({ body }) => {
      const inputs = body.input as string[];
      const data = inputs.map((_, index) => ({ index, embedding: [index + 1, 0] })).reverse();
      return { body: { data } };
    });
    const vectors = await embedder.embed(["a", "b"]);
    expect(Array.from(vectors[0]!)).toEqual([1, 0]);
    expect(Array.from(vectors[1]!)).toEqual([1, 0]);
    expect(embedder.dimensions).toBe(2);
  });

  it("needs no request for no texts", async () => {
    const embedder = await embedderFor();
    expect(await embedder.embed([])).toEqual([]);
    expect(server!.requests).toHaveLength(0);
  });

  it("fails with upstream_failed on a 500, naming URL and status", async () => {
    const embedder = await embedderFor(() => ({ status: 500 }));
    await expect(embedder.embed(["x"])).rejects.toMatchObject({
      code: "upstream_failed",
      message: new RegExp(`embedding provider at ${server!.baseUrl} answered HTTP 500`),
      detail: { status: 500 },
    });
  });

  it("fails on a timeout", async () => {
    const embedder = await embedderFor(() => ({ delayMs: 5_000 }), { timeoutMs: 200 });
    await expect(embedder.embed(["x"])).rejects.toMatchObject({ code: "upstream_failed", message: /within 200 ms/ });
  });

  it("fails on a malformed answer, a missing vector or a change of dimension", async () => {
    let answer: unknown = { data: "nope" };
    const embedder = await embedderFor(() => ({ body: answer }));
    await expect(embedder.embed(["x"])).rejects.toThrow(/something other than embeddings/);
    answer = { data: [{ index: 0, embedding: [1, 2] }] };
    await expect(embedder.embed(["x", "y"])).rejects.toThrow(/returned 1 embeddings for 2 texts/);
    await embedder.embed(["x"]);
    answer = { data: [{ index: 0, embedding: [1, 2, 3] }] };
    await expect(embedder.embed(["x"])).rejects.toThrow(/3 dimensions after ones of 2/);
  });

  it("rejects a batch size that is not a positive whole number", () => {
    expect(() => openAiEmbedder({ baseUrl: "http://h/v1", model: "m", batchSize: 0 })).toThrow(/batch size/);
  });
});

describe("embedderFromEnv", () => {
  it("is undefined without configuration and reads the EMBED variables", () => {
    expect(embedderFromEnv({ POLYPHONY_LLM_BASE_URL: "http://h/v1", POLYPHONY_LLM_MODEL: "m" })).toBeUndefined();
    const embedder = embedderFromEnv({ POLYPHONY_EMBED_BASE_URL: "http://h/v1", POLYPHONY_EMBED_MODEL: "nomic-embed-text" });
    expect(embedder?.name).toBe("openai-compatible:nomic-embed-text");
    expect(() => embedderFromEnv({ POLYPHONY_EMBED_MODEL: "m" })).toThrow(/POLYPHONY_EMBED_BASE_URL/);
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { startFakeOpenAi, type FakeHandler, type FakeOpenAi } from "../../test/support/fake-openai-server.ts";
import { llmFromEnv, openAiLlm } from "./openai-llm.ts";

let server: FakeOpenAi | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function llmFor(handler?: FakeHandler, options: { timeoutMs?: number; apiKey?: string } = {}) {
  server = await startFakeOpenAi(handler);
  return openAiLlm({ baseUrl: server.baseUrl, model: "fake-model", maxRetries: 0, ...options });
}

const hello = [{ role: "user" as const, content: "Hello" }];

describe("openAiLlm", () => {
  it("sends the turns, model and options, and returns the reply", async () => {
    const llm = await llmFor(() => "  Hi there.  ");
    const reply = await llm.complete([{ role: "system", content: "Be brief." }, ...hello], { temperature: 0.2, maxTokens: 50 });
    expect(reply).toBe("Hi there.");
    const body = server!.requests[0]!.body;
    expect(body).toMatchObject({ model: "fake-model", temperature: 0.2, max_tokens: 50, messages: [{ role: "system" }, { role: "user", content: "Hello" }] });
    expect(body.response_format).toBeUndefined();
  });

  it("sends the API key as a bearer token", async () => {
    const llm = await llmFor(undefined, { apiKey: "sk-test" });
    await llm.complete(hello);
    expect(server!.requests[0]!.headers.authorization).toBe("Bearer sk-test");
  });

  it("asks for JSON mode and returns the JSON object", async () => {
    const llm = await llmFor(() => '{"a": 1}');
    expect(await llm.complete(hello, { json: true })).toBe('{"a": 1}');
    expect(server!.requests[0]!.body.response_format).toEqual({ type: "json_object" });
  });

  it("extracts the JSON object when the server ignores JSON mode", async () => {
    const llm = await llmFor(() => '<think>maybe {x}</think>Sure! ```json\n{"title": "a {b}", "n": [1]}\n``` Hope that helps.');
    expect(JSON.parse(await llm.complete(hello, { json: true }))).toEqual({ title: "a {b}", n: [1] });
  });

  it("drops JSON mode after a server refuses response_format, and finds the JSON in the text", async () => {
    const llm = await llmFor(({ body }) =>
      body.response_format ? { status: 400, body: { error: { message: "'response_format.type' must be 'json_schema'" } } } : 'Here: {"ok": true}',
    );
    expect(await llm.complete(hello, { json: true })).toBe('{"ok": true}');
    expect(await llm.complete(hello, { json: true })).toBe('{"ok": true}');
    expect(server!.requests.map((r) => r.body.response_format !== undefined)).toEqual([true, false, false]);
  });

  it("fails with upstream_failed naming the URL and status on a 500", async () => {
    const llm = await llmFor(() => ({ status: 500 }));
    const error = await llm.complete(hello).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "upstream_failed", detail: { provider: server!.baseUrl, status: 500 } });
    expect((error as Error).message).toContain(`LLM provider at ${server!.baseUrl} answered HTTP 500`);
  });

  it("fails with upstream_failed when the server does not answer in time", async () => {
    const llm = await llmFor(() => ({ delayMs: 5_000, content: "late" }), { timeoutMs: 200 });
    await expect(llm.complete(hello)).rejects.toMatchObject({ code: "upstream_failed", message: /did not answer within 200 ms/ });
  });

  it("fails with upstream_failed when nothing listens at the URL", async () => {
    const llm = await llmFor();
    await server!.close();
    server = undefined;
    await expect(llm.complete(hello)).rejects.toMatchObject({ code: "upstream_failed", message: /could not be reached/ });
  });

  it("fails when asked for JSON but the reply has none, saying when it was cut off", async () => {
    const llm = await llmFor(({ body }) => (body.max_tokens ? { content: '{"story": "Once', finishReason: "length" } : "No JSON here."));
    await expect(llm.complete(hello, { json: true })).rejects.toMatchObject({ code: "upstream_failed", message: /holds no JSON object/ });
    await expect(llm.complete(hello, { json: true, maxTokens: 5 })).rejects.toThrow(/cut off at the token limit/);
  });

  it("fails on an empty reply or a body without choices", async () => {
    const empty = await llmFor(() => "   ");
    await expect(empty.complete(hello)).rejects.toMatchObject({ code: "upstream_failed", message: /no message content/ });
    await server!.close();
    const odd = await llmFor(() => ({ body: { object: "chat.completion" } }));
    await expect(odd.complete(hello)).rejects.toMatchObject({ code: "upstream_failed" });
  });
});

describe("llmFromEnv", () => {
  it("is undefined without configuration and an Llm with it", () => {
    expect(llmFromEnv({})).toBeUndefined();
    expect(llmFromEnv({ POLYPHONY_LLM_BASE_URL: "http://localhost:11434/v1", POLYPHONY_LLM_MODEL: "llama3.2" })?.model).toBe("llama3.2");
  });

  it("rejects half a configuration, a bad URL or a bad timeout", () => {
    expect(() => llmFromEnv({ POLYPHONY_LLM_BASE_URL: "http://localhost:8000/v1" })).toThrow(/POLYPHONY_LLM_MODEL must be too/);
    expect(() => llmFromEnv({ POLYPHONY_LLM_MODEL: "m" })).toThrow(/POLYPHONY_LLM_BASE_URL must be too/);
    expect(() => llmFromEnv({ POLYPHONY_LLM_BASE_URL: "localhost", POLYPHONY_LLM_MODEL: "m" })).toThrow(/not a URL/);
    expect(() => llmFromEnv({ POLYPHONY_LLM_BASE_URL: "http://u:secret@h/v1", POLYPHONY_LLM_MODEL: "m" })).toThrow(/POLYPHONY_LLM_API_KEY/);
    expect(() => llmFromEnv({ POLYPHONY_LLM_BASE_URL: "http://h/v1", POLYPHONY_LLM_MODEL: "m", POLYPHONY_LLM_TIMEOUT_MS: "soon" })).toThrow(/TIMEOUT_MS/);
  });
});

import { afterEach } from "vitest";
import { openAiLlm } from "../../src/providers/openai-llm.ts";
import type { Llm } from "../../src/ports.ts";
import { startFakeOpenAi, type FakeHandler, type FakeOpenAi } from "./fake-openai-server.ts";

/**
 * For a test file: `llmFor(handler)` starts a local OpenAI-compatible server and returns an Llm
 * talking to it; `server()` is that server (for its recorded requests). Each test's server is
 * closed after it.
 */
export function useFakeLlm() {
  let current: FakeOpenAi | undefined;
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return {
    async llmFor(handler?: FakeHandler): Promise<Llm> {
      current = await startFakeOpenAi(handler);
      return openAiLlm({ baseUrl: current.baseUrl, model: "fake-model", maxRetries: 0 });
    },
    server(): FakeOpenAi {
      if (!current) throw new Error("call llmFor first");
      return current;
    },
  };
}
